import Dispatch

/// The finished cross-area result every renderer reads: matrices, national view, trend, recommendations
/// by addressee, co-occurrence and the evidence behind each theme.
///
/// Rows follow the codebook's order and columns the sorted area ids, so the value depends only on the
/// aggregate and the codebook, never on input order or dictionary iteration.
///
/// ```swift
/// let analysis = Analysis(aggregate: total, codebook: codebook)
/// analysis.table(.concerns).cells[row: "supervision", column: "derby"]  // Tally(count: 3, of: 9)
/// ```
public struct Analysis: Codable, Sendable, Hashable {
  /// Codebook themes, each parent followed by its children, siblings in codebook order: the row order
  /// of every theme table (the codebook's own order when it lists children after their parent).
  public let themes: [ThemeEntry]
  /// Areas sorted by id: the column order of every area table.
  public let areas: [AreaEntry]
  /// One summary per report, sorted by area and year.
  public let reports: [ReportSummary]
  /// One table per `Measure`, in `Measure.allCases` order.
  public let measures: [MeasureTable]
  /// Units in which both themes are present; the diagonal is units with the theme.
  public let cooccurrence: Matrix<ThemeID, ThemeID, Int>
  /// Per theme over all areas.
  public let national: [NationalThemeRow]
  /// Per review year, known years ascending.
  public let years: [YearView]
  /// Recommendation items coded with each theme, by addressee type, out of all items addressed to that type.
  public let recommendationsByOrganisation: Matrix<ThemeID, OrganisationType, Tally>
  /// Every finding with its area-year, one block per report, sorted by area, year and input digest
  /// (records within a block by unit and theme); written to `findings.jsonl`, not `analysis.json`.
  public private(set) var evidenceBlocks: [EvidenceBlock] = []
  /// The findings behind each theme (positions in the concatenated `evidenceBlocks`, which are the
  /// line numbers of `findings.jsonl` counted from 0), codebook order.
  public let evidence: [ThemeEvidence]
  /// Facts for the national summary's prose.
  public let summary: NationalSummary
  /// The reader's warnings for every report (each led by its area id) and the aggregation's, sorted.
  public let warnings: [String]
  /// Every figure the reports quote, sorted by area and line (empty without an indicator table).
  public let indicators: [Indicator]
  /// The range of each classified kind (and training level) across areas.
  public let indicatorRanges: [IndicatorRange]
  /// The table the figures were classified with, for labels (not part of the JSON form).
  public private(set) var indicatorTable: IndicatorTable? = nil

  private enum CodingKeys: String, CodingKey {
    case themes, areas, reports, measures, cooccurrence, national, years
    case recommendationsByOrganisation, evidence, summary, warnings, indicators
    case indicatorRanges
  }

  /// Computes every table from a merged aggregate.
  ///
  /// - Complexity: O(t x (a + k + y) + e x d) for t themes, a areas, k themes again (co-occurrence),
  ///   y years, e findings and theme depth d.
  public init(aggregate: Aggregate, codebook: Codebook, indicatorTable: IndicatorTable? = nil) {
    indicators = aggregate.indicators
    self.indicatorTable = indicatorTable
    indicatorRanges =
      indicatorTable.map { IndicatorRange.ranges(of: aggregate.indicators, table: $0) } ?? []
    let ordered = Self.hierarchyOrder(codebook)
    let known = Set(codebook.themes.map(\.id))
    let themeIDs = ordered.map(\.id)
    themes = ordered.map {
      ThemeEntry(
        id: $0.id, label: $0.label, definition: $0.definition, parent: $0.parent,
        depth: codebook.lineage(of: $0.id).dropFirst().count { known.contains($0) })
    }

    let keys = aggregate.groups.keys.sorted()
    var byArea: [AreaID: GroupCounts] = [:]
    var yearsByArea: [AreaID: [Int?]] = [:]
    for key in keys {
      byArea[key.area, default: GroupCounts()] =
        byArea[key.area, default: GroupCounts()] + aggregate.groups[key]!
      yearsByArea[key.area, default: []].append(key.year)
    }
    let areaIDs = byArea.keys.sorted()
    // The evidence index (a pass over every finding) is built beside the tables.
    let index = ResultSlots<[ThemeEvidence]>(count: 1)
    let indexing = DispatchGroup()
    DispatchQueue.global().async(group: indexing) { [themeIDs] in
      index.set(
        0,
        Self.evidenceIndex(
          aggregate.evidence, areas: areaIDs, themes: themeIDs, codebook: codebook))
    }
    areas = areaIDs.map { id in
      let counts = byArea[id]!
      return AreaEntry(
        id: id, name: aggregate.areaNames[id] ?? id.rawValue, years: yearsByArea[id] ?? [],
        reports: counts.reports, paragraphs: counts.paragraphs,
        recommendationItems: counts.recommendationItems)
    }
    reports = aggregate.reports

    // Each column's counts, looked up once rather than once per theme and measure.
    let columns = areaIDs.map { byArea[$0]! }
    // And each column's theme counts, by row.
    let counts = columns.map { group in themeIDs.map { group.themes[$0] ?? ThemeCounts() } }
    measures = Measure.allCases.map { measure in
      var cells = Matrix<ThemeID, AreaID, Tally>(rows: themeIDs, columns: areaIDs, repeating: .zero)
      for r in themeIDs.indices {
        for (c, group) in columns.enumerated() {
          cells[r, c] = Self.tally(measure, counts[c][r], in: group)
        }
      }
      let totals = themeIDs.indices.map { r in cells.cells(inRow: r).reduce(Tally.zero, +) }
      return MeasureTable(measure: measure, cells: cells, totals: totals)
    }

    var co = Matrix<ThemeID, ThemeID, Int>(rows: themeIDs, columns: themeIDs, repeating: 0)
    for (r, a) in themeIDs.enumerated() {
      for (c, b) in themeIDs.enumerated() {
        co[r, c] = aggregate.cooccurrence[ThemePair(a, b)] ?? 0
      }
    }
    cooccurrence = co

    national = themeIDs.enumerated().map { r, theme in
      NationalThemeRow(theme: theme, perArea: counts.map { $0[r] })
    }

    var groupsByYear: [Int?: [AreaYear]] = [:]
    for key in keys { groupsByYear[key.year, default: []].append(key) }
    let yearOrder = groupsByYear.keys.sorted(by: YearOrder.precedes)
    years = yearOrder.map { year in
      let yearKeys = groupsByYear[year]!
      var perArea: [AreaID: GroupCounts] = [:]
      for key in yearKeys {
        perArea[key.area, default: GroupCounts()] =
          perArea[key.area, default: GroupCounts()] + aggregate.groups[key]!
      }
      let ids = perArea.keys.sorted()
      return YearView(
        year: year, areas: ids,
        rows: themeIDs.map { theme in
          NationalThemeRow(
            theme: theme, perArea: ids.map { perArea[$0]!.themes[theme] ?? ThemeCounts() })
        })
    }

    let organisations = OrganisationType.allCases
    var recs = Matrix<ThemeID, OrganisationType, Tally>(
      rows: themeIDs, columns: organisations, repeating: .zero)
    for (r, theme) in themeIDs.enumerated() {
      for (c, type) in organisations.enumerated() {
        recs[r, c] = Tally(
          count: aggregate.recommendationsByOrganisation[
            ThemeOrganisation(theme: theme, organisation: type)] ?? 0,
          of: aggregate.recommendationItemsByOrganisation[type] ?? 0)
      }
    }
    recommendationsByOrganisation = recs

    evidenceBlocks = aggregate.evidence
    indexing.wait()
    evidence = index.values[0]!

    warnings = (Array(aggregate.warnings) + aggregate.reports.flatMap(\.warnings)).sorted()
    summary = NationalSummary(
      themes: themeIDs, areas: areas, reports: aggregate.reports, measures: measures,
      national: national, years: years, recommendations: recommendationsByOrganisation)
  }

  /// Each theme row's findings per area column: positions in the concatenated `blocks`.
  ///
  /// Blocks come sorted by area, as the columns are: walk both together and fill each theme row's
  /// column lists directly. A lineage's themes missing from the codebook index nothing.
  static func evidenceIndex(
    _ blocks: [EvidenceBlock], areas areaIDs: [AreaID], themes themeIDs: [ThemeID],
    codebook: Codebook
  ) -> [ThemeEvidence] {
    let rowOf = Dictionary(themeIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var rowsOfTheme: [ThemeID: [Int]] = [:]
    var positions = Array(
      repeating: Array(repeating: [Int](), count: areaIDs.count), count: themeIDs.count)
    var column = 0
    var position = 0
    for block in blocks {
      while column < areaIDs.count && areaIDs[column] < block.area { column += 1 }
      precondition(
        column < areaIDs.count && areaIDs[column] == block.area, "evidence without a column")
      // The rows of each theme the block uses, looked up once per block rather than per record.
      let blockRows = block.distinctThemes.map { theme in
        rowsOfTheme[theme]
          ?? {
            let rows = codebook.lineage(of: theme).compactMap { rowOf[$0] }
            rowsOfTheme[theme] = rows
            return rows
          }()
      }
      for theme in block.themePositions {
        for row in blockRows[Int(theme)] { positions[row][column].append(position) }
        position += 1
      }
    }
    return themeIDs.indices.map { row in
      ThemeEvidence(
        theme: themeIDs[row],
        areas: areaIDs.indices.map { AreaEvidence(area: areaIDs[$0], findings: positions[row][$0]) }
      )
    }
  }

  /// The table of `measure`.
  public func table(_ measure: Measure) -> MeasureTable {
    measures[Measure.allCases.firstIndex(of: measure)!]
  }

  /// The codebook entry of `id`, if any.
  public func theme(_ id: ThemeID) -> ThemeEntry? { themes.first { $0.id == id } }

  /// The column of `id`, if any.
  ///
  /// - Complexity: O(log a) for a areas.
  public func area(_ id: AreaID) -> AreaEntry? {
    var low = 0
    var high = areas.count
    while low < high {
      let mid = (low + high) / 2
      if areas[mid].id < id { low = mid + 1 } else { high = mid }
    }
    return low < areas.count && areas[low].id == id ? areas[low] : nil
  }

  /// How many findings the analysis holds.
  public var findingCount: Int { evidenceBlocks.reduce(0) { $0 + $1.count } }

  /// Every finding, in output order, read back from the spool where the blocks were spooled.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be read.
  public func findings() throws(AggregationError) -> [EvidenceRecord] {
    var out: [EvidenceRecord] = []
    out.reserveCapacity(findingCount)
    for block in evidenceBlocks { out += try block.records() }
    return out
  }

  /// The codebook's themes in pre-order: each root in codebook order, followed by its descendants.
  ///
  /// A theme whose parent is missing (or whose ancestry loops) counts as a root.
  static func hierarchyOrder(_ codebook: Codebook) -> [Theme] {
    let ids = Set(codebook.themes.map(\.id))
    func isRoot(_ theme: Theme) -> Bool { theme.parent.map { !ids.contains($0) } ?? true }
    var out: [Theme] = []
    var placed = Set<ThemeID>()
    func visit(_ theme: Theme) {
      guard placed.insert(theme.id).inserted else { return }
      out.append(theme)
      for child in codebook.themes where child.parent == theme.id { visit(child) }
    }
    for theme in codebook.themes where isRoot(theme) { visit(theme) }
    for theme in codebook.themes { visit(theme) }  // themes on a parent loop
    return out
  }

  static func tally(_ measure: Measure, _ counts: ThemeCounts, in group: GroupCounts) -> Tally {
    switch measure {
    case .findings, .ratePer100Units: Tally(count: counts.findings, of: group.paragraphs)
    case .concerns: Tally(count: counts.concerns, of: counts.findings)
    case .strengths: Tally(count: counts.strengths, of: counts.findings)
    case .recommendations: Tally(count: counts.recommendations, of: group.recommendationItems)
    case .presence: Tally(count: counts.units > 0 ? 1 : 0, of: 1)
    }
  }
}
