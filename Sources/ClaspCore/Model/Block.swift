/// An unnumbered block the structure keeps apart from the numbered units.
public struct Block: Codable, Sendable, Hashable {
  /// What the block is.
  public enum Kind: String, Codable, Sendable, Hashable {
    /// "Case Example:" / "Case example 3:" narratives.
    case caseExample = "case_example"
    /// "Practice example" / "Good Practice Example" narratives.
    case practiceExample = "practice_example"
    /// A quotation under "What people told us".
    case quote
  }

  public let kind: Kind
  /// The section the block stands in.
  public let section: SectionID
  /// The block's label as printed ("Case example 5"), empty for quotes.
  public let label: String
  /// The block's text, normalised.
  public let text: String
  public let lines: LineRange
  /// The numbered paragraph the block follows, if any.
  public let after: UnitID?

  public init(
    kind: Kind, section: SectionID, label: String, text: String, lines: LineRange, after: UnitID?
  ) {
    self.kind = kind
    self.section = section
    self.label = label
    self.text = text
    self.lines = lines
    self.after = after
  }
}
