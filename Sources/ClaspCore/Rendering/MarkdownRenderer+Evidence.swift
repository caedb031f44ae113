extension MarkdownRenderer {
  /// The head of a theme's evidence page: its label, id, definition and links to its parent,
  /// children and the matrices.
  static func evidencePageHead(_ analysis: Analysis, theme: ThemeEntry, pages: [ThemeID: String])
    -> String
  {
    var out = "# \(Escape.markdown(theme.label))\n\n"
    out +=
      "Theme id: \(Escape.markdown(theme.id.rawValue)). \(Escape.markdown(theme.definition))\n\n"
    if let parent = theme.parent, let entry = analysis.theme(parent), let path = pages[parent] {
      out += "Part of [\(Escape.markdown(entry.label))](../\(path)). "
    }
    let children = analysis.themes.filter { $0.parent == theme.id }
    if !children.isEmpty {
      let links = children.map { "[\(Escape.markdown($0.label))](../\(pages[$0.id]!))" }
      out += "Rolls up \(list(links)). "
    }
    out += "Back to [the matrices](../matrix.md).\n"

    return out
  }

  /// One theme's evidence page, all of it in memory: `evidencePageHead` followed by every area's
  /// `evidenceSection`.
  ///
  /// - Throws: `AggregationError.spoolFailed` when spooled findings cannot be read.
  static func evidencePage(_ analysis: Analysis, theme: ThemeEntry, pages: [ThemeID: String])
    throws(AggregationError) -> String
  {
    var out = evidencePageHead(analysis, theme: theme, pages: pages)
    guard let row = analysis.themes.firstIndex(of: theme) else { return out }
    let findings = try analysis.findings()
    for column in analysis.areas.indices {
      out += evidenceSection(analysis, row: row, column: column) { findings[$0].finding }
    }
    return out
  }

  /// The section of a theme's evidence page for one area (anchored by area id): counts, then the
  /// units coded with the theme or a sub-theme, with polarity and evidence sentences.
  ///
  /// - Parameter finding: the finding at a position of the analysis's evidence index.
  static func evidenceSection(
    _ analysis: Analysis, row: Int, column c: Int, finding: (Int) -> Finding
  ) -> String {
    let area = analysis.areas[c]
    let positions = analysis.evidence[row].areas[c].findings
    let findings = analysis.table(.findings).cells
    let concerns = analysis.table(.concerns).cells
    let recommendations = analysis.table(.recommendations).cells
    let years = area.years.map(NumberText.year).joined(separator: ", ")
    var out =
      "\n<a id=\"\(area.id.rawValue)\"></a>\n\n## \(Escape.markdown(area.name)) (\(years))\n\n"
    out += "\(findings[row, c].count) of \(findings[row, c].denominator) finding paragraphs, "
    out += "\(concerns[row, c].count) of them concerns; "
    out += "\(recommendations[row, c].count) of \(recommendations[row, c].denominator) "
    out += "recommendation items.\n\n"
    guard !positions.isEmpty else { return out + "No units coded with this theme.\n" }
    out += Self.table(
      header: ["Unit", "Section", "Theme", "Polarity", "Evidence"], numericFrom: nil,
      rows: positions.map { position in
        let finding = finding(position)
        return [
          Escape.markdownCell(finding.unit.rawValue), Escape.markdownCell(finding.section.title),
          Escape.markdownCell(analysis.theme(finding.theme)?.label ?? finding.theme.rawValue),
          finding.polarity.rawValue, Escape.markdownCell(finding.evidence.joined(separator: " ")),
        ]
      })
    return out
  }
}
