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
    for file in files where !isSafe(file.path) { throw .unsafeOutputPath(path: file.path) }
    let staging = try Staging(replacing: path)
    do {
      for file in files { try staging.write(file) }
      try staging.commit()
    } catch {
      staging.discard()
      throw error
    }
  }

  /// A fresh hidden directory beside the target that files are written into, then renamed into
  /// place by `commit()` or removed by `discard()`.
  final class Staging: OutputDestination, @unchecked Sendable {
    private let path: String
    private let target: URL
    private let staging: URL
    private let retired: URL
    private let exists: Bool
    private let lock = NSLock()
    private var written: [String: Int] = [:]

    var sizes: [String: Int] { lock.withLock { written } }

    /// Checks that `path` may be replaced (missing, empty, or an earlier output directory) and
    /// creates the staging directory beside it.
    init(replacing path: String) throws(RenderError) {
      let manager = FileManager.default
      self.path = path
      target = URL(fileURLWithPath: path).standardizedFileURL
      let parent = target.deletingLastPathComponent()
      let name = target.lastPathComponent
      recoverInterruptedWrite(in: parent, name: name)
      var isDirectory: ObjCBool = false
      exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
      if exists {
        let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        guard isDirectory.boolValue, contents.isEmpty || contents.contains("manifest.json") else {
          throw .notAnOutputDirectory(path: path)
        }
      }
      let tag =
        "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
      staging = parent.appendingPathComponent(".\(name).tmp-\(tag)")
      retired = parent.appendingPathComponent(".\(name).old-\(tag)")
      do {
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      } catch {
        throw .cannotWrite(path: path, reason: error.localizedDescription)
      }
    }

    func write(_ file: OutputFile) throws(RenderError) {
      let sink = try openFile(file.path)
      var text = file.contents
      if let failure = text.withUTF8({ sink.write(UnsafeRawBufferPointer($0)) }) { throw failure }
      try sink.close()
    }

    func open(_ file: String, summary: String) throws(RenderError) -> any OutputSink {
      try openFile(file)
    }

    private func openFile(_ file: String) throws(RenderError) -> FileSink {
      let url = try prepare(file)
      let descriptor = Foundation.open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0 else {
        throw .cannotWrite(path: path, reason: "\(file): \(String(cString: strerror(errno)))")
      }
      return FileSink(descriptor: descriptor, path: path, file: file) { [unowned self] bytes in
        lock.withLock { written[file] = bytes }
      }
    }

    /// Moves the written files into place, replacing the previous directory.
    func commit() throws(RenderError) {
      let manager = FileManager.default
      do {
        if exists { try manager.moveItem(at: target, to: retired) }
        do {
          try manager.moveItem(at: staging, to: target)
        } catch {
          if exists { try? manager.moveItem(at: retired, to: target) }
          throw error
        }
        if exists { removeTree(retired) }
      } catch {
        discard()
        throw .cannotWrite(path: path, reason: error.localizedDescription)
      }
    }

    /// Removes the directory at `url` and everything in it, its entries side by side: dropping a
    /// large earlier output's cached pages is kernel work that would otherwise run on one core.
    private func removeTree(_ url: URL) {
      let manager = FileManager.default
      let entries = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
      DispatchQueue.concurrentPerform(iterations: entries.count) { index in
        try? FileManager.default.removeItem(at: url.appendingPathComponent(entries[index]))
      }
      try? manager.removeItem(at: url)
    }

    /// Removes the staging directory and everything written into it.
    func discard() { try? FileManager.default.removeItem(at: staging) }

    private func prepare(_ file: String) throws(RenderError) -> URL {
      guard isSafe(file) else { throw .unsafeOutputPath(path: file) }
      let url = staging.appendingPathComponent(file)
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw .cannotWrite(path: path, reason: error.localizedDescription)
      }
      return url
    }
  }

  /// A file of the staging directory written straight through with `write(2)`.
  private final class FileSink: OutputSink {
    private var descriptor: Int32
    private let path: String
    private let file: String
    private var written = 0
    private let finish: (Int) -> Void

    init(descriptor: Int32, path: String, file: String, finish: @escaping (Int) -> Void) {
      self.descriptor = descriptor
      self.path = path
      self.file = file
      self.finish = finish
    }

    deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

    func append(_ bytes: UnsafeRawBufferPointer) throws(RenderError) {
      if let failure = write(bytes) { throw failure }
    }

    /// Writes all of `bytes`; the failure, if any, is returned rather than thrown so that callers
    /// inside `withUnsafeBytes` and `withUTF8` closures can pass it out.
    func write(_ bytes: UnsafeRawBufferPointer) -> RenderError? {
      var done = 0
      while done < bytes.count {
        let n = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          return .cannotWrite(path: path, reason: "\(file): \(String(cString: strerror(errno)))")
        }
        done += n
      }
      written += bytes.count
      return nil
    }

    func close() throws(RenderError) {
      let result = Foundation.close(descriptor)
      descriptor = -1
      guard result == 0 else {
        throw .cannotWrite(path: path, reason: "\(file): \(String(cString: strerror(errno)))")
      }
      finish(written)
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
