import Foundation
import Testing

@testable import ClaspCore

@Suite struct OutputSetTests {
  static let codebook = RunManifest.CodebookInput(
    sha256: String(repeating: "0", count: 64), version: 1, themes: 5)

  @Test("every output of a three-area analysis matches its snapshot")
  func snapshots() throws {
    let files = try OutputSet.render(
      Fixture.threeAreas, formats: Set(OutputFormat.allCases), codebook: Self.codebook,
      failures: [InputFailure(input: "bad.txt", reason: "bad.txt: the file is empty")])
    #expect(files.map(\.path) == files.map(\.path).sorted())
    for file in files { try assertSnapshot(file.contents, named: "three-areas/\(file.path)") }
  }

  @Test("only the chosen formats are written, and the manifest always is")
  func formats() throws {
    let files = try OutputSet.render(
      Fixture.threeAreas, formats: [.json], codebook: Self.codebook, failures: [])
    #expect(files.map(\.path) == ["analysis.json", "findings.jsonl", "manifest.json"])
  }

  @Test("the manifest lists every other file with its size")
  func manifest() throws {
    let files = try OutputSet.render(
      Fixture.threeAreas, formats: [.csv, .markdown], codebook: Self.codebook, failures: [])
    let text = try #require(files.first { $0.path == "manifest.json" }).contents
    let manifest = try JSONDecoder().decode(RunManifest.self, from: Data(text.utf8))
    let others = files.filter { $0.path != "manifest.json" }
    #expect(manifest.outputs.map(\.path) == others.map(\.path))
    #expect(manifest.outputs.map(\.bytes) == others.map(\.contents.utf8.count))
    #expect(
      others.contains { $0.path == "findings.csv" }
        && others.contains { $0.path.hasPrefix("themes/") })
  }

  @Test("writing to a directory streams the same files render returns")
  func writeMatchesRender() throws {
    let expected = try OutputSet.render(
      Fixture.threeAreas, formats: Set(OutputFormat.allCases), codebook: Self.codebook, failures: []
    )
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-outputset-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let count = try OutputSet.write(
      Fixture.threeAreas, formats: Set(OutputFormat.allCases), codebook: Self.codebook,
      failures: [], to: out.path)
    #expect(count == expected.count)
    for file in expected {
      let written = try String(contentsOf: out.appendingPathComponent(file.path), encoding: .utf8)
      #expect(written == file.contents, "\(file.path)")
    }
  }

  @Test("an analysis whose findings were spooled writes every file byte for byte as in memory")
  func spooled() throws {
    let spool = try EvidenceSpool()
    let parts = [Fixture.derby, Fixture.coventry, Fixture.bath].map { Fixture.aggregate($0) }
    let spooledParts = try parts.map { try $0.spoolingEvidence(into: spool) }
    #expect(spool.size > 0)
    let inMemory = Analysis(aggregate: Aggregate.merged(parts), codebook: Fixture.codebook)
    let spooled = Analysis(aggregate: Aggregate.merged(spooledParts), codebook: Fixture.codebook)
    #expect(try spooled.findings() == inMemory.findings())
    let formats = Set(OutputFormat.allCases)
    #expect(
      try OutputSet.render(spooled, formats: formats, codebook: Self.codebook, failures: [])
        == OutputSet.render(inMemory, formats: formats, codebook: Self.codebook, failures: []))
  }
}
