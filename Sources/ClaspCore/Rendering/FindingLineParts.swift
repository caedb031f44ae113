/// The pieces of a finding's output lines that many findings share, escaped once rather than once
/// per finding: per theme (CSV theme columns, Markdown label) and per evidence block (the area and
/// year columns of `findings.csv`, the head and tail of a `findings.jsonl` line).
///
/// A run of 1,500 reports writes about 460,000 findings three or four times over; escaping the
/// repeated parts once keeps the per-finding work to the text that differs.
struct FindingLineParts: Sendable {
  private let csvThemes: [ThemeID: [UInt8]]
  private let markdownThemes: [ThemeID: [UInt8]]

  init(_ analysis: Analysis) {
    var csvThemes: [ThemeID: [UInt8]] = [:]
    var markdownThemes: [ThemeID: [UInt8]] = [:]
    for theme in analysis.themes {
      csvThemes[theme.id] = Self.csvThemeColumns(
        id: theme.id, label: theme.label, parent: theme.parent)
      var label: [UInt8] = []
      Escape.appendMarkdown(theme.label, cell: true, to: &label)
      markdownThemes[theme.id] = label
    }
    self.csvThemes = csvThemes
    self.markdownThemes = markdownThemes
  }

  /// `theme_id,theme_label,parent_id,` of `findings.csv`; a theme missing from the codebook has an
  /// empty label and parent.
  func csvThemeColumns(_ theme: ThemeID) -> [UInt8] {
    csvThemes[theme] ?? Self.csvThemeColumns(id: theme, label: "", parent: nil)
  }

  /// The theme's label as a Markdown table cell; a theme missing from the codebook shows its id.
  func markdownThemeLabel(_ theme: ThemeID) -> [UInt8] {
    if let label = markdownThemes[theme] { return label }
    var label: [UInt8] = []
    Escape.appendMarkdown(theme.rawValue, cell: true, to: &label)
    return label
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
