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

/// The per-finding files stream in chunks rendered on all cores and written in order; how the
/// findings are cut, and a file system that refuses midway, must not change what is written or
/// leave the run waiting.
@Suite struct FindingOutputsTests {
  /// Twenty coded reports of the scaled corpus (twenty areas), their findings spooled.
  static let analysis: Analysis? = try? analysis(spool: EvidenceSpool())

  /// Twenty coded reports of the scaled corpus, their findings spooled into `spool`.
  static func analysis(spool: EvidenceSpool) throws -> Analysis {
    let corpus = try ScaledCorpus(
      seeds: Fixtures.slugs.map { try ReportReader.read(path: Fixtures.reportPath($0)) })
    let codebook = try Codebook.bundledDefault()
    let coder = Coder(codebook: codebook)
    let parts = try (0..<20).map { index in
      let report = try ReportLoader.load(
        bytes: Array(corpus.report(index).utf8), path: "r\(index).txt")
      return try Aggregate(report: report, findings: coder.findings(in: report), codebook: codebook)
        .spoolingEvidence(into: spool)
    }
    return Analysis(aggregate: Aggregate.merged(parts), codebook: codebook)
  }

  static func files(_ analysis: Analysis, chunkSize: Int) throws -> [String: String] {
    let memory = MemoryDestination()
    try FindingOutputs.write(
      analysis, formats: Set(OutputFormat.allCases), into: memory, chunkSize: chunkSize)
    return Dictionary(uniqueKeysWithValues: memory.files.map { ($0.path, $0.contents) })
  }

  @Test("the files are byte for byte the same whether chunks hold one area or all of them")
  func chunking() throws {
    let analysis = try #require(Self.analysis)
    #expect(analysis.areas.count == 20)
    let whole = try Self.files(analysis, chunkSize: Int.max)
    // One area per chunk: several windows of chunks, each rendered while the last is written.
    let perArea = try Self.files(analysis, chunkSize: 1)
    let middling = try Self.files(analysis, chunkSize: 700)
    #expect(whole.count == 2 + analysis.themes.count)
    #expect(perArea == whole)
    #expect(middling == whole)
    // Areas come in order: each area's first row follows the previous area's.
    let csv = try #require(whole["findings.csv"])
    let names = analysis.areas.map(\.name)
    let firsts = names.compactMap { csv.range(of: "\n\($0),")?.lowerBound }
    #expect(firsts.count == names.count)
    #expect(firsts == firsts.sorted())
  }

  @Test("a file that cannot be written stops the run with its error instead of hanging")
  func failingSink() throws {
    let analysis = try #require(Self.analysis)
    let destination = FailingDestination(failAfter: 5)
    #expect(throws: RenderError.self) {
      try FindingOutputs.write(
        analysis, formats: Set(OutputFormat.allCases), into: destination, chunkSize: 1)
    }
    #expect(destination.appends >= 5)
  }

  @Test("findings that cannot be read back stop the run with their error instead of hanging")
  func unreadableSpool() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let spool = try EvidenceSpool(directory: directory.path)
    let analysis = try Self.analysis(spool: spool)
    // The spool file is unlinked but open: find it among this process's descriptors and empty it.
    let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
    let spoolDescriptor = descriptors.compactMap(Int32.init).first { fd in
      let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")
      return target?.hasPrefix(directory.path + "/.clasp-evidence-") == true
    }
    let fd = try #require(spoolDescriptor)
    #expect(ftruncate(fd, 0) == 0)
    let memory = MemoryDestination()
    #expect {
      try FindingOutputs.write(
        analysis, formats: Set(OutputFormat.allCases), into: memory, chunkSize: 1)
    } throws: { error in
      guard case .evidenceUnavailable(let reason) = error as? RenderError else { return false }
      return reason.contains("cannot read")
    }
  }
}

/// A destination whose sinks accept `failAfter` appends in all, then refuse.
private final class FailingDestination: OutputDestination, @unchecked Sendable {
  private let lock = NSLock()
  private let failAfter: Int
  private var count = 0

  init(failAfter: Int) { self.failAfter = failAfter }

  var appends: Int { lock.withLock { count } }
  var sizes: [String: Int] { [:] }

  func write(_ file: OutputFile) throws(RenderError) {}

  func open(_ path: String, summary: String) throws(RenderError) -> any OutputSink {
    Sink(path: path, destination: self)
  }

  fileprivate func append(_ path: String) throws(RenderError) {
    let refused = lock.withLock {
      count += 1
      return count > failAfter
    }
    if refused { throw .cannotWrite(path: path, reason: "disk full (test)") }
  }

  private final class Sink: OutputSink {
    let path: String
    let destination: FailingDestination
    init(path: String, destination: FailingDestination) {
      self.path = path
      self.destination = destination
    }
    func append(_ bytes: UnsafeRawBufferPointer) throws(RenderError) {
      try destination.append(path)
    }
    func close() throws(RenderError) {}
  }
}
