/// A citation from a finding paragraph to a recommendation, e.g. "(Recommendation 4.8)".
public struct RecommendationReference: Codable, Sendable, Hashable {
  /// The citing paragraph.
  public let from: UnitID
  /// The cited recommendation id (`rec:4.8`), whether or not the report contains it.
  public let to: UnitID
  /// False when the report has no recommendation with that number.
  public let resolved: Bool
  /// The source line of the citation.
  public let line: Int

  public init(from: UnitID, to: UnitID, resolved: Bool, line: Int) {
    self.from = from
    self.to = to
    self.resolved = resolved
    self.line = line
  }
}
