import ClaspTestSupport
import Foundation
import Testing

@testable import ClaspCore

/// The five bundled reports, coded with the bundled codebook, aggregated: matrix cells checked against
/// counts computed here straight from the coded findings, and the CSV read back strictly.
@Suite struct GoldenAnalysisTests {
  struct Coded {
    let codebook: Codebook
    let reports: [Report]
    let findings: [[Finding]]
    let analysis: Analysis
  }

  static func coded() throws -> Coded {
    let codebook = try Codebook.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/codebook.json"))
    let coder = Coder(codebook: codebook)
    let reports = try Fixtures.slugs.map(Fixtures.report)
    let findings = reports.map(coder.findings(in:))
    let parts = zip(reports, findings).map {
      Aggregate(report: $0, findings: $1, codebook: codebook)
    }
    return Coded(
      codebook: codebook, reports: reports, findings: findings,
      analysis: Analysis(aggregate: Aggregate.merged(parts), codebook: codebook))
  }

  /// Units of `kind` coded with `theme` or a descendant, optionally only with a polarity passing `where`.
  static func units(
    _ findings: [Finding], _ theme: ThemeID, _ kind: UnitKind, codebook: Codebook,
    where keep: (Polarity) -> Bool = { _ in true }
  ) -> Set<UnitID> {
    Set(
      findings.filter {
        $0.unit.kind == kind && keep($0.polarity) && codebook.lineage(of: $0.theme).contains(theme)
      }.map(\.unit))
  }

  @Test("every matrix cell equals the count taken straight from the coded findings")
  func cells() throws {
    let coded = try Self.coded()
    let analysis = coded.analysis
    #expect(analysis.areas.map(\.id.rawValue) == Fixtures.slugs)
    var checked = 0
    for (report, findings) in zip(coded.reports, coded.findings) {
      let area = AreaID(area: report.metadata.area)
      let paragraphs = report.units.count { $0.id.kind == .paragraph }
      let recommendations = report.units.count { $0.id.kind == .recommendation }
      for theme in coded.codebook.themes {
        let paragraphsCoded = Self.units(findings, theme.id, .paragraph, codebook: coded.codebook)
        let concerns = Self.units(
          findings, theme.id, .paragraph, codebook: coded.codebook, where: \.isConcern)
        let strengths = Self.units(
          findings, theme.id, .paragraph, codebook: coded.codebook, where: \.isStrength)
        let recs = Self.units(findings, theme.id, .recommendation, codebook: coded.codebook)
        func cell(_ measure: Measure) -> Tally? {
          analysis.table(measure).cells[row: theme.id, column: area]
        }
        #expect(
          cell(.findings) == Tally(count: paragraphsCoded.count, of: paragraphs),
          "\(theme.id) \(area)")
        #expect(
          cell(.concerns) == Tally(count: concerns.count, of: paragraphsCoded.count),
          "\(theme.id) \(area)")
        #expect(
          cell(.strengths) == Tally(count: strengths.count, of: paragraphsCoded.count),
          "\(theme.id) \(area)")
        #expect(
          cell(.recommendations) == Tally(count: recs.count, of: recommendations),
          "\(theme.id) \(area)")
        #expect(
          cell(.presence) == Tally(count: paragraphsCoded.isEmpty && recs.isEmpty ? 0 : 1, of: 1))
        checked += 1
      }
    }
    #expect(checked == 5 * coded.codebook.themes.count)
    // A parent counts at least as many paragraphs as any child, yet fewer than its children together
    // whenever two children share a paragraph.
    let findings = analysis.table(.findings)
    for (r, theme) in analysis.themes.enumerated() {
      let children = analysis.themes.indices.filter { analysis.themes[$0].parent == theme.id }
      for c in analysis.areas.indices {
        for child in children {
          #expect(findings.cells[r, c].count >= findings.cells[child, c].count)
        }
      }
    }
  }

  @Test("the national hidden-harm row matches the findings")
  func national() throws {
    let coded = try Self.coded()
    let perArea = coded.findings.map {
      Self.units($0, "hidden_harm", .paragraph, codebook: coded.codebook, where: \.isConcern).count
    }
    let row = try #require(coded.analysis.national.first { $0.theme == "hidden_harm" })
    #expect(row.areas == 5)
    #expect(row.areasWithConcern == perArea.count { $0 > 0 })
    #expect(row.totalConcerns == perArea.reduce(0, +))
    #expect(row.medianConcernsPerArea == Double(perArea.sorted()[2]))
  }

  @Test("every CSV file reads back strictly, and the tidy file agrees with the findings")
  func csv() throws {
    let coded = try Self.coded()
    let files = try OutputSet.render(
      coded.analysis, formats: [.csv], codebook: OutputSetTests.codebook, failures: []
    ).filter { $0.path.hasSuffix(".csv") }
    #expect(files.contains { $0.path == "findings.csv" })
    for file in files { _ = try RFC4180Reader.records(file.contents) }
    let tidy = try RFC4180Reader.records(
      try #require(files.first { $0.path == "measures.csv" }).contents)
    let derby = try #require(coded.reports.firstIndex { $0.metadata.area == "Derby" })
    let supervision = Self.units(
      coded.findings[derby], "supervision", .paragraph, codebook: coded.codebook)
    let row = try #require(
      tidy.first { $0[0] == "Derby" && $0[2] == "supervision" && $0[5] == "findings" })
    #expect(row[6] == String(supervision.count))
    #expect(row[7] == String(coded.reports[derby].units.count { $0.id.kind == .paragraph }))
    let findingRows = try RFC4180Reader.records(
      try #require(files.first { $0.path == "findings.csv" }).contents)
    #expect(findingRows.count == 1 + coded.findings.reduce(0) { $0 + $1.count })
  }
}

/// Indicators travel through the aggregate into the outputs, whatever the merge order.
@Suite struct IndicatorAnalysisTests {
  @Test("quoted figures merge in any order and the summary cites their ranges")
  func indicatorsInAnalysis() throws {
    let codebook = try Codebook.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/codebook.json"))
    let table = try IndicatorTable.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/indicators.json"))
    let extractor = IndicatorExtractor(table: table)
    let reports = try Fixtures.slugs.map(Fixtures.report)
    let figures = reports.map(extractor.indicators(in:))
    let parts = zip(reports, figures).map {
      Aggregate(report: $0, findings: [], codebook: codebook, indicators: $1)
    }
    let forward = Aggregate.merged(parts)
    #expect(Aggregate.merged(parts.reversed()) == forward)
    #expect(Aggregate.merged([parts[3], parts[0], parts[4], parts[2], parts[1]]) == forward)
    #expect(forward.indicators.count == figures.joined().count)

    let analysis = Analysis(aggregate: forward, codebook: codebook, indicatorTable: table)
    // The level 3 training range, computed here from the extracted figures.
    let level3 = figures.joined().filter {
      $0.kind == "training_compliance" && $0.level == 3 && $0.role == .figure
    }
    let low = try #require(level3.min { $0.value < $1.value })
    let high = try #require(level3.max { $0.value < $1.value })
    let files = try OutputSet.render(
      analysis, formats: [.markdown, .csv],
      codebook: RunManifest.CodebookInput(sha256: "", version: 1, themes: 18), failures: [])
    let summary = try #require(files.first { $0.path == "national-summary.md" }).contents
    #expect(summary.contains("## Figures the reports quote"))
    #expect(summary.contains("level 3 ranged from \(low.text) (\(low.area)"))
    #expect(summary.contains("to \(high.text) (\(high.area)"))
    let csv = try #require(files.first { $0.path == "indicators.csv" }).contents
    #expect(csv.components(separatedBy: "\r\n").count - 2 == forward.indicators.count)
    #expect(files.contains { $0.path == "indicators.md" })
  }
}
