/// Renders an `Analysis` as GitHub Markdown: matrix page, national summary, evidence pages.
///
/// `index(_:files:failures:)` writes the README that lists every file.
///
/// ```swift
/// let pages = MarkdownRenderer.render(analysis)       // matrix.md, national-summary.md
/// let readme = MarkdownRenderer.index(analysis, files: pages + CSVRenderer.render(analysis))
/// ```
///
/// All report and codebook text goes through `Escape.markdown` or `Escape.markdownCell`; links are
/// built from slugs only.
public enum MarkdownRenderer {
  /// Decimals of rates and medians on Markdown pages.
  static let ratePlaces = 1

  /// The matrix page and the national summary (the theme evidence pages are written by
  /// `FindingOutputs`, a chunk of areas at a time).
  public static func render(_ analysis: Analysis) -> [OutputFile] {
    let pages = themePagePaths(analysis)
    return [
      OutputFile(
        path: "matrix.md", contents: matrixPage(analysis, pages: pages),
        summary:
          "Theme x area tables for every measure, cells linked to their evidence, and theme co-occurrence."
      ),
      OutputFile(
        path: "national-summary.md", contents: nationalSummary(analysis, pages: pages),
        summary:
          "What the reports say nationally, in sentences computed from the tables, with the national, trend and addressee tables."
      ),
    ]
  }

  /// The evidence page path of each theme: `themes/<slug>.md`.
  ///
  /// Themes whose slugs clash get `-2`, `-3`... in row order.
  public static func themePagePaths(_ analysis: Analysis) -> [ThemeID: String] {
    var used = Set<String>()
    var out: [ThemeID: String] = [:]
    for theme in analysis.themes {
      let base = Slug.make(theme.id.rawValue)
      var name = base
      var n = 2
      while !used.insert(name).inserted {
        name = "\(base)-\(n)"
        n += 1
      }
      out[theme.id] = "themes/\(name).md"
    }
    return out
  }

  /// The index page (`README.md`): the run's reports and a line per output file.
  public static func index(
    _ analysis: Analysis, files: [OutputSummary], failures: [InputFailure] = []
  )
    -> String
  {
    var out = "# Clasp analysis\n\n"
    out +=
      "Written by `clasp analyse` (Clasp \(ClaspVersion.current)) from \(analysis.reports.count) "
    out += "report\(analysis.reports.count == 1 ? "" : "s") covering \(analysis.areas.count) "
    out +=
      "area\(analysis.areas.count == 1 ? "" : "s"). Regenerate rather than edit; `manifest.json` "
    out += "records the inputs' digests.\n\n"
    out += "## Reports\n\n"
    out += Self.table(
      header: [
        "Area", "Review year", "Finding paragraphs", "Recommendation items", "Findings coded",
        "Coded units",
      ],
      numericFrom: 1,
      rows: analysis.reports.map { report in
        [
          Escape.markdownCell(report.metadata.area), NumberText.year(report.reviewYear),
          String(report.paragraphs), String(report.recommendations), String(report.findings),
          String(report.codedUnits),
        ]
      })
    out += "\n## Files\n\n"
    let listed = files.filter { $0.path != "README.md" }.sorted { $0.path < $1.path }
    out += Self.table(
      header: ["File", "Contents"], numericFrom: nil,
      rows: listed.filter { !$0.path.hasPrefix("themes/") }.map {
        ["[\($0.path)](\($0.path))", Escape.markdownCell($0.summary)]
      }
        + [
          [
            "manifest.json",
            "The run's inputs with SHA-256 digests, codebook digest, Clasp version, counts, warnings and failed inputs.",
          ]
        ])
    let themePages = listed.filter { $0.path.hasPrefix("themes/") }
    if !themePages.isEmpty {
      out += "\n## Evidence pages\n\n"
      let pages = themePagePaths(analysis)
      for theme in analysis.themes {
        guard let path = pages[theme.id], themePages.contains(where: { $0.path == path }) else {
          continue
        }
        out += "- [\(Escape.markdown(theme.label))](\(path))\n"
      }
    }
    let warnings = analysis.warnings
    if !failures.isEmpty || !warnings.isEmpty {
      out += "\n## Problems\n\n"
      for failure in failures {
        out +=
          "- Not analysed: \(Escape.markdown(failure.message))\n"
      }
      for warning in warnings { out += "- \(Escape.markdown(warning))\n" }
    }
    return out
  }

  /// One table per measure, rows in codebook order and columns in area order, each non-zero cell
  /// linked to the area's section of the theme's evidence page; then the co-occurrence table.
  static func matrixPage(_ analysis: Analysis, pages: [ThemeID: String]) -> String {
    var out = "# Theme x area matrices\n\n"
    out += "Rows are codebook themes (sub-themes marked ↳ and rolled up into their parent without "
    out +=
      "counting a unit twice); columns are areas. Click a number for the paragraphs behind it.\n"
    for table in analysis.measures {
      let measure = table.measure
      out += "\n## \(measure.title)\n\n"
      out += "Denominator: \(measure.denominatorDescription).\n\n"
      let perCell = measure == .concerns || measure == .strengths
      var rows: [[String]] = []
      for (r, theme) in analysis.themes.enumerated() {
        var row = [themeCell(theme, pages: pages, relativeTo: "")]
        for (c, area) in analysis.areas.enumerated() {
          let tally = table.cells[r, c]
          var text = NumberText.measure(
            table.value(row: r, column: c), measure, ratePlaces: ratePlaces)
          if perCell { text += "/\(tally.denominator)" }
          row.append(tally.count > 0 ? "[\(text)](\(pages[theme.id]!)#\(area.id.rawValue))" : text)
        }
        var total = NumberText.measure(table.total(row: r), measure, ratePlaces: ratePlaces)
        if perCell || measure == .presence { total += "/\(table.totals[r].denominator)" }
        row.append(total)
        rows.append(row)
      }
      if !perCell && measure != .presence, !analysis.themes.isEmpty {
        var row = ["*Denominator*"]
        for c in analysis.areas.indices { row.append(String(table.cells[0, c].denominator)) }
        row.append(String(table.totals[0].denominator))
        rows.append(row)
      }
      out += Self.table(
        header: ["Theme"] + analysis.areas.map { Escape.markdownCell($0.name) } + ["All areas"],
        numericFrom: 1, rows: rows)
    }
    out += "\n## Co-occurrence\n\n"
    out +=
      "Units (paragraphs and recommendation items) in which both themes are present; the diagonal "
    out += "counts units with the theme.\n\n"
    let co = analysis.cooccurrence
    out += Self.table(
      header: ["Theme"] + analysis.themes.map { Escape.markdownCell($0.label) }, numericFrom: 1,
      rows: analysis.themes.enumerated().map { r, theme in
        [themeCell(theme, pages: pages, relativeTo: "")] + co.cells(inRow: r).map { String($0) }
      })
    return out
  }

  /// A theme's label linked to its evidence page, marked when it is a sub-theme.
  static func themeCell(_ theme: ThemeEntry, pages: [ThemeID: String], relativeTo base: String)
    -> String
  {
    let marker = theme.depth > 0 ? String(repeating: "↳ ", count: theme.depth) : ""
    guard let path = pages[theme.id] else { return marker + Escape.markdownCell(theme.label) }
    return marker + "[\(Escape.markdownCell(theme.label))](\(base)\(path))"
  }

  /// A GitHub table of cells that are already escaped.
  ///
  /// Columns from `numericFrom` on are right-aligned.
  static func table(header: [String], numericFrom: Int?, rows: [[String]]) -> String {
    var out = "| " + header.joined(separator: " | ") + " |\n|"
    for i in header.indices { out += (numericFrom.map { i >= $0 } ?? false) ? " ---: |" : " --- |" }
    out += "\n"
    for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }

  /// "a", "a and b", "a, b and c".
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }
}
