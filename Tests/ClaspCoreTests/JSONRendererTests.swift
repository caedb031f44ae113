import Foundation
import Testing

@testable import ClaspCore

@Suite struct JSONRendererTests {
  @Test("analysis.json carries the schema version and decodes back to the same analysis")
  func roundTrip() throws {
    let analysis = Fixture.threeAreas
    let file = try JSONRenderer.render(analysis)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == JSONRenderer.schemaVersion)
    #expect(object["clasp"] as? String == ClaspVersion.current)
    let data = try JSONSerialization.data(withJSONObject: object["analysis"]!)
    #expect(try JSONDecoder().decode(Analysis.self, from: data) == analysis)
  }

  @Test("hostile report text survives JSON exactly and never breaks the document")
  func hostile() throws {
    let analysis = Fixture.hostileAnalysis
    let file = try JSONRenderer.render(analysis)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
    let data = try JSONSerialization.data(withJSONObject: object["analysis"]!)
    let back = try JSONDecoder().decode(Analysis.self, from: data)
    #expect(back.findings.map(\.finding.evidence) == analysis.findings.map(\.finding.evidence))
    #expect(back.findings[0].finding.evidence == [Fixture.hostile])
    #expect(!file.contents.contains("\nline"))  // the newline inside the quote is escaped as \n
  }

  @Test("measure tables carry computed values beside the tallies")
  func values() throws {
    let file = try JSONRenderer.render(Fixture.threeAreas)
    #expect(file.contents.contains("\"measure\" : \"rate_per_100_units\""))
    #expect(file.contents.contains("\"totalValues\""))
  }
}
