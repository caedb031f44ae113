import Foundation
import Testing

@testable import ClaspCore

/// Property: for any byte string, reading and parsing returns a report or an error, promptly.
///
/// The error is a `ReadError` or a `StructureError`; nothing traps. The libFuzzer target in `Tests/Fuzz`
/// explores the same property with coverage guidance; this suite keeps a deterministic sample in
/// every test run.
@Suite struct ArbitraryInputTests {
  /// The engine's seeded SplitMix64, so a failure names the seed that reproduces it.
  typealias Generator = SplitMix64

  enum Outcome { case report, readError, structureError }

  /// Runs the reader and parser on `bytes`, checking the outcome is one of the expected ones.
  static func check(_ bytes: [UInt8], seed: UInt64) -> Outcome? {
    let start = Date()
    defer {
      #expect(
        Date().timeIntervalSince(start) < 5, "seed \(seed): \(bytes.count) bytes took too long")
    }
    do {
      let report = try ReportLoader.load(bytes: bytes, path: "arbitrary.txt")
      _ = report.isTruncated
      return .report
    } catch is ReadError {
      return .readError
    } catch is StructureError {
      return .structureError
    } catch {
      Issue.record("seed \(seed): unexpected error \(error)")
      return nil
    }
  }

  static let seedTexts: [[UInt8]] = {
    let paths =
      Fixtures.slugs.map(Fixtures.reportPath)
      + ["clean", "wrapped-with-furniture"].map(Fixtures.damagePath)
    return paths.compactMap { try? Array(Data(contentsOf: URL(fileURLWithPath: $0))) }
  }()

  @Test("random bytes give a result or an error", arguments: 0..<8)
  func randomBytes(seed: Int) {
    var rng = Generator(seed: UInt64(seed))
    for _ in 0..<40 {
      let count = Int.random(in: 0...4_000, using: &rng)
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
      _ = Self.check(bytes, seed: UInt64(seed))
    }
  }

  /// Alphabet of pieces that steer the reader into its interesting paths.
  static let pieces: [String] = [
    "\n", "\n\n", "\u{0C}", "\r\n", "\t", "   ", "-", "- ", "1.", "1.1 ", "2.3 ", "12", " th ",
    "st",
    "Page 3 of 9", "Contents", "Summary of the review", "Early help", "Recommendations",
    "Next steps",
    "Date of review:", "Date of publication:", "CQC Regional Director:",
    "4 July 2016 to 8 July 2016",
    "Children Looked After and Safeguarding in Testshire", "(Recommendation 1.1)", "Case example:",
    "\"", "multi-", "safe-", "guarding", "should:", "<b>", "**", "#", "&amp;", "\u{00AD}", "é",
    "The health visitor saw the child at home and recorded the outcome.",
  ]

  @Test("report-shaped random text gives a result or an error", arguments: 0..<8)
  func shapedText(seed: Int) {
    var rng = Generator(seed: UInt64(1_000 + seed))
    for _ in 0..<25 {
      var text = ""
      for _ in 0..<Int.random(in: 1...600, using: &rng) {
        text += Self.pieces.randomElement(using: &rng)!
      }
      _ = Self.check(Array(text.utf8), seed: UInt64(1_000 + seed))
    }
  }

  @Test("mutated and truncated reports give a result or an error", arguments: 0..<8)
  func mutatedReports(seed: Int) {
    var rng = Generator(seed: UInt64(2_000 + seed))
    for _ in 0..<12 {
      var bytes = Self.seedTexts.randomElement(using: &rng)!
      for _ in 0..<Int.random(in: 1...40, using: &rng) {
        guard !bytes.isEmpty else { break }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
        case 1:
          bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...2_000, using: &rng)))
        case 2:
          bytes.insert(contentsOf: Array(Self.pieces.randomElement(using: &rng)!.utf8), at: at)
        case 3: bytes = Array(bytes[..<at])
        default:
          let end = min(bytes.count, at + Int.random(in: 1...500, using: &rng))
          bytes.insert(
            contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
        }
      }
      _ = Self.check(bytes, seed: UInt64(2_000 + seed))
    }
  }

  /// Shapes that once took quadratic time (every line page furniture; thousands of repeated
  /// paragraph numbers) or stress one pass (one huge line, one endless wrapped paragraph).
  static let adversarial: [(String, String)] = [
    (
      "page furniture on every line", String(repeating: "Page 1 of 2\n\u{0C}Title\n", count: 20_000)
    ),
    (
      "repeated paragraph numbers",
      "Review of health services for Children Looked After and Safeguarding in X\n\n"
        + "Date of review:\t1 May 2016\n\n1. Early help\n\n"
        + String(
          repeating: "1.1 Some text here that goes on and on for a while to fill the line.\n",
          count: 6_000)
    ),
    ("one huge line", String(repeating: "word ", count: 100_000)),
    (
      "one endless wrapped paragraph",
      String(
        repeating: "The health visitor saw the child at home and recorded the outcome ok\n",
        count: 6_000)
    ),
  ]

  @Test("adversarial shapes finish in bounded time", arguments: adversarial.map(\.0))
  func adversarialShapes(name: String) throws {
    let text = try #require(Self.adversarial.first { $0.0 == name }?.1)
    let start = Date()
    _ = Self.check(Array(text.utf8), seed: 0)
    // Generous for a debug build on a shared machine; a quadratic pass takes minutes here.
    #expect(Date().timeIntervalSince(start) < 20)
  }
}
