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

  /// The section of a theme's evidence page for one area (anchored by area id): counts, then the
  /// units coded with the theme or a sub-theme, with polarity and evidence sentences.
  ///
  /// - Parameters:
  ///   - head: the area's `evidenceSectionHead`, the same on every page.
  ///   - appendRow: appends the table row (`appendEvidenceRow`) of the finding at a position of
  ///     the analysis's evidence index.
  static func appendEvidenceSection<Out: ByteOutput>(
    _ analysis: Analysis, row: Int, column c: Int, head: [UInt8], to bytes: inout Out,
    appendRow: (Int, inout Out) -> Void
  ) {
    func literal(_ text: StaticString) { bytes.append(literal: text) }
    let positions = analysis.evidence[row].areas[c].findings
    let findings = analysis.table(.findings).cells[row, c]
    let concerns = analysis.table(.concerns).cells[row, c]
    let recommendations = analysis.table(.recommendations).cells[row, c]
    bytes += head
    JSONWriter.writeInteger(findings.count, into: &bytes)
    literal(" of ")
    JSONWriter.writeInteger(findings.denominator, into: &bytes)
    literal(" finding paragraphs, ")
    JSONWriter.writeInteger(concerns.count, into: &bytes)
    literal(" of them concerns; ")
    JSONWriter.writeInteger(recommendations.count, into: &bytes)
    literal(" of ")
    JSONWriter.writeInteger(recommendations.denominator, into: &bytes)
    literal(" recommendation items.\n\n")
    guard !positions.isEmpty else {
      literal("No units coded with this theme.\n")
      return
    }
    bytes += Self.evidenceTableHead
    for position in positions { appendRow(position, &bytes) }
  }

  /// The start of an area's section on every evidence page: its anchor (the area id) and a
  /// heading with its name and review years.
  static func evidenceSectionHead(_ area: AreaEntry) -> [UInt8] {
    let years = area.years.map(NumberText.year).joined(separator: ", ")
    return Array(
      "\n<a id=\"\(area.id.rawValue)\"></a>\n\n## \(Escape.markdown(area.name)) (\(years))\n\n".utf8
    )
  }

  /// Appends the evidence table row of the finding at `index` of `findings`.
  ///
  /// The row holds unit, section, theme, polarity and evidence, read from `bytes` (the view's
  /// bytes) with the theme's parts from `theme`; it is the same on every page that lists the
  /// finding.
  static func appendEvidenceRow(
    _ index: Int, of findings: EncodedFindings, in bytes: UnsafeBufferPointer<UInt8>,
    theme: FindingLineParts.Theme, parts: FindingLineParts, to out: inout some ByteOutput
  ) {
    let record = findings.records[index]
    out.append(literal: "| ")
    Escape.appendMarkdown(record.unit.bytes(in: bytes), cell: true, to: &out)
    out.append(literal: " | ")
    out += parts.sections[record.sectionIndex].markdown
    out.append(literal: " | ")
    out += theme.markdownLabel
    out.append(literal: " | ")
    out += parts.polarities[record.polarityIndex].markdown
    out.append(literal: " | ")
    for i in record.evidence {
      if i > record.evidence.lowerBound { out.append(0x20) }
      Escape.appendMarkdown(findings.texts[i].bytes(in: bytes), cell: true, to: &out)
    }
    out.append(literal: " |\n")
  }

  /// The header and alignment rows of an area's evidence table.
  private static let evidenceTableHead = Array(
    table(header: ["Unit", "Section", "Theme", "Polarity", "Evidence"], numericFrom: nil, rows: [])
      .utf8)
}
