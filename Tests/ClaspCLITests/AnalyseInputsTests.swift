import Foundation
import Testing

@testable import ClaspCLI
@testable import ClaspCore

/// `clasp analyse` over messy input folders: duplicates, truncated copies, failures, `--strict`,
/// standard input.
@Suite struct AnalyseInputsTests {
  /// A folder with a good report, a byte-identical copy, a truncated copy, an empty file, a
  /// hidden file and a symlink loop.
  func messyFolder() throws -> (root: URL, reports: URL, codebook: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clasp-analyse-inputs-\(UUID().uuidString)")
    let reports = root.appendingPathComponent("reports")
    try FileManager.default.createDirectory(
      at: reports.appendingPathComponent("nested"), withIntermediateDirectories: true)
    let data = ClaspBinary.packageRoot.appendingPathComponent("Data")
    try FileManager.default.copyItem(
      at: data.appendingPathComponent("codebook.json"),
      to: root.appendingPathComponent("codebook.json"))
    let derby = data.appendingPathComponent("reports/derby.txt")
    try FileManager.default.copyItem(at: derby, to: reports.appendingPathComponent("derby.txt"))
    try FileManager.default.copyItem(
      at: derby, to: reports.appendingPathComponent("nested/derby (1).txt"))
    let thurrock = try String(
      contentsOf: data.appendingPathComponent("reports/thurrock.txt"), encoding: .utf8)
    try Data(thurrock.components(separatedBy: "\nSummary of the review\n")[0].utf8).write(
      to: reports.appendingPathComponent("thurrock-first-pages.txt"))
    try Data().write(to: reports.appendingPathComponent("empty.txt"))
    try Data("x".utf8).write(to: reports.appendingPathComponent(".DS_Store.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: reports.appendingPathComponent("nested/loop").path, withDestinationPath: "..")
    return (root, reports, root.appendingPathComponent("codebook.json").path)
  }

  @Test("duplicates are read once, truncated copies and failures are listed, the rest analysed")
  func messy() throws {
    let (root, reports, codebook) = try messyFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let result = try ClaspBinary.run([
      "analyse", reports.path, "--codebook", codebook, "--out", out.path, "--format", "json",
    ])
    #expect(result.status == 2)
    let data = try #require(FileManager.default.contents(atPath: out.path + "/manifest.json"))
    let manifest = try JSONDecoder().decode(RunManifest.self, from: data)
    #expect(manifest.inputs.map(\.area) == ["Derby"])
    #expect(
      manifest.failures.map { "\($0.kind) \(URL(fileURLWithPath: $0.input).lastPathComponent)" }
        == [
          "empty empty.txt", "truncated thurrock-first-pages.txt",
        ])
    let note =
      "\(reports.path)/nested/derby (1).txt: same report as \(reports.path)/derby.txt; analysed once"
    #expect(manifest.warnings.contains(note))
    #expect(result.stderr.contains("note: \(note)"))
    #expect(
      result.stderr.contains(
        "note: \(reports.path)/nested/loop: skipped: a link to a directory already read"))
    #expect(result.stderr.contains("error: 2 of 4 inputs failed or were truncated"))
  }

  @Test("--strict stops before writing anything")
  func strict() throws {
    let (root, reports, codebook) = try messyFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let result = try ClaspBinary.run([
      "analyse", "--strict", reports.path, "--codebook", codebook, "--out", out.path,
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("--strict: 2 of 4 inputs failed or were truncated; nothing written"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test("a report on standard input is analysed")
  func standardInput() throws {
    let (root, _, codebook) = try messyFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let text = try Data(
      contentsOf: ClaspBinary.packageRoot.appendingPathComponent("Data/reports/coventry.txt"))
    let result = try ClaspBinary.run(
      ["analyse", "-", "--codebook", codebook, "--out", out.path, "--format", "csv"], stdin: text)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try #require(FileManager.default.contents(atPath: out.path + "/manifest.json"))
    let manifest = try JSONDecoder().decode(RunManifest.self, from: data)
    #expect(manifest.inputs.map(\.area) == ["Coventry"])
    // The digest is taken when standard input is read, not by reading a file named "-".
    #expect(manifest.inputs.map(\.sha256) == [SHA256.hex(text)])
  }

  @Test("two reports for one area are both kept and told apart by review date")
  func sameAreaTwoReviews() throws {
    let (root, _, codebook) = try messyFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let two = root.appendingPathComponent("two")
    try FileManager.default.createDirectory(at: two, withIntermediateDirectories: true)
    let derby = try String(
      contentsOf: ClaspBinary.packageRoot.appendingPathComponent("Data/reports/derby.txt"),
      encoding: .utf8)
    try Data(derby.utf8).write(to: two.appendingPathComponent("derby.txt"))
    let later = derby.replacingOccurrences(
      of: "27 th July 2015 – 31 st July 2015", with: "5 th March 2018 – 9 th March 2018")
    #expect(later != derby)
    try Data(later.utf8).write(to: two.appendingPathComponent("derby-again.txt"))
    let out = root.appendingPathComponent("out")
    let result = try ClaspBinary.run([
      "analyse", two.path, "--codebook", codebook, "--out", out.path, "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try #require(FileManager.default.contents(atPath: out.path + "/manifest.json"))
    let manifest = try JSONDecoder().decode(RunManifest.self, from: data)
    #expect(
      manifest.inputs.map { "\($0.area) \($0.reviewYear ?? 0)" } == ["Derby 2015", "Derby 2018"])
    let findings = try String(contentsOfFile: out.path + "/findings.csv", encoding: .utf8)
    #expect(findings.contains("\nDerby,2015,para:1.1,"))
    #expect(findings.contains("\nDerby,2018,para:1.1,"))
  }
}
