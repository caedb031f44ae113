import Foundation
import Testing

@testable import ClaspCore

@Suite struct ReportBatchTests {
  static let codebook = try! Codebook.load(
    contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/codebook.json"))

  /// A folder with a good report, a byte-identical copy, a truncated copy and an empty file.
  static func mixedFolder() throws -> URL {
    let dir = try Fixtures.temporaryDirectory()
    for name in ["a/derby.txt", "b/derby copy.txt", "c/coventry.txt"] {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let seed = name.hasSuffix("coventry.txt") ? "coventry" : "derby"
      try FileManager.default.copyItem(atPath: Fixtures.reportPath(seed), toPath: url.path)
    }
    let text = try String(contentsOfFile: Fixtures.reportPath("thurrock"), encoding: .utf8)
    let cut = text.components(separatedBy: "\nSummary of the review\n")[0]
    try Data(cut.utf8).write(to: dir.appendingPathComponent("d-thurrock-part.txt"))
    try Data().write(to: dir.appendingPathComponent("e.txt"))
    return dir
  }

  static func run(_ dir: URL) async -> ReportBatch.Outcome {
    let coder = Coder(codebook: codebook)
    return await ReportBatch.run(InputDiscovery.discover([dir.path]), codebook: codebook) { report in
      (coder.findings(in: report), [])
    }
  }

  #if os(Linux)
    @Test("the allocator setting a batch run asks for is found and accepted on Linux")
    func keepsFreedMemory() {
      #expect(ReportBatch.keepFreedMemory())
    }
  #endif

  @Test("streaming gives the aggregate of the complete, distinct reports with their digests")
  func matchesLoadThenCode() async throws {
    let dir = try Self.mixedFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outcome = await Self.run(dir)
    let loaded = ReportInputs.load(InputDiscovery.discover([dir.path]))
    let coder = Coder(codebook: Self.codebook)
    let expected = Aggregate.merged(
      loaded.entries.compactMap { entry in
        guard case .parsed(let report) = entry.outcome, !report.isTruncated else { return nil }
        return Aggregate(
          report: report, findings: coder.findings(in: report), codebook: Self.codebook,
          inputSHA256: entry.sha256)
      })
    #expect(outcome.aggregate == expected)
    #expect(outcome.aggregate.reports.map(\.metadata.area).sorted() == ["Coventry", "Derby"])
    #expect(outcome.aggregate.reports.allSatisfy { $0.inputSHA256?.count == 64 })
    #expect(outcome.failures == loaded.manifestFailures)
    #expect(outcome.failures.map(\.kind) == ["truncated", "empty"])
    #expect(outcome.duplicateNotes == loaded.duplicateNotes)
    #expect(outcome.readFailures == loaded.failures)
    #expect(outcome.inputCount == loaded.entries.count)
  }
}
