/// One theme coded in one unit, with the evidence that triggered it.
public struct Finding: Codable, Sendable, Hashable {
  /// The reviewed area as printed in the report title.
  public let area: String
  /// The area slug (`derby`), the `report` key of gold files.
  public let report: String
  public let unit: UnitID
  public let section: SectionID
  public let theme: ThemeID
  public let polarity: Polarity
  /// The sentence(s) of the unit that matched the theme, in order.
  public let evidence: [String]
  /// Every term that matched, with byte offsets into the unit text.
  public let matches: [MatchedTerm]
  /// The recommendation ids the unit cites.
  public let citedRecommendations: [UnitID]

  public init(
    area: String, report: String, unit: UnitID, section: SectionID, theme: ThemeID,
    polarity: Polarity, evidence: [String], matches: [MatchedTerm], citedRecommendations: [UnitID]
  ) {
    self.area = area
    self.report = report
    self.unit = unit
    self.section = section
    self.theme = theme
    self.polarity = polarity
    self.evidence = evidence
    self.matches = matches
    self.citedRecommendations = citedRecommendations
  }
}

/// A codebook pattern that matched unit text.
public struct MatchedTerm: Codable, Sendable, Hashable {
  /// The pattern as written in the codebook (`supervis*`).
  public let pattern: String
  /// The text it matched, as in the unit.
  public let text: String
  /// Byte offsets of the match in the unit's UTF-8 text, half-open.
  public let start: Int
  public let end: Int

  public init(pattern: String, text: String, start: Int, end: Int) {
    precondition(start <= end, "match ends before it starts")
    self.pattern = pattern
    self.text = text
    self.start = start
    self.end = end
  }
}
