/// A quantity counted for every theme in every area, each with a stated denominator.
public enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
  /// Finding paragraphs coded with the theme, out of the report's finding paragraphs.
  case findings
  /// Finding paragraphs coded with the theme as a concern (negative or mixed), out of those coded with it.
  case concerns
  /// Finding paragraphs coded with the theme as a strength (positive or mixed), out of those coded with it.
  case strengths
  /// Recommendation items coded with the theme, out of the report's recommendation items.
  case recommendations
  /// 1 when any unit (paragraph or recommendation) is coded with the theme, out of 1 per area.
  case presence
  /// Finding paragraphs coded with the theme per 100 finding paragraphs of the report.
  case ratePer100Units = "rate_per_100_units"

  /// A short label for table headings.
  public var title: String {
    switch self {
    case .findings: "Findings (paragraphs coded)"
    case .concerns: "Concerns (negative or mixed paragraphs)"
    case .strengths: "Strengths (positive or mixed paragraphs)"
    case .recommendations: "Recommendations addressing the theme"
    case .presence: "Presence (any unit coded)"
    case .ratePer100Units: "Rate per 100 finding paragraphs"
    }
  }

  /// What the count is out of, as a phrase.
  public var denominatorDescription: String {
    switch self {
    case .findings, .ratePer100Units: "finding paragraphs in the area's report"
    case .concerns, .strengths: "finding paragraphs coded with the theme in the area"
    case .recommendations: "recommendation items in the area's report"
    case .presence: "1 per area"
    }
  }

  /// True when the value is a rate, not a count (and so is printed with decimals).
  public var isRate: Bool { self == .ratePer100Units }

  /// The measure's value for `tally`: the count, or for the rate, 100 x count / denominator (0 when empty).
  public func value(of tally: Tally) -> Double {
    guard isRate else { return Double(tally.count) }
    return tally.denominator == 0 ? 0 : Double(tally.count) * 100 / Double(tally.denominator)
  }
}
