import Foundation
import Testing

/// Compares rendered text with a stored snapshot under `Tests/ClaspCoreTests/Snapshots/`.
///
/// Run with `CLASP_RECORD_SNAPSHOTS=1` to (re)write the snapshots instead, then review the diff.
func assertSnapshot(
  _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = Fixtures.packageRoot.appendingPathComponent("Tests/ClaspCoreTests/Snapshots/\(name)")
  if ProcessInfo.processInfo.environment["CLASP_RECORD_SNAPSHOTS"] == "1" {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return
  }
  guard let stored = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "no snapshot \(name); run with CLASP_RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: stored, as: UTF8.self)
  if text != expected {
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(got.count, want.count)
    Issue.record(
      """
      \(name) differs from its snapshot at line \(line + 1):
        expected: \(line < want.count ? String(want[line]) : "<end>")
        actual:   \(line < got.count ? String(got[line]) : "<end>")
      """, sourceLocation: sourceLocation)
  }
}
