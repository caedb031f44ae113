/// The facts the national summary states, each computed from the tables; renderers only word them.
public struct NationalSummary: Codable, Sendable, Hashable {
  /// Reports analysed.
  public let reports: Int
  /// Areas analysed.
  public let areas: Int
  /// Finding paragraphs over all reports.
  public let paragraphs: Int
  /// The earliest known review year.
  public let firstYear: Int?
  /// The latest known review year.
  public let lastYear: Int?
  /// Themes raised as a concern in every area (only stated when there are at least two areas).
  public let concernsInEveryArea: [ThemeID]
  /// The themes raised as a concern in the most areas, when no theme is raised in every area.
  public let widestConcerns: [ThemeID]
  /// The number of areas raising each of `widestConcerns`.
  public let widestConcernAreas: Int
  /// Themes some but not all areas raised as a concern (stated beside `concernsInEveryArea`).
  public let concernsInSomeAreas: [ThemeID]
  /// Themes no area raised as a concern.
  public let neverConcerns: [ThemeID]
  /// The theme with the most concern paragraphs over all areas (first in codebook order on a tie).
  public let topConcern: NationalThemeRow?
  /// Areas whose concern rate for a theme stands far above the other areas'.
  public let outliers: [Outlier]
  /// The first and last known review years compared by `yearChanges`, with their area counts.
  public let trendSpan: YearSpan?
  /// The themes whose share of areas raising them as a concern differs between the first and the last
  /// known review year.
  public let yearChanges: [YearChange]
  /// The theme most recommendation items address, out of all items.
  public let topRecommendationTheme: ThemeShare?
  /// The organisation type most recommendation items are addressed to, out of all items.
  public let topOrganisation: OrganisationType?
  /// The recommendation items addressed to `topOrganisation`.
  public let topOrganisationItems: Int
  /// Recommendation items over all reports.
  public let recommendationItems: Int

  /// A theme with a count out of a total.
  public struct ThemeShare: Codable, Sendable, Hashable {
    /// The theme.
    public let theme: ThemeID
    /// Its count.
    public let count: Int
    /// The total the count is out of.
    public let of: Int
  }

  /// An area whose concern paragraphs per 100 finding paragraphs for a theme are the highest of all
  /// (no tie), more than `Outlier.factor` times the median of the other areas, and come from at least
  /// `Outlier.minimumConcerns` concern paragraphs; at most one per theme, needing three areas or more.
  public struct Outlier: Codable, Sendable, Hashable {
    /// How many times the other areas' median rate an outlier must exceed.
    public static let factor = 2.0
    /// The fewest concern paragraphs that can make an outlier.
    public static let minimumConcerns = 2
    /// The theme.
    public let theme: ThemeID
    /// The outlying area.
    public let area: AreaID
    /// Its concern paragraphs for the theme.
    public let concerns: Int
    /// Its finding paragraphs.
    public let paragraphs: Int
    /// Concern paragraphs per 100 finding paragraphs in the area.
    public let rate: Double
    /// The median of the same rate over the other areas.
    public let othersMedianRate: Double
  }

  /// Two review years and how many areas each has.
  public struct YearSpan: Codable, Sendable, Hashable {
    /// The earlier year.
    public let fromYear: Int
    /// Areas reviewed in the earlier year.
    public let fromAreas: Int
    /// The later year.
    public let toYear: Int
    /// Areas reviewed in the later year.
    public let toAreas: Int
  }

  /// The share of areas raising a theme as a concern in the first and the last known review year.
  public struct YearChange: Codable, Sendable, Hashable {
    /// The theme.
    public let theme: ThemeID
    /// The earlier year.
    public let fromYear: Int
    /// Areas raising the theme as a concern in the earlier year.
    public let fromAreasWithConcern: Int
    /// Areas reviewed in the earlier year.
    public let fromAreas: Int
    /// The later year.
    public let toYear: Int
    /// Areas raising the theme as a concern in the later year.
    public let toAreasWithConcern: Int
    /// Areas reviewed in the later year.
    public let toAreas: Int

    /// The change in the share of areas, in percentage points (positive when it rose).
    public var percentagePointChange: Double {
      Double(toAreasWithConcern) * 100 / Double(toAreas)
        - Double(fromAreasWithConcern) * 100 / Double(fromAreas)
    }
  }

  /// Derives the facts from the computed tables.
  ///
  /// - Complexity: O(t x a log a) for t themes and a areas.
  public init(
    themes: [ThemeID], areas: [AreaEntry], reports: [ReportSummary], measures: [MeasureTable],
    national: [NationalThemeRow], years: [YearView],
    recommendations: Matrix<ThemeID, OrganisationType, Tally>
  ) {
    self.reports = reports.count
    self.areas = areas.count
    paragraphs = areas.reduce(0) { $0 + $1.paragraphs }
    recommendationItems = areas.reduce(0) { $0 + $1.recommendationItems }
    let known = years.compactMap(\.year)
    firstYear = known.first
    lastYear = known.last

    concernsInEveryArea =
      areas.count >= 2
      ? national.filter { $0.areasWithConcern == areas.count }.map(\.theme) : []
    let widest = national.map(\.areasWithConcern).max() ?? 0
    widestConcernAreas = widest
    widestConcerns =
      concernsInEveryArea.isEmpty && widest > 0
      ? national.filter { $0.areasWithConcern == widest }.map(\.theme) : []
    concernsInSomeAreas = national.filter {
      $0.areasWithConcern > 0 && $0.areasWithConcern < areas.count
    }
    .map(\.theme)
    neverConcerns = areas.isEmpty ? [] : national.filter { $0.areasWithConcern == 0 }.map(\.theme)

    var top: NationalThemeRow?
    for row in national where row.totalConcerns > (top?.totalConcerns ?? 0) { top = row }
    topConcern = top

    let concerns = measures.first { $0.measure == .concerns }
    outliers = concerns.map { Self.outliers(in: $0.cells, areas: areas) } ?? []

    if known.count >= 2, let from = years.first(where: { $0.year == known.first }),
      let to = years.first(where: { $0.year == known.last })
    {
      trendSpan = YearSpan(
        fromYear: from.year!, fromAreas: from.areas.count, toYear: to.year!, toAreas: to.areas.count
      )
      yearChanges = themes.indices.map { r in
        YearChange(
          theme: themes[r], fromYear: from.year!,
          fromAreasWithConcern: from.rows[r].areasWithConcern,
          fromAreas: from.areas.count, toYear: to.year!,
          toAreasWithConcern: to.rows[r].areasWithConcern, toAreas: to.areas.count)
      }.filter { $0.percentagePointChange != 0 }
    } else {
      trendSpan = nil
      yearChanges = []
    }

    var bestTheme: ThemeShare?
    for (r, theme) in recommendations.rows.enumerated() {
      let count = measures.first { $0.measure == .recommendations }?.totals[r].count ?? 0
      if count > (bestTheme?.count ?? 0) {
        bestTheme = ThemeShare(theme: theme, count: count, of: recommendationItems)
      }
    }
    topRecommendationTheme = bestTheme
    var bestType: (OrganisationType, Int)?
    if !recommendations.rows.isEmpty {
      for (c, type) in recommendations.columns.enumerated() {
        let items = recommendations[0, c].denominator
        if items > (bestType?.1 ?? 0) { bestType = (type, items) }
      }
    }
    topOrganisation = bestType?.0
    topOrganisationItems = bestType?.1 ?? 0
  }

  static func outliers(in concerns: Matrix<ThemeID, AreaID, Tally>, areas: [AreaEntry]) -> [Outlier]
  {
    guard areas.count >= 3 else { return [] }
    var out: [Outlier] = []
    for (r, theme) in concerns.rows.enumerated() {
      let rates = areas.indices.map { c in
        areas[c].paragraphs == 0
          ? 0 : Double(concerns[r, c].count) * 100 / Double(areas[c].paragraphs)
      }
      guard let top = rates.indices.max(by: { rates[$0] < rates[$1] }),
        rates.count(where: { $0 == rates[top] }) == 1
      else { continue }
      let count = concerns[r, top].count
      var others = rates
      others.remove(at: top)
      let median = Median.of(others)
      guard count >= Outlier.minimumConcerns, rates[top] > Outlier.factor * median else { continue }
      out.append(
        Outlier(
          theme: theme, area: areas[top].id, concerns: count, paragraphs: areas[top].paragraphs,
          rate: rates[top], othersMedianRate: median))
    }
    return out
  }
}
