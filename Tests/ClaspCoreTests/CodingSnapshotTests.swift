import Foundation
import Testing

@testable import ClaspCore

/// The coder's full output on the bundled reports, byte for byte: speed work must not change it.
///
/// Re-record (after a deliberate change to coding) with `CLASP_RECORD_SNAPSHOTS=1 swift test`.
@Suite struct CodingSnapshotTests {
  static let coder = Coder(
    codebook: try! Codebook.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/codebook.json")))

  @Test("clasp code output is unchanged", arguments: Fixtures.slugs)
  func coded(slug: String) throws {
    let report = try Fixtures.report(slug)
    let units = CodedUnit.units(of: report, findings: Self.coder.findings(in: report))
    let actual = CodedUnitRenderer.jsonLines(units)
    let url = Fixtures.fixtures.appendingPathComponent("coded/\(slug).jsonl")
    if ProcessInfo.processInfo.environment["CLASP_RECORD_SNAPSHOTS"] != nil {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    Issue.record(
      """
      coded/\(slug).jsonl:\(line + 1): output differs
      expected: \(line < e.count ? String(e[line]) : "<end>")
      actual:   \(line < a.count ? String(a[line]) : "<end>")
      """)
  }
}
