/// A numbered unit of a report: a finding paragraph (`para:N.N`) or a recommendation item (`rec:N.N`).
public struct ReportUnit: Codable, Sendable, Hashable, Identifiable {
  /// The unit's id exactly as gold annotation spells it.
  public let id: UnitID
  /// The section the unit stands in.
  public let section: SectionID
  /// The unit's text, normalised, without its number or bullet, lines joined by `\n`.
  public let text: String
  /// Where the unit lies in the normalised source.
  public let lines: LineRange
  /// True when the report lost this unit's number and it was inferred from its neighbours.
  public let inferred: Bool
  /// Recommendation ids the unit cites, in order of first citation, e.g. `(Recommendation 4.8)`.
  public let citedRecommendations: [UnitID]

  public init(
    id: UnitID, section: SectionID, text: String, lines: LineRange, inferred: Bool = false,
    citedRecommendations: [UnitID] = []
  ) {
    self.id = id
    self.section = section
    self.text = text
    self.lines = lines
    self.inferred = inferred
    self.citedRecommendations = citedRecommendations
  }
}
