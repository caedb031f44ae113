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
    #expect(files.map(\.path) == ["analysis.json", "manifest.json"])
  }

  @Test("the manifest lists every other file with its digest and size")
  func manifest() throws {
    let files = try OutputSet.render(
      Fixture.threeAreas, formats: [.csv, .markdown], codebook: Self.codebook, failures: [])
    let manifest = try #require(files.first { $0.path == "manifest.json" })
    for file in files where file.path != "manifest.json" {
      #expect(manifest.contents.contains("\"path\" : \"\(file.path)\""))
      #expect(manifest.contents.contains(SHA256.hex(file.contents)))
    }
  }
}
