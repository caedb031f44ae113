import Foundation
import Testing

@Suite struct ParseCommandTests {
  @Test("prints JSON whose unit ids are the gold ids")
  func json() throws {
    let result = try ClaspBinary.run(["parse", "Data/reports/derby.txt"])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? Int == 1)
    #expect(object["slug"] as? String == "derby")
    let units = try #require(object["units"] as? [[String: Any]])
    #expect(units.count == 97)
    #expect(units.first?["id"] as? String == "para:1.1")
    let rec = try #require(units.first { $0["id"] as? String == "rec:4.8" })
    #expect((rec["citedBy"] as? [String])?.count == 6)
  }

  @Test("good files are still processed when others fail, and the run exits non-zero")
  func partialFailure() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let empty = directory.appendingPathComponent("empty.txt")
    let binary = directory.appendingPathComponent("image.txt")
    let other = directory.appendingPathComponent("minutes.txt")
    try Data().write(to: empty)
    try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]).write(to: binary)
    try Data("Minutes of the meeting.\nNothing to report.\n".utf8).write(to: other)
    let result = try ClaspBinary.run([
      "parse", "--format", "text", empty.path, "Data/reports/coventry.txt", binary.path, other.path,
    ])
    #expect(result.status == 2)
    #expect(result.stdout.contains("# Coventry (Data/reports/coventry.txt)"))
    #expect(result.stderr.contains("error: \(empty.path): the file is empty"))
    #expect(
      result.stderr.contains("error: \(binary.path): the file is binary data, not report text"))
    #expect(result.stderr.contains("error: \(other.path): not a CQC Children Looked After"))
    #expect(result.stderr.contains("error: 3 of 4 inputs failed"))
  }

  @Test("--version prints the version")
  func version() throws {
    let result = try ClaspBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }

  @Test("a directory is searched, duplicates and skipped files are noted, and stdin is read")
  func directoryAndStdin() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("nested"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let root = ClaspBinary.packageRoot.appendingPathComponent("Data/reports")
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("derby.txt"),
      to: directory.appendingPathComponent("derby.txt"))
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("derby.txt"),
      to: directory.appendingPathComponent("nested/derby-again.txt"))
    try Data("x".utf8).write(to: directory.appendingPathComponent("notes.docx"))
    let result = try ClaspBinary.run(["parse", "--format", "text", directory.path])
    #expect(result.status == 0)
    #expect(result.stdout.components(separatedBy: "# Derby").count == 2)
    #expect(
      result.stderr.contains(
        "note: \(directory.path)/notes.docx: skipped: not a .txt, .md or .pdf file"))
    #expect(
      result.stderr.contains(
        "note: \(directory.path)/nested/derby-again.txt: same report as \(directory.path)/derby.txt; analysed once"
      ))
    let stdin = try Data(contentsOf: root.appendingPathComponent("thurrock.txt"))
    let piped = try ClaspBinary.run(["parse", "-"], stdin: stdin)
    #expect(piped.status == 0)
    #expect(piped.stdout.contains("\"slug\" : \"thurrock\""))
  }

  @Test("--strict makes a failed input fatal before anything is printed")
  func strict() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let empty = directory.appendingPathComponent("empty.txt")
    try Data().write(to: empty)
    let result = try ClaspBinary.run(["parse", "--strict", "Data/reports/derby.txt", empty.path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("error: \(empty.path): the file is empty"))
    #expect(
      result.stderr.contains(
        "error: --strict: 1 of 2 inputs failed or were truncated; nothing printed"))
  }

  @Test("the size limit is configurable and an empty search could not start")
  func limits() throws {
    let result = try ClaspBinary.run([
      "parse", "--max-input-size", "10KB", "Data/reports/derby.txt",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("error: Data/reports/derby.txt: the file is"))
    #expect(result.stderr.contains("over the 10240-byte limit"))
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let none = try ClaspBinary.run(["parse", directory.path])
    #expect(none.status == 1)
    #expect(none.stderr.contains("error: no .txt, .md or .pdf reports found in \(directory.path)"))
    let usage = try ClaspBinary.run(["parse", "--max-input-size", "lots", "x.txt"])
    #expect(usage.status == 64)
  }
}
