/// Unit counts for one theme in one area-year; a parent theme counts each unit once however many of its
/// children the unit is coded with.
public struct ThemeCounts: Codable, Sendable, Hashable {
  /// Finding paragraphs coded with the theme.
  public var findings = 0
  /// Finding paragraphs where the theme is a concern (negative or mixed).
  public var concerns = 0
  /// Finding paragraphs where the theme is a strength (positive or mixed).
  public var strengths = 0
  /// Recommendation items coded with the theme.
  public var recommendations = 0
  /// Units of either kind coded with the theme.
  public var units = 0

  /// All zeros.
  public init() {}

  /// Adds counts field by field.
  public static func + (lhs: ThemeCounts, rhs: ThemeCounts) -> ThemeCounts {
    var out = lhs
    out.findings += rhs.findings
    out.concerns += rhs.concerns
    out.strengths += rhs.strengths
    out.recommendations += rhs.recommendations
    out.units += rhs.units
    return out
  }
}

/// Counts for one area-year: how many reports and units it has, and per-theme counts.
public struct GroupCounts: Codable, Sendable, Hashable {
  /// Reports merged into the group (more than one means a duplicate input).
  public var reports = 0
  /// Finding paragraphs (`para:` units), the denominator of most measures.
  public var paragraphs = 0
  /// Recommendation items (`rec:` units).
  public var recommendationItems = 0
  /// Per-theme counts, parents rolled up.
  public var themes: [ThemeID: ThemeCounts] = [:]

  /// No reports, no units.
  public init() {}

  /// Adds counts field by field and theme by theme.
  public static func + (lhs: GroupCounts, rhs: GroupCounts) -> GroupCounts {
    var out = lhs
    out.reports += rhs.reports
    out.paragraphs += rhs.paragraphs
    out.recommendationItems += rhs.recommendationItems
    // Adding to an empty group (the first of an area's reports) shares the other's table.
    if out.themes.isEmpty {
      out.themes = rhs.themes
    } else {
      out.themes.merge(rhs.themes, uniquingKeysWith: +)
    }
    return out
  }
}

/// An unordered pair of themes (`first <= second`), the key of co-occurrence counts.
public struct ThemePair: Hashable, Codable, Sendable {
  /// The smaller id.
  public let first: ThemeID
  /// The larger id (equal to `first` on the diagonal).
  public let second: ThemeID

  /// Makes the pair of `a` and `b` in either order.
  public init(_ a: ThemeID, _ b: ThemeID) {
    (first, second) = a <= b ? (a, b) : (b, a)
  }
}

/// A theme and an organisation type, the key of recommendation counts by addressee.
public struct ThemeOrganisation: Hashable, Codable, Sendable {
  /// The theme the items are coded with.
  public let theme: ThemeID
  /// The type of organisation addressed.
  public let organisation: OrganisationType

  /// Makes a key.
  public init(theme: ThemeID, organisation: OrganisationType) {
    self.theme = theme
    self.organisation = organisation
  }
}
