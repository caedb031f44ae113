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
    #expect(result.status != 0)
    #expect(result.stdout.contains("# Coventry (Data/reports/coventry.txt)"))
    #expect(result.stderr.contains("error: \(empty.path): the file is empty"))
    #expect(result.stderr.contains("error: \(binary.path): the file is binary data, not report text"))
    #expect(result.stderr.contains("error: \(other.path): not a CQC Children Looked After"))
    #expect(result.stderr.contains("error: 3 of 4 inputs failed"))
  }

  @Test("--version prints the version")
  func version() throws {
    let result = try ClaspBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }
}
