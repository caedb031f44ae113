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
    // An earlier output with a subdirectory of its own goes completely, nested files and all.
    try OutputDirectory.write(
      [OutputFile(path: "manifest.json", contents: "{}\n", summary: "")], to: target)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["manifest.json"])
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

extension OutputDirectoryTests {
  @Test("a run killed between the renames is recovered by the next write")
  func killedMidSwap() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("out")
    // The state a kill leaves: old outputs set aside, new ones half-staged, no target.
    let retired = root.appendingPathComponent(".out.old-1-2")
    try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: retired.appendingPathComponent("manifest.json"))
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(".out.tmp-1-2"), withIntermediateDirectories: true)
    // A write that fails part-way ("a" is a file, so "a/b" cannot be written) ...
    #expect(throws: RenderError.self) {
      try OutputDirectory.write(
        [
          OutputFile(path: "a", contents: "x", summary: ""),
          OutputFile(path: "a/b", contents: "y", summary: ""),
        ], to: target.path)
    }
    // ... still leaves the previous outputs in place, and nothing else.
    #expect(try String(contentsOfFile: target.path + "/manifest.json", encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
  }

  @Test("after a kill between the renames, the next successful write replaces the restored outputs")
  func killedThenSucceeds() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("out")
    let retired = root.appendingPathComponent(".out.old-3-4")
    try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: retired.appendingPathComponent("manifest.json"))
    try OutputDirectory.write(
      [OutputFile(path: "manifest.json", contents: "new", summary: "")], to: target.path)
    #expect(try String(contentsOfFile: target.path + "/manifest.json", encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
  }
}
