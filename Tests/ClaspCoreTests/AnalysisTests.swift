import Testing

@testable import ClaspCore

@Suite struct AnalysisTests {
  @Test("columns are sorted area ids and rows follow the codebook")
  func order() {
    let analysis = Fixture.threeAreas
    #expect(analysis.areas.map(\.id) == ["bath-and-north-east-somerset", "coventry", "derby"])
    #expect(analysis.themes.map(\.id) == Fixture.codebook.themes.map(\.id))
    #expect(analysis.themes.map(\.depth) == [0, 1, 1, 0, 0])
  }

  @Test("the national view counts areas raising a concern, totals and medians")
  func national() throws {
    let analysis = Fixture.threeAreas
    let hidden = try #require(analysis.national.first { $0.theme == "hidden_harm" })
    // Bath 5 concerns, Coventry 1, Derby 0 (a positive paragraph only).
    #expect(hidden.areas == 3)
    #expect(hidden.areasWithConcern == 2)
    #expect(hidden.areasWithFinding == 3)
    #expect(hidden.totalConcerns == 6)
    #expect(hidden.medianConcernsPerArea == 1)
    #expect(hidden.totalFindings == 7)
  }

  @Test("the trend table has one view per review year")
  func years() throws {
    let analysis = Fixture.threeAreas
    #expect(analysis.years.map(\.year) == [2014, 2015, 2016])
    #expect(
      analysis.years.map(\.areas) == [["bath-and-north-east-somerset"], ["derby"], ["coventry"]])
    let span = try #require(analysis.summary.trendSpan)
    #expect(span == .init(fromYear: 2014, fromAreas: 1, toYear: 2016, toAreas: 1))
    // Supervision: Bath (2014) raised it, Coventry (2016) did not; hidden harm: both did, so no change.
    #expect(analysis.summary.yearChanges.map(\.theme) == ["practice", "supervision"])
    let change = try #require(analysis.summary.yearChanges.last)
    #expect(change.fromAreasWithConcern == 1 && change.toAreasWithConcern == 0)
    #expect(change.percentagePointChange == -100)
    #expect(
      MarkdownRenderer.summarySentences(analysis).contains(
        "Comparing 1 area reviewed in 2014 with 1 area reviewed in 2016, the share of areas raising a theme "
          + "as a concern changed for 2 themes: Safeguarding practice fell from 1 of 1 to 0 of 1 "
          + "(-100 percentage points) and Supervision fell from 1 of 1 to 0 of 1 (-100 percentage points). "
          + "With fewer than three areas in a year, read this as a description, not a trend."))
  }

  @Test("rows put each parent before its children, siblings in codebook order")
  func hierarchyOrder() {
    let codebook = Codebook(
      version: 1,
      themes: [
        Fixture.theme("child_a", "A", parent: "parent"), Fixture.theme("other", "Other"),
        Fixture.theme("parent", "Parent"), Fixture.theme("child_b", "B", parent: "parent"),
        Fixture.theme("orphan", "Orphan", parent: "missing"),
      ])
    let analysis = Analysis(aggregate: .empty, codebook: codebook)
    #expect(analysis.themes.map(\.id) == ["other", "parent", "child_a", "child_b", "orphan"])
    #expect(analysis.themes.map(\.depth) == [0, 0, 1, 1, 0])
  }

  @Test("an area far above the others' median concern rate is an outlier")
  func outlier() throws {
    let analysis = Fixture.threeAreas
    let outlier = try #require(analysis.summary.outliers.first { $0.theme == "hidden_harm" })
    #expect(outlier.area == "bath-and-north-east-somerset")
    #expect(outlier.concerns == 5 && outlier.paragraphs == 10)
    #expect(outlier.rate == 50)
    #expect(outlier.othersMedianRate == 12.5)  // Coventry 1 of 4 = 25, Derby 0 of 4 = 0
  }

  @Test("evidence pages index the findings of a theme and its sub-themes")
  func evidence() throws {
    let analysis = Fixture.threeAreas
    let practice = try #require(analysis.evidence.first { $0.theme == "practice" })
    let derby = try #require(practice.areas.first { $0.area == "derby" })
    let findings = try analysis.findings()
    let units = derby.findings.map { findings[$0].finding.unit }
    #expect(units == ["para:1.1", "para:1.1", "para:1.2", "rec:1.1", "rec:2.1"])
    #expect(analysis.evidence.count == analysis.themes.count)
    #expect(practice.areas.map(\.area) == analysis.areas.map(\.id))
  }

  @Test("findings for a theme the codebook lacks are kept and warned about")
  func unknownTheme() {
    let (report, _) = Fixture.coventry
    let finding = Fixture.finding(report, "para:1.1", "not_a_theme", .negative)
    let analysis = Analysis(
      aggregate: Aggregate(report: report, findings: [finding], codebook: Fixture.codebook),
      codebook: Fixture.codebook)
    #expect(analysis.findingCount == 1)
    #expect(
      analysis.warnings == ["coventry: finding for theme 'not_a_theme' which the codebook lacks"])
    #expect(analysis.table(.findings).totals.allSatisfy { $0.count == 0 })
  }

  @Test("a matrix with duplicate ids or the wrong storage size traps")
  func matrixInvariants() async {
    await #expect(processExitsWith: .failure) {
      _ = Matrix<ThemeID, AreaID, Int>(rows: ["a", "a"], columns: ["x"], repeating: 0)
    }
    await #expect(processExitsWith: .failure) {
      _ = Matrix<ThemeID, AreaID, Int>(rows: ["a"], columns: ["x", "y"], storage: [1])
    }
  }

  @Test("a matrix checks its shape and looks cells up by id")
  func matrix() {
    var m = Matrix<ThemeID, AreaID, Int>(rows: ["a", "b"], columns: ["x", "y", "z"], repeating: 0)
    m[1, 2] = 7
    #expect(m[row: "b", column: "z"] == 7)
    #expect(m[row: "c", column: "z"] == nil)
    #expect(Array(m.cells(inRow: 1)) == [0, 0, 7])
  }
}
