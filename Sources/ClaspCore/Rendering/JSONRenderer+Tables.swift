extension JSONRenderer {
  /// Writes `indicator` as its `Codable` form encodes (keys sorted, absent optionals left out),
  /// without an encoded tree: `analysis.json` lists every figure of the run.
  ///
  /// - Throws: `EncodingError.invalidValue` for a non-finite number.
  static func writeIndicator(_ indicator: Indicator, depth: Int, into out: inout [UInt8]) throws {
    let member = depth + 1
    JSONWriter.openObject(into: &out)
    JSONWriter.writeKey("area", first: true, depth: member, into: &out)
    JSONWriter.writeString(indicator.area, into: &out)
    if let base = indicator.base {
      JSONWriter.writeKey("base", first: false, depth: member, into: &out)
      try JSONWriter.writeNumber(base, into: &out)
    }
    JSONWriter.writeKey("claimed", first: false, depth: member, into: &out)
    out.append(literal: indicator.claimed ? "true" : "false")
    if let comparator = indicator.comparator {
      JSONWriter.writeKey("comparator", first: false, depth: member, into: &out)
      try writeReference(comparator, depth: member, into: &out)
    }
    if let kind = indicator.kind {
      JSONWriter.writeKey("kind", first: false, depth: member, into: &out)
      JSONWriter.writeString(kind.rawValue, into: &out)
    }
    if let level = indicator.level {
      JSONWriter.writeKey("level", first: false, depth: member, into: &out)
      JSONWriter.writeInteger(level, into: &out)
    }
    JSONWriter.writeKey("line", first: false, depth: member, into: &out)
    JSONWriter.writeInteger(indicator.line, into: &out)
    if let organisation = indicator.organisation {
      JSONWriter.writeKey("organisation", first: false, depth: member, into: &out)
      JSONWriter.writeString(organisation, into: &out)
    }
    if let period = indicator.period {
      JSONWriter.writeKey("period", first: false, depth: member, into: &out)
      JSONWriter.writeString(period, into: &out)
    }
    JSONWriter.writeKey("role", first: false, depth: member, into: &out)
    JSONWriter.writeString(indicator.role.rawValue, into: &out)
    JSONWriter.writeKey("section", first: false, depth: member, into: &out)
    JSONWriter.writeString(indicator.section.rawValue, into: &out)
    JSONWriter.writeKey("sentence", first: false, depth: member, into: &out)
    JSONWriter.writeString(indicator.sentence, into: &out)
    JSONWriter.writeKey("subject", first: false, depth: member, into: &out)
    JSONWriter.writeString(indicator.subject, into: &out)
    if let target = indicator.target {
      JSONWriter.writeKey("target", first: false, depth: member, into: &out)
      try writeReference(target, depth: member, into: &out)
    }
    JSONWriter.writeKey("text", first: false, depth: member, into: &out)
    JSONWriter.writeString(indicator.text, into: &out)
    JSONWriter.writeKey("unit", first: false, depth: member, into: &out)
    JSONWriter.writeString(indicator.unit.rawValue, into: &out)
    if let unitID = indicator.unitID {
      JSONWriter.writeKey("unitID", first: false, depth: member, into: &out)
      JSONWriter.writeString(unitID.rawValue, into: &out)
    }
    JSONWriter.writeKey("value", first: false, depth: member, into: &out)
    try JSONWriter.writeNumber(indicator.value, into: &out)
    JSONWriter.closeObject(depth: depth, into: &out)
  }

  /// Writes a figure's target or comparator as its `Codable` form encodes.
  private static func writeReference(
    _ reference: IndicatorReference, depth: Int, into out: inout [UInt8]
  ) throws {
    let member = depth + 1
    JSONWriter.openObject(into: &out)
    var first = true
    if let basis = reference.basis {
      JSONWriter.writeKey("basis", first: true, depth: member, into: &out)
      JSONWriter.writeString(basis, into: &out)
      first = false
    }
    JSONWriter.writeKey("text", first: first, depth: member, into: &out)
    JSONWriter.writeString(reference.text, into: &out)
    JSONWriter.writeKey("value", first: false, depth: member, into: &out)
    try JSONWriter.writeNumber(reference.value, into: &out)
    JSONWriter.closeObject(depth: depth, into: &out)
  }

  /// Writes `table` into `out` exactly as the encoder writes it in `analysis.json` (the table at
  /// nesting `depth`), without building its tree: a large run's tables hold a tally per theme and
  /// area for each measure.
  ///
  /// - Throws: `EncodingError.invalidValue` for a non-finite value.
  static func writeMeasureTable(_ table: MeasureTable, depth: Int, into out: inout [UInt8]) throws {
    let member = depth + 1
    let cells = table.cells
    JSONWriter.openObject(into: &out)
    JSONWriter.writeKey("cells", first: true, depth: member, into: &out)
    // The matrix: `cells` (rows of tallies), `columns`, `rows`.
    JSONWriter.openObject(into: &out)
    JSONWriter.writeKey("cells", first: true, depth: member + 1, into: &out)
    JSONWriter.writeArray(count: cells.rows.count, depth: member + 1, into: &out) { r, out in
      JSONWriter.writeArray(count: cells.columns.count, depth: member + 2, into: &out) { c, out in
        writeTally(cells[r, c], depth: member + 3, into: &out)
      }
    }
    JSONWriter.writeKey("columns", first: false, depth: member + 1, into: &out)
    JSONWriter.writeArray(count: cells.columns.count, depth: member + 1, into: &out) { c, out in
      JSONWriter.writeString(cells.columns[c].rawValue, into: &out)
    }
    JSONWriter.writeKey("rows", first: false, depth: member + 1, into: &out)
    JSONWriter.writeArray(count: cells.rows.count, depth: member + 1, into: &out) { r, out in
      JSONWriter.writeString(cells.rows[r].rawValue, into: &out)
    }
    JSONWriter.closeObject(depth: member, into: &out)
    JSONWriter.writeKey("measure", first: false, depth: member, into: &out)
    JSONWriter.writeString(table.measure.rawValue, into: &out)
    JSONWriter.writeKey("totalValues", first: false, depth: member, into: &out)
    try JSONWriter.writeArray(count: table.totals.count, depth: member, into: &out) { r, out in
      try JSONWriter.writeNumber(table.total(row: r), into: &out)
    }
    JSONWriter.writeKey("totals", first: false, depth: member, into: &out)
    JSONWriter.writeArray(count: table.totals.count, depth: member, into: &out) { r, out in
      writeTally(table.totals[r], depth: member + 1, into: &out)
    }
    JSONWriter.writeKey("values", first: false, depth: member, into: &out)
    try JSONWriter.writeArray(count: cells.rows.count, depth: member, into: &out) { r, out in
      try JSONWriter.writeArray(count: cells.columns.count, depth: member + 1, into: &out) {
        c, out in
        try JSONWriter.writeNumber(table.value(row: r, column: c), into: &out)
      }
    }
    JSONWriter.closeObject(depth: depth, into: &out)
  }

  /// Writes `evidence` into `out` exactly as the encoder writes it in `analysis.json` (at nesting
  /// `depth`), without building its tree: it lists every finding's line number.
  static func writeThemeEvidence(_ evidence: ThemeEvidence, depth: Int, into out: inout [UInt8]) {
    let member = depth + 1
    JSONWriter.openObject(into: &out)
    JSONWriter.writeKey("areas", first: true, depth: member, into: &out)
    JSONWriter.writeArray(count: evidence.areas.count, depth: member, into: &out) { a, out in
      let area = evidence.areas[a]
      JSONWriter.openObject(into: &out)
      JSONWriter.writeKey("area", first: true, depth: member + 2, into: &out)
      JSONWriter.writeString(area.area.rawValue, into: &out)
      JSONWriter.writeKey("findings", first: false, depth: member + 2, into: &out)
      JSONWriter.writeArray(count: area.findings.count, depth: member + 2, into: &out) { f, out in
        JSONWriter.writeInteger(area.findings[f], into: &out)
      }
      JSONWriter.closeObject(depth: member + 1, into: &out)
    }
    JSONWriter.writeKey("theme", first: false, depth: member, into: &out)
    JSONWriter.writeString(evidence.theme.rawValue, into: &out)
    JSONWriter.closeObject(depth: depth, into: &out)
  }

  /// Writes `tally` as the encoder writes it (at nesting `depth`).
  private static func writeTally(_ tally: Tally, depth: Int, into out: inout [UInt8]) {
    JSONWriter.openObject(into: &out)
    JSONWriter.writeKey("count", first: true, depth: depth + 1, into: &out)
    JSONWriter.writeInteger(tally.count, into: &out)
    JSONWriter.writeKey("denominator", first: false, depth: depth + 1, into: &out)
    JSONWriter.writeInteger(tally.denominator, into: &out)
    JSONWriter.closeObject(depth: depth, into: &out)
  }
}
