extension MarkdownRenderer {
  /// The national summary page: computed sentences, then the tables they come from.
  static func nationalSummary(_ analysis: Analysis, pages: [ThemeID: String]) -> String {
    var out = "# National summary\n\n"
    out += "Every sentence below is computed from the tables on this page and in `matrix.md`. "
    out += "A concern is a finding paragraph coded negative or mixed.\n\n"
    for sentence in summarySentences(analysis) { out += "- \(sentence)\n" }

    let header = [
      "Theme", "Areas raising it as a concern", "Areas with findings", "Concern paragraphs",
      "Median concerns per area", "Finding paragraphs", "Median findings per area",
    ]
    out += "\n## By theme, all areas\n\n"
    out += Self.table(header: header, numericFrom: 1, rows: nationalRows(analysis, analysis.national, pages: pages))
    out += "\n## By review year\n"
    for year in analysis.years {
      let names = year.areas.map { Escape.markdown(analysis.area($0)?.name ?? $0.rawValue) }
      out += "\n### \(NumberText.year(year.year))\n\n"
      out += "\(year.areas.count) area\(year.areas.count == 1 ? "" : "s"): \(list(names)).\n\n"
      out += Self.table(header: header, numericFrom: 1, rows: nationalRows(analysis, year.rows, pages: pages))
    }
    out += "\n## Recommendations by addressee\n\n"
    out += "Recommendation items coded with each theme, by the type of organisation they are addressed to. "
    out += "An item addressed to two types counts under both; the header gives all items addressed to the type.\n\n"
    let recs = analysis.recommendationsByOrganisation
    let items = recs.columns.indices.map { c in recs.rows.isEmpty ? 0 : recs[0, c].denominator }
    out += Self.table(
      header: ["Theme"] + zip(recs.columns, items).map { "\($0.title) (\($1) items)" }, numericFrom: 1,
      rows: analysis.themes.enumerated().map { r, theme in
        [themeCell(theme, pages: pages, relativeTo: "")] + recs.cells(inRow: r).map { String($0.count) }
      })
    return out
  }

  static func nationalRows(_ analysis: Analysis, _ rows: [NationalThemeRow], pages: [ThemeID: String])
    -> [[String]]
  {
    zip(analysis.themes, rows).map { theme, row in
      [
        themeCell(theme, pages: pages, relativeTo: ""), "\(row.areasWithConcern) of \(row.areas)",
        "\(row.areasWithFinding) of \(row.areas)", String(row.totalConcerns),
        NumberText.compact(row.medianConcernsPerArea), String(row.totalFindings),
        NumberText.compact(row.medianFindingsPerArea),
      ]
    }
  }

  /// The summary's sentences, Markdown-escaped, each stating a computed fact with its numbers.
  public static func summarySentences(_ analysis: Analysis) -> [String] {
    let s = analysis.summary
    func label(_ id: ThemeID) -> String { Escape.markdown(analysis.theme(id)?.label ?? id.rawValue) }
    func area(_ id: AreaID) -> String { Escape.markdown(analysis.area(id)?.name ?? id.rawValue) }
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    func verb(_ items: [ThemeID]) -> String { items.count == 1 ? "was" : "were" }
    var out: [String] = []

    var scope = "This analysis covers \(plural(s.reports, "report")) from \(plural(s.areas, "area"))"
    if let first = s.firstYear, let last = s.lastYear {
      scope += first == last ? ", reviewed in \(first)" : ", reviewed between \(first) and \(last)"
    }
    scope += ", with \(plural(s.paragraphs, "finding paragraph")) and "
    scope += "\(plural(s.recommendationItems, "recommendation item"))."
    out.append(scope)

    if !s.concernsInEveryArea.isEmpty {
      out.append(
        "\(list(s.concernsInEveryArea.map(label))) \(verb(s.concernsInEveryArea)) raised as a concern "
          + "in every area (\(s.areas) of \(s.areas)).")
    } else if !s.widestConcerns.isEmpty {
      out.append(
        "No theme was raised as a concern in every area; \(list(s.widestConcerns.map(label))) "
          + "came closest, raised as a concern in \(s.widestConcernAreas) of \(s.areas) areas.")
    }
    if let top = s.topConcern {
      out.append(
        "\(label(top.theme)) drew the most concern paragraphs: \(top.totalConcerns) across "
          + "\(top.areasWithConcern) of \(top.areas) areas (median \(NumberText.compact(top.medianConcernsPerArea)) per area).")
    }
    for outlier in s.outliers {
      out.append(
        "\(area(outlier.area)) stands out on \(label(outlier.theme)): \(outlier.concerns) concern "
          + "paragraphs in \(outlier.paragraphs) (\(NumberText.fixed(outlier.rate, places: ratePlaces)) per 100), "
          + "against a median of \(NumberText.fixed(outlier.othersMedianRate, places: ratePlaces)) per 100 "
          + "in the other areas.")
    }
    if !s.neverConcerns.isEmpty {
      out.append(
        "\(list(s.neverConcerns.map(label))) \(verb(s.neverConcerns)) not raised as a concern in any area.")
    }
    for change in s.yearChanges {
      let points = change.percentagePointChange
      let movement =
        points == 0
        ? "no change in share"
        : "\(points > 0 ? "up" : "down") \(NumberText.compact(abs(points))) percentage points"
      out.append(
        "\(label(change.theme)): raised as a concern in \(change.fromAreasWithConcern) of "
          + "\(plural(change.fromAreas, "area")) reviewed in \(change.fromYear) and "
          + "\(change.toAreasWithConcern) of \(change.toAreas) reviewed in \(change.toYear) (\(movement)).")
    }
    if let top = s.topRecommendationTheme {
      out.append(
        "\(label(top.theme)) is addressed by more recommendation items than any other theme: "
          + "\(top.count) of \(top.of).")
    }
    if let type = s.topOrganisation {
      out.append(
        "More recommendation items are addressed to \(type == .other ? "other organisations" : "a \(type.title)") "
          + "than to any other type of organisation: \(s.topOrganisationItems) of \(s.recommendationItems).")
    }
    return out
  }
}
