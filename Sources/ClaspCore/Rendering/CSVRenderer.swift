/// Renders an `Analysis` as RFC 4180 CSV files: UTF-8, CRLF record ends, a header row, no index column.
///
/// ```swift
/// for file in CSVRenderer.render(analysis) { print(file.path) }  // measures.csv, matrix-findings.csv...
/// ```
public enum CSVRenderer {
  /// Decimals of rate values in CSV.
  static let ratePlaces = 2

  /// The CSV tables: the tidy long file, one wide matrix per measure, co-occurrence, the national and
  /// trend tables, and recommendations by addressee type (`findings.csv` is written by
  /// `FindingOutputs`, a report at a time).
  public static func render(_ analysis: Analysis) -> [OutputFile] {
    var files = [
      OutputFile(
        path: "measures.csv", contents: tidy(analysis),
        summary:
          "Every measure for every theme in every area, one row each, with its denominator (tidy long form)."
      )
    ]
    for table in analysis.measures {
      files.append(
        OutputFile(
          path: "matrix-\(Slug.make(table.measure.rawValue)).csv",
          contents: wide(table, in: analysis),
          summary: "\(table.measure.title): one row per theme, one column per area, and a total."))
    }
    files += [
      OutputFile(
        path: "cooccurrence.csv", contents: cooccurrence(analysis),
        summary: "Theme x theme: units in which both themes are present."),
      OutputFile(
        path: "national.csv", contents: national(analysis),
        summary:
          "Per theme over all areas: areas raising it as a concern, totals and medians per area."),
      OutputFile(
        path: "national-by-year.csv", contents: nationalByYear(analysis),
        summary: "The national table per review year (the trend table)."),
      OutputFile(
        path: "recommendations-by-organisation.csv", contents: recommendations(analysis),
        summary:
          "Recommendation items per theme by addressee type, out of all items addressed to that type."
      ),
    ]
    return files
  }

  /// `area, review_year, theme_id, theme_label, parent_id, measure, value, denominator`: one row per
  /// area, theme and measure; areas sorted, themes in codebook order, measures in declaration order.
  public static func tidy(_ analysis: Analysis) -> String {
    var out: [UInt8] = []
    Escape.appendCSVRecord(
      [
        "area", "review_year", "theme_id", "theme_label", "parent_id", "measure", "value",
        "denominator",
      ], to: &out)
    // The fields every row of a theme (of a measure) repeats, escaped once with their commas.
    func fields(_ values: [String]) -> [UInt8] {
      var out: [UInt8] = []
      for value in values {
        Escape.appendCSVField(value, to: &out)
        out.append(UInt8(ascii: ","))
      }
      return out
    }
    let themeFields = analysis.themes.map {
      fields([$0.id.rawValue, $0.label, $0.parent?.rawValue ?? ""])
    }
    let measureFields = analysis.measures.map { fields([$0.measure.rawValue]) }
    for (c, area) in analysis.areas.enumerated() {
      let areaFields = fields([area.name, area.years.map(yearField).joined(separator: ";")])
      for r in analysis.themes.indices {
        for (t, table) in analysis.measures.enumerated() {
          out += areaFields
          out += themeFields[r]
          out += measureFields[t]
          Escape.appendCSVField(value(table.value(row: r, column: c), table.measure), to: &out)
          out.append(UInt8(ascii: ","))
          Escape.appendCSVField(String(table.cells[r, c].denominator), to: &out)
          out.append(0x0D)
          out.append(0x0A)
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// One measure as a wide matrix: `theme_id, theme_label, parent_id`, one column per area (named as
  /// printed), then `total` (all areas pooled).
  public static func wide(_ table: MeasureTable, in analysis: Analysis) -> String {
    var out = Escape.csvRecord(
      ["theme_id", "theme_label", "parent_id"] + analysis.areas.map(\.name) + ["total"])
    for (r, theme) in analysis.themes.enumerated() {
      var fields = [theme.id.rawValue, theme.label, theme.parent?.rawValue ?? ""]
      for c in analysis.areas.indices {
        fields.append(value(table.value(row: r, column: c), table.measure))
      }
      fields.append(value(table.total(row: r), table.measure))
      out += Escape.csvRecord(fields)
    }
    return out
  }

  /// The header of `findings.csv`.
  static let findingsHeader = Escape.csvRecord([
    "area", "review_year", "unit", "section", "theme_id", "theme_label", "parent_id", "polarity",
    "evidence", "cited_recommendations",
  ])

  /// `findings.csv`, all of it in memory: one row per finding, in area then unit order.
  ///
  /// - Throws: `AggregationError.spoolFailed` when spooled findings cannot be read.
  public static func findings(_ analysis: Analysis) throws(AggregationError) -> String {
    var out = Array(findingsHeader.utf8)
    let parts = FindingLineParts(analysis)
    var findings = EncodedFindings()
    for block in analysis.evidenceBlocks {
      guard
        let shared = try FindingLineParts.Block(loading: block, into: &findings, in: analysis)
      else { continue }
      findings.bytes.withUnsafeBufferPointer { bytes in
        for (index, record) in findings.records.enumerated() {
          appendFindingRow(
            index, of: findings, in: bytes, theme: parts.theme(record.theme.bytes(in: bytes)),
            block: shared, parts: parts, to: &out)
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the `findings.csv` row of the finding at `index` of `findings`, whose bytes are
  /// `bytes`; `theme` holds its theme's parts and `block` its block's.
  static func appendFindingRow(
    _ index: Int, of findings: EncodedFindings, in bytes: UnsafeBufferPointer<UInt8>,
    theme: FindingLineParts.Theme, block: FindingLineParts.Block, parts: FindingLineParts,
    to out: inout some ByteOutput
  ) {
    let record = findings.records[index]
    out += block.csvPrefix
    Escape.appendCSVField(record.unit.bytes(in: bytes), to: &out)
    out.append(UInt8(ascii: ","))
    out += parts.sections[record.sectionIndex].csv
    out += theme.csvColumns
    out += parts.polarities[record.polarityIndex].csv
    Escape.appendCSVField(joining: record.evidence.count, separator: UInt8(ascii: " "), to: &out) {
      findings.texts[record.evidence.lowerBound + $0].bytes(in: bytes)
    }
    out.append(UInt8(ascii: ","))
    Escape.appendCSVField(joining: record.cited.count, separator: UInt8(ascii: ";"), to: &out) {
      findings.texts[record.cited.lowerBound + $0].bytes(in: bytes)
    }
    out.append(0x0D)
    out.append(0x0A)
  }

  /// Theme x theme co-occurrence: `theme_id, theme_label`, then one column per theme id.
  public static func cooccurrence(_ analysis: Analysis) -> String {
    let matrix = analysis.cooccurrence
    var out = Escape.csvRecord(["theme_id", "theme_label"] + matrix.columns.map(\.rawValue))
    for (r, theme) in analysis.themes.enumerated() {
      out += Escape.csvRecord(
        [theme.id.rawValue, theme.label] + matrix.cells(inRow: r).map { String($0) })
    }
    return out
  }

  /// The national table over all areas.
  public static func national(_ analysis: Analysis) -> String {
    var out = Escape.csvRecord(["theme_id", "theme_label", "parent_id"] + nationalHeader)
    for (r, theme) in analysis.themes.enumerated() {
      out += Escape.csvRecord(
        [theme.id.rawValue, theme.label, theme.parent?.rawValue ?? ""]
          + nationalFields(analysis.national[r]))
    }
    return out
  }

  /// The national table per review year, years ascending (unknown last), themes in codebook order.
  public static func nationalByYear(_ analysis: Analysis) -> String {
    var out = Escape.csvRecord(
      ["review_year", "theme_id", "theme_label", "parent_id"] + nationalHeader)
    for year in analysis.years {
      for (r, theme) in analysis.themes.enumerated() {
        out += Escape.csvRecord(
          [yearField(year.year), theme.id.rawValue, theme.label, theme.parent?.rawValue ?? ""]
            + nationalFields(year.rows[r]))
      }
    }
    return out
  }

  /// Long form: `theme_id, theme_label, parent_id, organisation_type, recommendations, denominator`.
  public static func recommendations(_ analysis: Analysis) -> String {
    let matrix = analysis.recommendationsByOrganisation
    var out = Escape.csvRecord([
      "theme_id", "theme_label", "parent_id", "organisation_type", "recommendations", "denominator",
    ])
    for (r, theme) in analysis.themes.enumerated() {
      for (c, type) in matrix.columns.enumerated() {
        let tally = matrix[r, c]
        out += Escape.csvRecord([
          theme.id.rawValue, theme.label, theme.parent?.rawValue ?? "", type.rawValue,
          String(tally.count), String(tally.denominator),
        ])
      }
    }
    return out
  }

  static let nationalHeader = [
    "areas", "areas_with_concern", "areas_with_finding", "total_concerns",
    "median_concerns_per_area",
    "total_findings", "median_findings_per_area",
  ]

  static func nationalFields(_ row: NationalThemeRow) -> [String] {
    [
      String(row.areas), String(row.areasWithConcern), String(row.areasWithFinding),
      String(row.totalConcerns), NumberText.compact(row.medianConcernsPerArea),
      String(row.totalFindings), NumberText.compact(row.medianFindingsPerArea),
    ]
  }

  static func value(_ value: Double, _ measure: Measure) -> String {
    NumberText.measure(value, measure, ratePlaces: ratePlaces)
  }

  static func yearField(_ year: Int?) -> String { year.map(String.init) ?? "" }

}
