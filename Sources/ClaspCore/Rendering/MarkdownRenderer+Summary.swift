extension MarkdownRenderer {
  /// The national summary page: computed sentences, then the tables they come from.
  static func nationalSummary(_ analysis: Analysis, pages: [ThemeID: String]) -> String {
    var out = "# National summary\n\n"
    out += "Every sentence below is computed from the tables on this page and in `matrix.md`. "
    out += "A concern is a finding paragraph coded negative or mixed.\n\n"
    for sentence in summarySentences(analysis) { out += "- \(sentence)\n" }
    if let table = analysis.indicatorTable, !analysis.indicatorRanges.isEmpty {
      out += "\n## Figures the reports quote\n\n"
      out += "Ranges across areas of the figures classified in `indicators.md`.\n\n"
      for sentence in IndicatorMarkdownRenderer.summarySentences(
        analysis.indicatorRanges, table: table)
      {
        out += "- \(sentence)\n"
      }
    }

    let header = [
      "Theme", "Areas raising it as a concern", "Areas with findings", "Concern paragraphs",
      "Median concerns per area", "Finding paragraphs", "Median findings per area",
    ]
    out += "\n## By theme, all areas\n\n"
    out += Self.table(
      header: header, numericFrom: 1, rows: nationalRows(analysis, analysis.national, pages: pages))
    out += "\n## By review year\n"
    for year in analysis.years {
      let names = year.areas.map { Escape.markdown(analysis.area($0)?.name ?? $0.rawValue) }
      out += "\n### \(NumberText.year(year.year))\n\n"
      out += "\(year.areas.count) area\(year.areas.count == 1 ? "" : "s"): \(list(names)).\n\n"
      out += Self.table(
        header: header, numericFrom: 1, rows: nationalRows(analysis, year.rows, pages: pages))
    }
    out += "\n## Recommendations by addressee\n\n"
    out +=
      "Recommendation items coded with each theme, by the type of organisation they are addressed to. "
    out +=
      "An item addressed to two types counts under both; the header gives all items addressed to the type.\n\n"
    let recs = analysis.recommendationsByOrganisation
    let items = recs.columns.indices.map { c in recs.rows.isEmpty ? 0 : recs[0, c].denominator }
    out += Self.table(
      header: ["Theme"] + zip(recs.columns, items).map { "\($0.title) (\($1) items)" },
      numericFrom: 1,
      rows: analysis.themes.enumerated().map { r, theme in
        [themeCell(theme, pages: pages, relativeTo: "")]
          + recs.cells(inRow: r).map { String($0.count) }
      })
    return out
  }

  static func nationalRows(
    _ analysis: Analysis, _ rows: [NationalThemeRow], pages: [ThemeID: String]
  )
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
    func label(_ id: ThemeID) -> String {
      Escape.markdown(analysis.theme(id)?.label ?? id.rawValue)
    }
    func area(_ id: AreaID) -> String { Escape.markdown(analysis.area(id)?.name ?? id.rawValue) }
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    func verb(_ items: [ThemeID]) -> String { items.count == 1 ? "was" : "were" }
    var out: [String] = []

    var scope =
      "This analysis covers \(plural(s.reports, "report")) from \(plural(s.areas, "area"))"
    if let first = s.firstYear, let last = s.lastYear {
      scope += first == last ? ", reviewed in \(first)" : ", reviewed between \(first) and \(last)"
    }
    scope += ", with \(plural(s.paragraphs, "finding paragraph")) and "
    scope += "\(plural(s.recommendationItems, "recommendation item"))."
    out.append(scope)

    func areasRaising(_ id: ThemeID) -> String {
      let row = analysis.national.first { $0.theme == id }
      return "\(label(id)) (\(row?.areasWithConcern ?? 0) of \(s.areas))"
    }
    let every = s.concernsInEveryArea
    if every.count > 3 {
      out.append(
        "\(every.count) of the \(analysis.themes.count) themes were raised as a concern in every area "
          + "(\(s.areas) of \(s.areas)): \(list(every.map(label))).")
    } else if !every.isEmpty {
      out.append(
        "\(list(every.map(label))) \(verb(every)) raised as a concern in every area (\(s.areas) of \(s.areas))."
      )
    } else if !s.widestConcerns.isEmpty {
      out.append(
        "No theme was raised as a concern in every area; \(list(s.widestConcerns.map(label))) "
          + "came closest, raised as a concern in \(s.widestConcernAreas) of \(s.areas) areas.")
    }
    if !every.isEmpty && !s.concernsInSomeAreas.isEmpty {
      out.append(
        "Raised as a concern in some areas only: \(list(s.concernsInSomeAreas.map(areasRaising))).")
    }
    if let top = s.topConcern {
      out.append(
        "\(label(top.theme)) drew the most concern paragraphs: \(top.totalConcerns) across "
          + "\(top.areasWithConcern) of \(top.areas) areas (median \(NumberText.compact(top.medianConcernsPerArea)) per area)."
      )
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
        "\(list(s.neverConcerns.map(label))) \(verb(s.neverConcerns)) not raised as a concern in any area."
      )
    }
    if let span = s.trendSpan {
      var trend =
        "Comparing \(plural(span.fromAreas, "area")) reviewed in \(span.fromYear) with "
        + "\(plural(span.toAreas, "area")) reviewed in \(span.toYear), "
      if s.yearChanges.isEmpty {
        trend += "no theme changed its share of areas raising it as a concern."
      } else {
        let changes = s.yearChanges.map { change in
          let points = change.percentagePointChange
          return
            "\(label(change.theme)) \(points > 0 ? "rose" : "fell") from \(change.fromAreasWithConcern) of "
            + "\(change.fromAreas) to \(change.toAreasWithConcern) of \(change.toAreas) "
            + "(\(points > 0 ? "+" : "-")\(NumberText.compact(abs(points))) percentage points)"
        }
        trend +=
          "the share of areas raising a theme as a concern changed for "
          + "\(plural(s.yearChanges.count, "theme")): \(list(changes))."
      }
      if min(span.fromAreas, span.toAreas) < 3 {
        trend += " With fewer than three areas in a year, read this as a description, not a trend."
      }
      out.append(trend)
    }
    if let top = s.topRecommendationTheme {
      out.append(
        "\(label(top.theme)) is addressed by more recommendation items than any other theme: "
          + "\(top.count) of \(top.of).")
    }
    if let type = s.topOrganisation {
      out.append(
        "More recommendation items are addressed to \(type == .other ? "other organisations" : "a \(type.title)") "
          + "than to any other type of organisation: \(s.topOrganisationItems) of \(s.recommendationItems)."
      )
    }
    return out
  }
}
