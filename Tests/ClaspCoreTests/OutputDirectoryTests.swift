import Foundation
import Testing

@testable import ClaspCore

@Suite struct OutputDirectoryTests {
  func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clasp-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("replaces a previous output directory and leaves no staging directory behind")
  func replaces() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("out").path
    try OutputDirectory.write(
      [
        OutputFile(path: "manifest.json", contents: "{}", summary: ""),
        OutputFile(path: "old.csv", contents: "x", summary: ""),
      ],
      to: target)
    try OutputDirectory.write(
      [
        OutputFile(path: "manifest.json", contents: "{}\n", summary: ""),
        OutputFile(path: "themes/a.md", contents: "# A\n", summary: ""),
      ],
      to: target)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: target).sorted() == [
        "manifest.json", "themes",
      ])
    #expect(try String(contentsOfFile: target + "/themes/a.md", encoding: .utf8) == "# A\n")
  }

  @Test("refuses to replace a directory clasp did not write")
  func refuses() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("keep".utf8).write(to: root.appendingPathComponent("notes.txt"))
    #expect(throws: RenderError.notAnOutputDirectory(path: root.path)) {
      try OutputDirectory.write(
        [OutputFile(path: "manifest.json", contents: "{}", summary: "")], to: root.path)
    }
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("notes.txt").path))
  }

  @Test(
    "rejects file paths that leave the directory", arguments: ["../x", "/etc/x", "a//b", "./a", ""])
  func unsafe(path: String) throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(throws: RenderError.unsafeOutputPath(path: path)) {
      try OutputDirectory.write(
        [OutputFile(path: path, contents: "", summary: "")], to: root.path + "/out")
    }
  }
}
