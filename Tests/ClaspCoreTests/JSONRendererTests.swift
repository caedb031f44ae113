import Foundation
import Testing

@testable import ClaspCore

@Suite struct JSONRendererTests {
  @Test(
    "analysis.json carries the schema version and decodes back to an analysis that renders the same"
  )
  func roundTrip() throws {
    let analysis = Fixture.threeAreas
    let file = try JSONRenderer.render(analysis)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == JSONRenderer.schemaVersion)
    #expect(object["clasp"] as? String == ClaspVersion.current)
    let data = try JSONSerialization.data(withJSONObject: object["analysis"]!)
    let back = try JSONDecoder().decode(Analysis.self, from: data)
    #expect(back.evidence == analysis.evidence && back.measures == analysis.measures)
    #expect(try JSONRenderer.render(back).contents == file.contents)
    #expect(object["analysis"].flatMap { ($0 as? [String: Any])?["findings"] } == nil)
  }

  @Test("hostile report text survives JSON exactly and never breaks the document")
  func hostile() throws {
    let analysis = Fixture.hostileAnalysis
    let file = try JSONRenderer.render(analysis)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
    #expect(object["analysis"] != nil)
    #expect(!file.contents.contains("\nline"))  // the newline inside the quote is escaped as \n

    let findings = try analysis.findings()
    var lines: [UInt8] = []
    for record in findings {
      JSONRenderer.writeFindingLine(
        record, block: FindingLineParts.Block(record, in: analysis), into: &lines)
    }
    let text = String(decoding: lines, as: UTF8.self)
    let parsed = try text.split(separator: "\n").map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(text.filter { $0 == "\n" }.count == findings.count)  // one line per finding
    #expect(parsed.map { $0["evidence"] as? [String] } == findings.map(\.finding.evidence))
    #expect(parsed[0]["evidence"] as? [String] == [Fixture.hostile])
    #expect(parsed[0]["area"] as? String == findings[0].area.rawValue)
    #expect(parsed[0]["unit"] as? String == findings[0].finding.unit.rawValue)
  }

  @Test("measure tables carry computed values beside the tallies")
  func values() throws {
    let file = try JSONRenderer.render(Fixture.threeAreas)
    #expect(file.contents.contains("\"measure\" : \"rate_per_100_units\""))
    #expect(file.contents.contains("\"totalValues\""))
  }
}
