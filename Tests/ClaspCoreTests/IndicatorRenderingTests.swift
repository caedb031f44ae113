import Foundation
import Testing

@testable import ClaspCore

@Suite struct IndicatorRenderingTests {
  static func indicator(subject: String, organisation: String? = nil) -> Indicator {
    Indicator(
      area: "Testshire", kind: "training_compliance", value: 92, unit: .percent, base: nil,
      text: "92%",
      role: .figure, level: 3, target: IndicatorReference(value: 90, text: "90%", basis: "target"),
      comparator: nil, organisation: organisation, period: "2015/16", claimed: true,
      subject: subject,
      sentence: subject, unitID: "para:5.3.7", section: .trainingAndSupervision, line: 12)
  }

  @Test("CSV quotes fields with commas, quotes and line breaks and defuses formulas")
  func csv() {
    let csv = IndicatorCSVRenderer.render([
      Self.indicator(subject: "=1+1, \"quoted\"\nnext", organisation: "A | B")
    ])
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines[0] == IndicatorCSVRenderer.columns.joined(separator: ","))
    #expect(
      csv.hasSuffix(
        "Testshire,para:5.3.7,12,training_compliance,92,percent,,92%,figure,3,90,,,A | B,2015/16,true,"
          + "\"'=1+1, \"\"quoted\"\"\nnext\",\"'=1+1, \"\"quoted\"\"\nnext\"\r\n"))
  }

  @Test("Markdown cells escape pipes and Markdown punctuation")
  func markdown() throws {
    let table = try IndicatorTable.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/indicators.json"))
    let page = IndicatorMarkdownRenderer.render(
      [Self.indicator(subject: "a | b *c*", organisation: "A_B")], table: table)
    #expect(
      page.contains(
        "| Safeguarding training compliance | 92% | level 3 | 90% |  | A\\_B | 2015/16 | yes | para:5.3.7 line 12 | a \\| b \\*c\\* |"
      ))
    #expect(
      page.contains("| Safeguarding training compliance, level 3 | 1 | Testshire | 92% | 90% |"))
  }

  @Test("JSON round-trips and is byte-stable")
  func json() throws {
    let figures = [Self.indicator(subject: "s")]
    let text = IndicatorJSONRenderer.render(figures)
    let decoded = try JSONDecoder().decode(IndicatorDocument.self, from: Data(text.utf8))
    #expect(decoded.indicators == figures && decoded.schema == 1)
    #expect(text == IndicatorJSONRenderer.render(figures))
  }

  @Test("ranges group by kind, unit and level and keep document order on ties")
  func ranges() throws {
    let table = try IndicatorTable.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/indicators.json"))
    let figures = try Fixtures.slugs.flatMap {
      IndicatorExtractor(table: table).indicators(in: try Fixtures.report($0))
    }
    let ranges = IndicatorRange.ranges(of: figures, table: table)
    let training = try #require(ranges.first { $0.kind == "training_compliance" })
    #expect(training.level == 3 && training.low.value == 92 && training.high.value == 100)
    #expect(training.targets == [90, 95] && training.count == 3)
    #expect(!ranges.contains { $0.kind == "england_comparison" })
    let sentences = IndicatorMarkdownRenderer.summarySentences(ranges, table: table)
    #expect(
      sentences.contains(
        "Safeguarding training compliance, level 3 ranged from 92% (Bath and North East Somerset, "
          + "para:5.3.7) to 100% (Bath and North East Somerset, para:5.3.7) against targets of 90% "
          + "and 95%; 3 figures from 2 areas."))
    #expect(
      sentences.contains(
        "SDQ average score was 16.3 (Derby, section:context); 1 figure from 1 area."))
    #expect(
      sentences.contains(
        "Child poverty ranged from 20.0% (Thurrock, section:context) to 29.7% (Wolverhampton, "
          + "section:context) (compared with England average 18.6%); 4 figures from 4 areas."))
  }
}
