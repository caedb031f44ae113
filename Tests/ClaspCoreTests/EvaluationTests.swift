import Foundation
import Testing

@testable import ClaspCore

@Suite struct EvaluationTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("counts true and false positives per theme and polarity agreement on shared pairs")
  func arithmetic() throws {
    let gold = try GoldAnnotation.parse(
      jsonLines: """
        {"report": "x", "unit": "para:1.1", "themes": {"supervision": "negative"}}
        {"report": "x", "unit": "para:1.2", "themes": {"supervision": "mixed", "hidden_harm": "positive"}}

        {"report": "x", "unit": "para:1.3", "themes": {}}
        """, file: "x.jsonl")
    let predicted = [
      GoldAnnotation(report: "x", unit: "para:1.1", themes: ["supervision": .negative]),
      GoldAnnotation(report: "x", unit: "para:1.2", themes: ["supervision": .negative]),
      GoldAnnotation(report: "x", unit: "para:1.3", themes: ["hidden_harm": .negative]),
    ]
    let e = Evaluation(predicted: predicted, gold: gold, themes: ["supervision", "hidden_harm"])
    #expect(e.themes[0].truePositives == 2 && e.themes[0].falsePositives == 0)
    #expect(e.themes[0].polarityAgreements == 1)
    #expect(
      e.themes[1].truePositives == 0 && e.themes[1].falsePositives == 1
        && e.themes[1].falseNegatives == 1)
    #expect(e.microF1 == 4.0 / 6.0)
    #expect(e.polarityAgreement == 0.5)
    #expect(e.table().hasSuffix("micro-F1 0.667  polarity agreement 0.500\n"))
  }

  @Test("a malformed gold line is reported with its file and line")
  func malformed() {
    #expect(
      throws: EvaluationError.malformedLine(
        file: "g.jsonl", line: 2,
        reason: "theme \"supervision\" has no polarity of positive, negative, mixed, neutral")
    ) {
      try GoldAnnotation.parse(
        jsonLines: """
          {"report": "x", "unit": "para:1.1", "themes": {}}
          {"report": "x", "unit": "para:1.2", "themes": {"supervision": "bad"}}
          """, file: "g.jsonl")
    }
  }

  /// The acceptance floor of issue 3, on the bundled reports and the bundled gold copies.
  @Test("the default codebook meets the accuracy floor on the three gold reports")
  func accuracyFloor() throws {
    let codebook = try Codebook.load(
      contentsOf: Self.packageRoot.appendingPathComponent("Data/codebook.json"))
    let coder = Coder(codebook: codebook)
    var predicted: [GoldAnnotation] = []
    var gold: [GoldAnnotation] = []
    for slug in ["bath-and-north-east-somerset", "coventry", "derby"] {
      let report = try ReportLoader.load(
        path: Self.packageRoot.appendingPathComponent("Data/reports/\(slug).txt").path)
      predicted += GoldAnnotation.from(findings: coder.findings(in: report), of: report)
      let file = Self.packageRoot.appendingPathComponent(
        "Tests/ClaspCoreTests/Fixtures/gold/\(slug).jsonl")
      gold += try GoldAnnotation.parse(
        jsonLines: String(contentsOf: file, encoding: .utf8), file: file.path)
    }
    let e = Evaluation(predicted: predicted, gold: gold, themes: Codebook.requiredThemes)
    #expect(e.missingUnits.isEmpty)
    #expect(e.microF1 >= 0.90, "\(e.table())")
    for theme in e.themes { #expect(theme.f1 >= 0.85, "\(theme.theme): \(e.table())") }
    #expect(e.polarityAgreement >= 0.85, "\(e.table())")
  }
}
