extension MarkdownRenderer {
  /// One theme's evidence page: its definition, then for every area (anchored by area id) the units
  /// coded with the theme or a sub-theme, with polarity and evidence sentences.
  static func evidencePage(_ analysis: Analysis, theme: ThemeEntry, pages: [ThemeID: String])
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

    guard let row = analysis.themes.firstIndex(of: theme),
      let evidence = analysis.evidence.first(where: { $0.theme == theme.id })
    else { return out }
    let findings = analysis.table(.findings)
    let concerns = analysis.table(.concerns)
    let recommendations = analysis.table(.recommendations)
    for (c, areaEvidence) in evidence.areas.enumerated() {
      let area = analysis.areas[c]
      let years = area.years.map(NumberText.year).joined(separator: ", ")
      out +=
        "\n<a id=\"\(area.id.rawValue)\"></a>\n\n## \(Escape.markdown(area.name)) (\(years))\n\n"
      out +=
        "\(findings.cells[row, c].count) of \(findings.cells[row, c].denominator) finding paragraphs, "
      out += "\(concerns.cells[row, c].count) of them concerns; "
      out +=
        "\(recommendations.cells[row, c].count) of \(recommendations.cells[row, c].denominator) "
      out += "recommendation items.\n\n"
      guard !areaEvidence.findings.isEmpty else {
        out += "No units coded with this theme.\n"
        continue
      }
      out += Self.table(
        header: ["Unit", "Section", "Theme", "Polarity", "Evidence"], numericFrom: nil,
        rows: areaEvidence.findings.map { position in
          let finding = analysis.findings[position].finding
          return [
            Escape.markdownCell(finding.unit.rawValue), Escape.markdownCell(finding.section.title),
            Escape.markdownCell(analysis.theme(finding.theme)?.label ?? finding.theme.rawValue),
            finding.polarity.rawValue, Escape.markdownCell(finding.evidence.joined(separator: " ")),
          ]
        })
    }
    return out
  }
}
