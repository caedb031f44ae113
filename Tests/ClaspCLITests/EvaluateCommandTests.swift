import Foundation
import Testing

@Suite struct EvaluateCommandTests {
  static let reports = ["bath-and-north-east-somerset", "coventry", "derby"].map {
    "Data/reports/\($0).txt"
  }

  @Test("prints the per-theme table and passes the acceptance floor")
  func table() throws {
    let result = try ClaspBinary.run(
      ["evaluate", "--gold", "Tests/ClaspCoreTests/Fixtures/gold", "--min-f1", "0.85"]
        + Self.reports)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("theme") == true)
    for theme in [
      "supervision", "mash_referral_quality", "hidden_harm", "iha_timeliness", "training_levels",
    ] {
      #expect(lines.contains { $0.hasPrefix(theme + " ") })
    }
    #expect(lines.last?.hasPrefix("micro-F1 ") == true)
  }

  @Test("exits non-zero when F1 falls under --min-f1")
  func floor() throws {
    let result = try ClaspBinary.run(
      ["evaluate", "--gold", "Tests/ClaspCoreTests/Fixtures/gold", "--min-f1", "0.999"]
        + Self.reports)
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: F1 below 0.999"))
  }

  @Test("a report without a gold file is an error naming the directory")
  func missingGold() throws {
    let result = try ClaspBinary.run([
      "evaluate", "--gold", "Tests/ClaspCoreTests/Fixtures/gold", "Data/reports/thurrock.txt",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("no gold file thurrock.jsonl"))
  }
}

@Suite struct CodeCommandTests {
  @Test("writes one gold-format JSON line per unit, byte-stable across runs")
  func jsonLines() throws {
    let first = try ClaspBinary.run(["code", "Data/reports/derby.txt"])
    let second = try ClaspBinary.run(["code", "Data/reports/derby.txt"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    let lines = first.stdout.split(separator: "\n")
    #expect(lines.count == 97)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[77].utf8)) as? [String: Any])
    #expect(object["report"] as? String == "derby")
    #expect(object["unit"] as? String == "para:5.3.8")
    let themes = try #require(object["themes"] as? [String: String])
    #expect(themes["training_levels"] != nil)
    #expect(
      lines.contains {
        $0.contains(#""unit":"rec:4.8""#) && $0.contains(#""supervision":"negative""#)
      })
    #expect(lines[0].hasPrefix(#"{"cites":["rec:2.1"],"evidence":"#))
  }

  @Test("writes CSV rows per unit and theme, quoting evidence")
  func csv() throws {
    let result = try ClaspBinary.run(["code", "--format", "csv", "Data/reports/derby.txt"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("report,unit,section,theme,polarity,evidence,terms\r\n"))
    #expect(result.stdout.contains("derby,rec:4.8,recommendations,supervision,negative,"))
  }

  @Test("a bad --codebook is reported with its JSON path")
  func badCodebook() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clasp-book-\(UUID().uuidString).json")
    try Data(
      #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["a*b"]}}]}"#
        .utf8
    )
    .write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try ClaspBinary.run(["code", "--codebook", url.path, "Data/reports/derby.txt"])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "\(url.path): themes[0].rules.include[0]: invalid pattern \"a*b\": '*' may only end a word")
    )
  }
}
