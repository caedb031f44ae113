import Foundation

/// Writes a set of output files as one directory, all or nothing.
///
/// Files go into a fresh hidden directory beside the target; only when every file is written is it
/// renamed into place (the old directory, if any, is moved aside first and removed after). A
/// directory Clasp did not write (non-empty, without `manifest.json`) is never replaced.
public enum OutputDirectory {
  /// Replaces the directory at `path` with exactly `files`.
  ///
  /// - Throws: `RenderError.notAnOutputDirectory` for a foreign target, `.unsafeOutputPath` for a file
  ///   path that would leave the directory, `.cannotWrite` when the file system refuses.
  public static func write(_ files: [OutputFile], to path: String) throws(RenderError) {
    let manager = FileManager.default
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    for file in files where !isSafe(file.path) { throw .unsafeOutputPath(path: file.path) }
    recoverInterruptedWrite(in: parent, name: name)

    var isDirectory: ObjCBool = false
    let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
    if exists {
      let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
      guard isDirectory.boolValue, contents.isEmpty || contents.contains("manifest.json") else {
        throw .notAnOutputDirectory(path: path)
      }
    }

    let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    let staging = parent.appendingPathComponent(".\(name).tmp-\(tag)")
    let retired = parent.appendingPathComponent(".\(name).old-\(tag)")
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      for file in files {
        let url = staging.appendingPathComponent(file.path)
        try manager.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: url)
      }
      if exists { try manager.moveItem(at: target, to: retired) }
      do {
        try manager.moveItem(at: staging, to: target)
      } catch {
        if exists { try? manager.moveItem(at: retired, to: target) }
        throw error
      }
      if exists { try? manager.removeItem(at: retired) }
    } catch {
      try? manager.removeItem(at: staging)
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
  }

  /// Cleans up after a run killed mid-write: puts the set-aside outputs back when the target is
  /// missing (killed between the two renames), then removes staging and set-aside directories.
  static func recoverInterruptedWrite(in parent: URL, name: String) {
    let manager = FileManager.default
    guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
    let target = parent.appendingPathComponent(name)
    for entry in entries.sorted() where entry.hasPrefix(".\(name).old-") {
      if !manager.fileExists(atPath: target.path) {
        try? manager.moveItem(at: parent.appendingPathComponent(entry), to: target)
      }
    }
    for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-")
    {
      try? manager.removeItem(at: parent.appendingPathComponent(entry))
    }
  }

  /// True for a relative path of plain components (no `..`, `.`, empty or absolute parts).
  static func isSafe(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    return !path.isEmpty
      && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\\") }
  }
}
