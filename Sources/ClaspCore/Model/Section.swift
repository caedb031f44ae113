/// A recognised section of the report and where it lies.
public struct Section: Codable, Sendable, Hashable {
  public let id: SectionID
  /// The heading as printed.
  public let heading: String
  public let lines: LineRange
  /// The section's body (the lines after its heading, joined by `\n`, blank lines kept so that line
  /// `k` of the text is source line `lines.first + 1 + k`), for the prose sections whose content is not
  /// split into units (`SectionID.proseSections`); `nil` otherwise.
  public let text: String?

  public init(id: SectionID, heading: String, lines: LineRange, text: String? = nil) {
    self.id = id
    self.heading = heading
    self.lines = lines
    self.text = text
  }
}
