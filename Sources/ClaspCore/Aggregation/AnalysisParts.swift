/// A codebook theme as the outputs show it: id, label, definition and place in the hierarchy.
public struct ThemeEntry: Codable, Sendable, Hashable {
  /// The codebook id.
  public let id: ThemeID
  /// The human label.
  public let label: String
  /// What the theme covers, from the codebook.
  public let definition: String
  /// The parent theme, if any.
  public let parent: ThemeID?
  /// 0 for a top-level theme, 1 for its children, and so on.
  public let depth: Int

  /// Makes an entry; `depth` counts the ancestors present in the codebook.
  public init(id: ThemeID, label: String, definition: String, parent: ThemeID?, depth: Int) {
    self.id = id
    self.label = label
    self.definition = definition
    self.parent = parent
    self.depth = depth
  }
}

/// One column of the area matrices.
public struct AreaEntry: Codable, Sendable, Hashable {
  /// The column id.
  public let id: AreaID
  /// The area as printed in its report title.
  public let name: String
  /// The review years of the area's reports, known years ascending, unknown last.
  public let years: [Int?]
  /// Reports merged into the column.
  public let reports: Int
  /// Finding paragraphs over the area's reports.
  public let paragraphs: Int
  /// Recommendation items over the area's reports.
  public let recommendationItems: Int

  /// Makes a column entry.
  public init(
    id: AreaID, name: String, years: [Int?], reports: Int, paragraphs: Int, recommendationItems: Int
  ) {
    self.id = id
    self.name = name
    self.years = years
    self.reports = reports
    self.paragraphs = paragraphs
    self.recommendationItems = recommendationItems
  }
}

/// One measure for every theme (rows, codebook order) in every area (columns, sorted), with totals.
public struct MeasureTable: Codable, Sendable, Hashable {
  /// What the cells count.
  public let measure: Measure
  /// One tally per theme (row) and area (column).
  public let cells: Matrix<ThemeID, AreaID, Tally>
  /// Per row, the tallies of all areas pooled (counts and denominators summed).
  public let totals: [Tally]

  /// Makes a table; `totals` has one tally per row.
  public init(measure: Measure, cells: Matrix<ThemeID, AreaID, Tally>, totals: [Tally]) {
    precondition(totals.count == cells.rows.count, "one total per row")
    self.measure = measure
    self.cells = cells
    self.totals = totals
  }

  /// The measure's value in the cell at positions (`row`, `column`).
  public func value(row: Int, column: Int) -> Double { measure.value(of: cells[row, column]) }
  /// The measure's value over all areas for the row at `row`.
  public func total(row: Int) -> Double { measure.value(of: totals[row]) }

  private enum CodingKeys: String, CodingKey { case measure, cells, totals, values, totalValues }

  /// Decodes `measure`, `cells` and `totals`, ignoring the derived values.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      measure: try container.decode(Measure.self, forKey: .measure),
      cells: try container.decode(Matrix<ThemeID, AreaID, Tally>.self, forKey: .cells),
      totals: try container.decode([Tally].self, forKey: .totals))
  }

  /// Encodes the tallies and, for readers that do not know the measure, each cell's value.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(measure, forKey: .measure)
    try container.encode(cells, forKey: .cells)
    try container.encode(totals, forKey: .totals)
    let values = cells.rows.indices.map { r in
      cells.columns.indices.map { value(row: r, column: $0) }
    }
    try container.encode(values, forKey: .values)
    try container.encode(totals.indices.map(total(row:)), forKey: .totalValues)
  }
}

/// The national view of one theme over a set of areas.
public struct NationalThemeRow: Codable, Sendable, Hashable {
  /// The row's theme.
  public let theme: ThemeID
  /// Areas in the set.
  public let areas: Int
  /// Areas with at least one concern paragraph for the theme.
  public let areasWithConcern: Int
  /// Areas with at least one finding paragraph for the theme.
  public let areasWithFinding: Int
  /// Concern paragraphs over all areas in the set.
  public let totalConcerns: Int
  /// The median over all areas in the set, areas without the theme counting 0.
  public let medianConcernsPerArea: Double
  /// Finding paragraphs over all areas in the set.
  public let totalFindings: Int
  /// The median finding paragraphs per area, areas without the theme counting 0.
  public let medianFindingsPerArea: Double

  /// Summarises per-area counts of one theme (one element per area in the set).
  public init(theme: ThemeID, perArea: [ThemeCounts]) {
    self.theme = theme
    areas = perArea.count
    areasWithConcern = perArea.count { $0.concerns > 0 }
    areasWithFinding = perArea.count { $0.findings > 0 }
    totalConcerns = perArea.reduce(0) { $0 + $1.concerns }
    totalFindings = perArea.reduce(0) { $0 + $1.findings }
    medianConcernsPerArea = Median.of(perArea.map(\.concerns))
    medianFindingsPerArea = Median.of(perArea.map(\.findings))
  }
}

/// The national view restricted to the areas reviewed in one year: the trend table.
public struct YearView: Codable, Sendable, Hashable {
  /// The review year, `nil` for reports without a date.
  public let year: Int?
  /// The areas reviewed that year, sorted.
  public let areas: [AreaID]
  /// One row per theme, codebook order.
  public let rows: [NationalThemeRow]

  /// Makes a year's view.
  public init(year: Int?, areas: [AreaID], rows: [NationalThemeRow]) {
    self.year = year
    self.areas = areas
    self.rows = rows
  }
}

/// The findings behind one theme (its descendants included), area by area.
public struct ThemeEvidence: Codable, Sendable, Hashable {
  /// The theme whose evidence this is.
  public let theme: ThemeID
  /// Every area in the analysis, sorted, each with its records (possibly none).
  public let areas: [AreaEvidence]

  /// Makes a theme's evidence index.
  public init(theme: ThemeID, areas: [AreaEvidence]) {
    self.theme = theme
    self.areas = areas
  }
}

/// The findings for one theme in one area, in unit order.
public struct AreaEvidence: Codable, Sendable, Hashable {
  /// The area.
  public let area: AreaID
  /// Positions in `Analysis.findings`, ascending.
  public let findings: [Int]

  /// Makes an area's evidence index.
  public init(area: AreaID, findings: [Int]) {
    self.area = area
    self.findings = findings
  }
}

/// Medians of counts.
enum Median {
  /// The median of `values`, the mean of the middle two for an even count, 0 when empty.
  static func of(_ values: [Int]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
  }

  static func of(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
}
