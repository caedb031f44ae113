import Foundation
import Testing

@testable import ClaspCore

@Suite struct ReportInputsTests {
  @Test("bad inputs are reported with their reasons and the rest are parsed")
  func faults() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let d = dir.path
    try Data().write(to: dir.appendingPathComponent("empty.txt"))
    try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: dir.appendingPathComponent("binary.txt"))
    try Data(repeating: 0x41, count: 2_000).write(to: dir.appendingPathComponent("huge.txt"))
    try Data("%PDF-1.4\ngarbage".utf8).write(to: dir.appendingPathComponent("corrupt.pdf"))
    try Data("Minutes of the parish council.\n".utf8).write(
      to: dir.appendingPathComponent("minutes.md"))
    let locked = dir.appendingPathComponent("locked.txt")
    try Data("Review".utf8).write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
    let canLock = !FileManager.default.isReadableFile(atPath: locked.path)  // root reads anything
    let derby = try String(contentsOfFile: Fixtures.reportPath("derby"), encoding: .utf8)
    try Data(derby.utf8).write(to: dir.appendingPathComponent("derby.txt"))
    let loaded = ReportInputs.load(InputDiscovery.discover([d]), sizeLimit: 1_000)
    // derby.txt is itself over the tiny limit: give it room with a second run below.
    let kinds = Dictionary(uniqueKeysWithValues: loaded.failures.map { ($0.path, $0.kind) })
    #expect(kinds["\(d)/empty.txt"] == .empty)
    #expect(kinds["\(d)/binary.txt"] == .binary)
    #expect(kinds["\(d)/huge.txt"] == .tooLarge)
    #expect(kinds["\(d)/minutes.md"] == .notCLASReview)
    if canLock { #expect(kinds["\(d)/locked.txt"] == .unreadable) }
    #expect(
      loaded.failures.first { $0.kind == .tooLarge && $0.path.hasSuffix("huge.txt") }?.message
        == "\(d)/huge.txt: the file is 2000 bytes, over the 1000-byte limit")
    let roomy = ReportInputs.load(InputDiscovery.discover([d]))
    #expect(roomy.reports.map(\.metadata.area) == ["Derby"])
    #expect(roomy.failures.map(\.kind).contains(.pdf))
    #expect(!roomy.allAnalysed)
  }

  @Test("byte-identical inputs are analysed once and reported as duplicates")
  func duplicates() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let d = dir.path
    for name in ["a/derby.txt", "b/derby copy.txt"] {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: Fixtures.reportPath("derby"), toPath: url.path)
    }
    let loaded = ReportInputs.load(InputDiscovery.discover([d]))
    #expect(loaded.reports.count == 1)
    #expect(loaded.duplicates.map(\.path) == ["\(d)/b/derby copy.txt"])
    #expect(loaded.duplicates.map(\.of) == ["\(d)/a/derby.txt"])
    #expect(loaded.entries.map(\.sha256).allSatisfy { $0?.count == 64 })
    #expect(loaded.allAnalysed)
  }

  @Test(
    "a PDF beside its own text copy is the same report, analysed once",
    .enabled(if: pdftotextInstalled, "pdftotext is not installed (apt-get install poppler-utils)"))
  func sameReportTwoFormats() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try PDFTextExtractorTests.seedPDF("coventry", in: dir)
    try FileManager.default.copyItem(
      atPath: Fixtures.reportPath("coventry"),
      toPath: dir.appendingPathComponent("coventry.txt").path)
    let loaded = ReportInputs.load(InputDiscovery.discover([dir.path]))
    #expect(loaded.reports.count == 1)
    #expect(loaded.duplicates.count == 1)
  }

  @Test("two reports for one area are both kept and told apart by review date")
  func sameArea() throws {
    let older = StructureParserTests.minimalReport(findings: ["1.1 An early finding about help."])
    let newer = older.replacingOccurrences(
      of: "1st March 2016 - 5th March 2016", with: "6th May 2019 - 10th May 2019")
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(older.utf8).write(to: dir.appendingPathComponent("testshire-2016.txt"))
    try Data(newer.utf8).write(to: dir.appendingPathComponent("testshire-2019.txt"))
    try FileManager.default.copyItem(
      atPath: Fixtures.reportPath("derby"), toPath: dir.appendingPathComponent("z.txt").path)
    let loaded = ReportInputs.load(InputDiscovery.discover([dir.path]))
    #expect(loaded.reports.count == 3)
    #expect(
      ReportInputs.keys(for: loaded.reports) == [
        "testshire-2016-03-01", "testshire-2019-05-06", "derby",
      ])
  }

  @Test("a truncated copy is parsed, flagged, and kept out of the complete reports")
  func truncated() throws {
    let text = try String(contentsOfFile: Fixtures.reportPath("thurrock"), encoding: .utf8)
    let cut = text.components(separatedBy: "\nSummary of the review\n")[0]  // stops after the contents
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(cut.utf8).write(to: dir.appendingPathComponent("thurrock-part.txt"))
    let loaded = ReportInputs.load(InputDiscovery.discover([dir.path]))
    let report = try #require(loaded.truncated.first)
    #expect(report.isTruncated)
    let full = try Fixtures.report("thurrock").metadata
    #expect(report.metadata.area == full.area)
    #expect(report.metadata.reviewStart == full.reviewStart)
    #expect(report.metadata.published == full.published)
    #expect(report.metadata.signatory == full.signatory)
    #expect(loaded.complete.isEmpty)
    #expect(!loaded.allAnalysed)
    #expect(
      report.warnings.last?.hasSuffix("no findings sections were found; the copy may be truncated")
        == true)
  }
}
