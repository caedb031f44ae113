import ClaspTestSupport
import Testing

@testable import ClaspCore

@Suite struct CSVRendererTests {
  @Test("every CSV file reads back through a strict RFC 4180 reader with its header")
  func strict() throws {
    let analysis = Fixture.threeAreas
    for file in CSVRenderer.render(analysis) {
      let records = try RFC4180Reader.records(file.contents)
      #expect(records.count > 1, "\(file.path) has no data rows")
      #expect(!records[0].contains(""), "\(file.path) has an empty header")
    }
  }

  @Test("the tidy file has one row per area, theme and measure with stated denominators")
  func tidy() throws {
    let analysis = Fixture.threeAreas
    let records = try RFC4180Reader.records(CSVRenderer.tidy(analysis))
    #expect(
      records[0] == [
        "area", "review_year", "theme_id", "theme_label", "parent_id", "measure", "value",
        "denominator",
      ])
    #expect(records.count == 1 + 3 * 5 * Measure.allCases.count)
    let row = try #require(
      records.first { $0[0] == "Derby" && $0[2] == "practice" && $0[5] == "concerns" })
    #expect(
      row == ["Derby", "2015", "practice", "Safeguarding practice", "", "concerns", "2", "2"])
    let rate = try #require(
      records.first { $0[0] == "Derby" && $0[2] == "supervision" && $0[5] == "rate_per_100_units" })
    #expect(rate[6] == "50.00" && rate[7] == "4")
  }

  @Test("wide matrices have a theme per row, an area per column and a pooled total")
  func wide() throws {
    let analysis = Fixture.threeAreas
    let text = CSVRenderer.wide(analysis.table(.findings), in: analysis)
    let records = try RFC4180Reader.records(text)
    #expect(
      records[0] == [
        "theme_id", "theme_label", "parent_id", "Bath and North East Somerset", "Coventry", "Derby",
        "total",
      ])
    #expect(records[4] == ["hidden_harm", "Hidden harm", "", "5", "1", "1", "7"])
    #expect(records[2] == ["supervision", "Supervision", "practice", "1", "0", "2", "3"])
  }

  @Test("report text with pipes, formulas, script tags and line breaks is inert in every CSV cell")
  func hostile() throws {
    let analysis = Fixture.hostileAnalysis
    for file in CSVRenderer.render(analysis) {
      let records = try RFC4180Reader.records(file.contents)
      for field in records.joined() {
        #expect(
          !(field.first.map { Escape.formulaStarters.contains($0) } ?? false),
          "\(file.path): \(field)")
      }
    }
    let findings = try RFC4180Reader.records(CSVRenderer.findings(analysis))
    let evidence = findings.dropFirst().map { $0[8] }
    #expect(evidence.contains("'" + Fixture.hostile))
    #expect(evidence.contains("'-1 +1 @x\t\r\n" + Fixture.hostile))
  }
}
