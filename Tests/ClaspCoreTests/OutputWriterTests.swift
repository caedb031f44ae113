import Foundation
import Testing

@testable import ClaspCore

@Suite struct OutputWriterTests {
  static func contents(_ directory: URL) -> [String: String] {
    var out: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let full = directory.appendingPathComponent(path).path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        out[path] = (try? String(contentsOfFile: full, encoding: .utf8)) ?? ""
      }
    }
    return out
  }

  static func siblings(_ root: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
  }

  @Test("outputs replace the previous contents as a whole")
  func replaces() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("notebooks-out")
    try OutputWriter.write(["old.md": Data("old".utf8), "a/b.csv": Data("1".utf8)], to: out.path)
    try OutputWriter.write(
      ["manifest.json": Data("{}".utf8), "a/c.csv": Data("2".utf8)], to: out.path)
    #expect(Self.contents(out) == ["manifest.json": "{}", "a/c.csv": "2"])
    #expect(try Self.siblings(root) == ["notebooks-out"])
  }

  @Test("a write that fails part-way leaves the previous outputs untouched")
  func failureKeepsPrevious() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("notebooks-out")
    try OutputWriter.write(["manifest.json": Data("{\"run\":1}".utf8)], to: out.path)
    // "a" is a file, so "a/b" cannot be written: the run fails after writing "a".
    #expect(throws: OutputError.self) {
      try OutputWriter.write(["a": Data("x".utf8), "a/b": Data("y".utf8)], to: out.path)
    }
    #expect(Self.contents(out) == ["manifest.json": "{\"run\":1}"])
    #expect(try Self.siblings(root) == ["notebooks-out"])
  }

  @Test("a run killed between the renames is recovered by the next write")
  func killedMidSwap() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("notebooks-out")
    // The state a kill leaves: old outputs set aside, new ones half-staged, no target.
    let previous = root.appendingPathComponent(".notebooks-out.previous-1-abc")
    try FileManager.default.createDirectory(at: previous, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: previous.appendingPathComponent("manifest.json"))
    let staging = root.appendingPathComponent(".notebooks-out.staging-1-abc")
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    #expect(throws: OutputError.self) {
      try OutputWriter.write(["a": Data("x".utf8), "a/b": Data()], to: out.path)
    }
    #expect(Self.contents(out) == ["manifest.json": "old"])
    #expect(try Self.siblings(root) == ["notebooks-out"])
  }

  @Test("output paths cannot leave the output directory")
  func unsafePaths() throws {
    for path in ["../escape", "/etc/passwd", "a//b", "./x", ""] {
      #expect(throws: OutputError.unsafePath(path: path)) {
        try OutputWriter.write([path: Data()], to: "/tmp/clasp-never-written")
      }
    }
    #expect(
      OutputError.unsafePath(path: "../x").description
        == "../x: an output path must stay inside the output directory")
    #expect(
      OutputError.cannotWrite(path: "out/a", reason: "permission denied").description
        == "out/a: cannot write the output: permission denied")
  }
}
