import Foundation
import Testing

@testable import ClaspCore

@Suite struct InputDiscoveryTests {
  /// A tree with reports at two depths, hidden files, other files, an output directory, a symlink
  /// loop and a dangling link.
  static func makeTree() throws -> URL {
    let root = try Fixtures.temporaryDirectory()
    let fm = FileManager.default
    func write(_ relative: String, _ text: String = "text") throws {
      let url = root.appendingPathComponent(relative)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try write("b.txt")
    try write("a.md")
    try write("sub/c.PDF")
    try write("sub/deeper/d.txt")
    try write("sub/notes.docx")
    try write(".hidden.txt")
    try write(".git/config.txt")
    try write("out/previous.md")
    try write("SOURCES.md")
    try fm.createSymbolicLink(
      atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
    try fm.createSymbolicLink(
      atPath: root.appendingPathComponent("sub/gone.txt").path, withDestinationPath: "nowhere.txt")
    return root
  }

  @Test("a directory is walked for .txt, .md and .pdf in path order, skipping what is not a report")
  func walk() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let r = root.path
    let found = InputDiscovery.discover([r], excluding: [r + "/out"])
    #expect(found.inputs == ["\(r)/a.md", "\(r)/b.txt", "\(r)/sub/c.PDF", "\(r)/sub/deeper/d.txt"])
    #expect(
      Set(found.skipped) == [
        SkippedInput(path: "\(r)/.git", reason: .hidden),
        SkippedInput(path: "\(r)/.hidden.txt", reason: .hidden),
        SkippedInput(path: "\(r)/out", reason: .outputDirectory),
        SkippedInput(path: "\(r)/SOURCES.md", reason: .documentation),
        SkippedInput(path: "\(r)/sub/gone.txt", reason: .brokenLink),
        SkippedInput(path: "\(r)/sub/loop", reason: .alreadyWalked),
        SkippedInput(path: "\(r)/sub/notes.docx", reason: .unsupportedType),
      ])
    #expect(
      SkippedInput(path: "x/loop", reason: .alreadyWalked).description
        == "x/loop: skipped: a link to a directory already read (a symlink loop?)")
  }

  @Test("files named explicitly and - are inputs as given, each once, in argument order")
  func explicit() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let r = root.path
    let found = InputDiscovery.discover([
      "-", "\(r)/sub/notes.docx", "missing.txt", "\(r)/sub/deeper", "\(r)/sub/c.PDF", "-",
      "\(r)/sub/deeper/d.txt",
    ])
    #expect(
      found.inputs == [
        "-", "\(r)/sub/notes.docx", "missing.txt", "\(r)/sub/deeper/d.txt", "\(r)/sub/c.PDF",
      ])
  }

  @Test("a directory reached twice through a link is read once")
  func linkedTwice() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let r = root.path
    try FileManager.default.createSymbolicLink(
      atPath: "\(r)/alias", withDestinationPath: "\(r)/sub/deeper")
    let found = InputDiscovery.discover([r], excluding: [r + "/out"])
    #expect(found.inputs.filter { $0.hasSuffix("d.txt") }.count == 1)
    #expect(found.skipped.contains(SkippedInput(path: "\(r)/sub/deeper", reason: .alreadyWalked)))
  }
}
