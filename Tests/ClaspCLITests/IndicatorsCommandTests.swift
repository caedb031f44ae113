import Foundation
import Testing

@Suite struct IndicatorsCommandTests {
  @Test("CSV lists Derby's figures with kinds, one row each, header first")
  func csv() throws {
    let result = try ClaspBinary.run(["indicators", "--format", "csv", "Data/reports/derby.txt"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.first?.hasPrefix("area,location,line,kind,value,unit,") == true)
    #expect(rows.count == 1 + 9)
    #expect(
      rows.contains {
        $0.hasPrefix("Derby,section:context,75,sdq_average,16.3,score,,16.3,figure,")
      })
  }

  @Test("JSON has schema 1 and only classified figures with --classified-only")
  func json() throws {
    let result = try ClaspBinary.run([
      "indicators", "--format", "json", "--classified-only", "Data/reports/thurrock.txt",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? Int == 1)
    let figures = try #require(object["indicators"] as? [[String: Any]])
    #expect(figures.count == 7)
    #expect(figures.allSatisfy { $0["kind"] is String })
  }

  @Test("Markdown starts with the ranges across areas")
  func markdown() throws {
    let result = try ClaspBinary.run([
      "indicators", "Data/reports/bath-and-north-east-somerset.txt", "Data/reports/thurrock.txt",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("# Indicators\n"))
    #expect(
      result.stdout.contains(
        "| Safeguarding training compliance, level 3 | 3 | Bath and North East Somerset, Thurrock | 92% to 100% | 90%, 95% |  |"
      ))
  }

  @Test("a broken table is an error naming the file and JSON path")
  func badTable() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clasp-\(UUID().uuidString).json")
    try Data(#"{"version": 1, "kinds": [{"id": "x"}]}"#.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try ClaspBinary.run(["indicators", "--table", url.path, "Data/reports/derby.txt"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(url.path): kinds[0].label: required key is missing"))
  }
}
