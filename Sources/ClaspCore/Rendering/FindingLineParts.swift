import Foundation

/// The pieces of a finding's output lines that many findings share, escaped once rather than once
/// per finding: per theme (CSV theme columns, JSON id, Markdown label), per section and polarity,
/// and per evidence block (the area and year columns of `findings.csv`, the head and tail of a
/// `findings.jsonl` line).
///
/// A run of 1,500 reports writes about 460,000 findings three or four times over; escaping the
/// repeated parts once keeps the per-finding work to the text that differs.
struct FindingLineParts: Sendable {
  /// The escaped forms of one theme.
  struct Theme: Sendable {
    /// The id's UTF-8 bytes, to find the theme from a spooled finding.
    let id: [UInt8]
    /// `theme_id,theme_label,parent_id,` of `findings.csv`.
    let csvColumns: [UInt8]
    /// The id as a JSON string.
    let json: [UInt8]
    /// The label as a Markdown table cell (the id for a theme missing from the codebook).
    let markdownLabel: [UInt8]

    init(id: ThemeID, label: String?, parent: ThemeID?) {
      self.id = Array(id.rawValue.utf8)
      csvColumns = FindingLineParts.csvThemeColumns(id: id, label: label ?? "", parent: parent)
      var json: [UInt8] = []
      JSONWriter.writeString(id.rawValue, into: &json)
      self.json = json
      var cell: [UInt8] = []
      Escape.appendMarkdown(label ?? id.rawValue, cell: true, to: &cell)
      markdownLabel = cell
    }
  }

  /// The escaped forms of one section or polarity.
  struct Name: Sendable {
    /// The name as a `findings.csv` field and its comma.
    let csv: [UInt8]
    /// The name as a JSON string.
    let json: [UInt8]
    /// The section title (the polarity name) as a Markdown table cell.
    let markdown: [UInt8]

    init(raw: String, title: String) {
      var csv: [UInt8] = []
      Escape.appendCSVField(raw, to: &csv)
      csv.append(UInt8(ascii: ","))
      self.csv = csv
      var json: [UInt8] = []
      JSONWriter.writeString(raw, into: &json)
      self.json = json
      var cell: [UInt8] = []
      Escape.appendMarkdown(title, cell: true, to: &cell)
      markdown = cell
    }
  }

  /// The analysis's themes, in row order.
  let themes: [Theme]
  /// Per `SectionID.allCases` index.
  let sections: [Name]
  /// Per `Polarity.allCases` index; the Markdown form is the raw name, unescaped, as the pages
  /// have always printed it.
  let polarities: [Name]

  /// The parts of the analysis's themes (and of every section and polarity).
  init(_ analysis: Analysis) { self.init(themes: analysis.themes) }

  /// The parts of `themes` (and of every section and polarity).
  init(themes: [ThemeEntry]) {
    self.themes = themes.map { Theme(id: $0.id, label: $0.label, parent: $0.parent) }
    sections = EvidenceBlockEncoding.sections.map { Name(raw: $0.rawValue, title: $0.title) }
    polarities = EvidenceBlockEncoding.polarities.map {
      let name = Name(raw: $0.rawValue, title: "")
      return Name(csv: name.csv, json: name.json, markdown: Array($0.rawValue.utf8))
    }
  }

  /// The parts of the theme whose id is `id`: the codebook's when it lists the theme, else made
  /// for it (empty label and parent in CSV, the id as Markdown label).
  func theme(_ id: UnsafeBufferPointer<UInt8>) -> Theme {
    for theme in themes where theme.id.count == id.count {
      let same = theme.id.withUnsafeBufferPointer { known in
        known.isEmpty || memcmp(known.baseAddress!, id.baseAddress!, id.count) == 0
      }
      if same { return theme }
    }
    return Theme(
      id: ThemeID(rawValue: String(decoding: id, as: UTF8.self)), label: nil, parent: nil)
  }

  private static func csvThemeColumns(id: ThemeID, label: String, parent: ThemeID?) -> [UInt8] {
    var out: [UInt8] = []
    for field in [id.rawValue, label, parent?.rawValue ?? ""] {
      Escape.appendCSVField(field, to: &out)
      out.append(UInt8(ascii: ","))
    }
    return out
  }

  /// What every line of one evidence block (one report) shares.
  struct Block: Sendable {
    /// `area,review_year,` of `findings.csv`: the area named as in the analysis's area list.
    let csvPrefix: [UInt8]
    /// `{"area":"<id>","areaName":"<name>",` of a `findings.jsonl` line.
    let jsonPrefix: [UInt8]
    /// `,"year":<year or null>}` and the newline.
    let jsonSuffix: [UInt8]

    /// Loads `block`'s findings into `findings` and makes their shared parts; nil when the block
    /// holds no findings.
    ///
    /// - Throws: `AggregationError.spoolFailed` when a spooled block cannot be read.
    init?(
      loading block: EvidenceBlock, into findings: inout EncodedFindings, in analysis: Analysis
    ) throws(AggregationError) {
      try findings.load(block)
      guard let first = findings.records.first else { return nil }
      self.init(
        area: block.area, year: block.year, name: findings.string(first.areaName), in: analysis)
    }

    /// The shared parts of the lines of findings in `area` and `year`; `name` is the area's name
    /// when the analysis does not list the area.
    init(area: AreaID, year: Int?, name: String, in analysis: Analysis) {
      let name = analysis.area(area)?.name ?? name
      var csv: [UInt8] = []
      Escape.appendCSVField(name, to: &csv)
      csv.append(UInt8(ascii: ","))
      if let year { csv += String(year).utf8 }
      csv.append(UInt8(ascii: ","))
      csvPrefix = csv
      var head = Array(#"{"area":"#.utf8)
      JSONWriter.writeString(area.rawValue, into: &head)
      head += #","areaName":"#.utf8
      JSONWriter.writeString(name, into: &head)
      head.append(UInt8(ascii: ","))
      jsonPrefix = head
      jsonSuffix = Array(#","year":\#(year.map(String.init) ?? "null")}"#.utf8) + [0x0a]
    }

    /// The parts of `record`'s block.
    init(_ record: EvidenceRecord, in analysis: Analysis) {
      self.init(area: record.area, year: record.year, name: record.finding.area, in: analysis)
    }
  }
}

extension FindingLineParts.Name {
  fileprivate init(csv: [UInt8], json: [UInt8], markdown: [UInt8]) {
    self.csv = csv
    self.json = json
    self.markdown = markdown
  }
}
