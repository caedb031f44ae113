import Foundation

/// Writes a run's output files into a directory all at once, so an interrupted run never leaves a
/// half-written output directory.
///
/// Every file is written into a hidden staging directory beside the target
/// (`.notebooks-out.staging-<id>`); only when all are written does the staging directory replace the
/// target, by renames within one file system. The previous outputs are moved aside first and
/// removed last, and put back if the swap fails. Staging directories left by a killed run are
/// removed by the next write. Input discovery skips them as hidden.
///
/// ```swift
/// try OutputWriter.write(["manifest.json": json, "themes/matrix.csv": csv], to: "notebooks-out")
/// ```
public enum OutputWriter {
  /// Replaces the contents of `directory` with `files` (relative path -> contents).
  /// - Throws: `OutputError` naming the path that failed; the previous contents are then intact.
  public static func write(_ files: [String: Data], to directory: String) throws {
    let fileManager = FileManager.default
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    for path in files.keys {
      guard isSafeRelativePath(path) else { throw OutputError.unsafePath(path: path) }
    }
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw OutputError.cannotWrite(path: parent.path, reason: describe(error))
    }
    removeStale(in: parent, name: name)
    let id = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    let staging = parent.appendingPathComponent(".\(name).staging-\(id)")
    let previous = parent.appendingPathComponent(".\(name).previous-\(id)")
    do {
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw OutputError.cannotWrite(path: staging.path, reason: describe(error))
    }
    // Sorted so a failure is reported for the same file every time.
    for path in files.keys.sorted() {
      let url = staging.appendingPathComponent(path)
      do {
        try fileManager.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try files[path]!.write(to: url)
      } catch {
        try? fileManager.removeItem(at: staging)
        throw OutputError.cannotWrite(
          path: target.appendingPathComponent(path).path, reason: describe(error))
      }
    }
    var isDirectory: ObjCBool = false
    let exists = fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory)
    if exists && !isDirectory.boolValue {
      try? fileManager.removeItem(at: staging)
      throw OutputError.cannotWrite(path: target.path, reason: "it exists and is not a directory")
    }
    if exists, rename(target.path, previous.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? fileManager.removeItem(at: staging)
      throw OutputError.cannotWrite(path: target.path, reason: reason)
    }
    if rename(staging.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      if exists { _ = rename(previous.path, target.path) }
      try? fileManager.removeItem(at: staging)
      throw OutputError.cannotWrite(path: target.path, reason: reason)
    }
    if exists { try? fileManager.removeItem(at: previous) }
  }

  /// Relative, without `..` or empty components: a file name from the report cannot escape.
  static func isSafeRelativePath(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("/") else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
      !$0.isEmpty && $0 != "." && $0 != ".."
    }
  }

  /// Cleans up after a run killed mid-write: puts set-aside outputs back if the target is missing
  /// (killed between the two renames), then removes staging and set-aside directories.
  private static func removeStale(in parent: URL, name: String) {
    let fileManager = FileManager.default
    guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
    let target = parent.appendingPathComponent(name).path
    for entry in entries.sorted() where entry.hasPrefix(".\(name).previous-") {
      if !fileManager.fileExists(atPath: target) {
        _ = rename(parent.appendingPathComponent(entry).path, target)
      }
    }
    for entry in entries
    where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).previous-") {
      try? fileManager.removeItem(at: parent.appendingPathComponent(entry))
    }
  }

  private static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    return nsError.localizedDescription
  }
}

/// Why outputs could not be written.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A file or directory could not be created or replaced.
  case cannotWrite(path: String, reason: String)
  /// An output name is absolute or climbs out of the output directory.
  case unsafePath(path: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write the output: \(reason)"
    case .unsafePath(let path): "\(path): an output path must stay inside the output directory"
    }
  }
}
