import Foundation

/// Where the files of a run go: a staged output directory or memory.
///
/// `OutputDirectory.Staging` writes files, `MemoryDestination` keeps them for `OutputSet.render`.
/// Every file is written once, whole or as a sequence of appended pieces; different files may be
/// written from different threads, each file from one.
protocol OutputDestination: AnyObject, Sendable {
  /// Writes a whole file.
  func write(_ file: OutputFile) throws(RenderError)
  /// Opens a file to be written in pieces, in order; `summary` is its line on the index page.
  func open(_ path: String, summary: String) throws(RenderError) -> any OutputSink
  /// The size in bytes of every file written so far (sinks count once closed), by path.
  var sizes: [String: Int] { get }
}

/// A file being written in pieces.
protocol OutputSink: AnyObject {
  /// Appends `bytes` to the file.
  func append(_ bytes: UnsafeRawBufferPointer) throws(RenderError)
  /// Finishes the file.
  func close() throws(RenderError)
}

extension OutputSink {
  /// Appends `bytes` to the file.
  func append(_ bytes: [UInt8]) throws(RenderError) {
    let failure = bytes.withUnsafeBytes { raw -> RenderError? in
      do throws(RenderError) {
        try append(raw)
        return nil
      } catch {
        return error
      }
    }
    if let failure { throw failure }
  }

  /// Appends the bytes of `buffer` to the file.
  func append(_ buffer: ByteBuffer) throws(RenderError) {
    try buffer.withBytes { (bytes) throws(RenderError) in try append(bytes) }
  }
}

/// Collects a run's files in memory, for tests and callers that want `[OutputFile]`.
final class MemoryDestination: OutputDestination, @unchecked Sendable {
  private let lock = NSLock()
  private var written: [OutputFile] = []

  var files: [OutputFile] { lock.withLock { written } }

  var sizes: [String: Int] {
    lock.withLock {
      Dictionary(uniqueKeysWithValues: written.map { ($0.path, $0.contents.utf8.count) })
    }
  }

  func write(_ file: OutputFile) { lock.withLock { written.append(file) } }

  func open(_ path: String, summary: String) -> any OutputSink {
    MemorySink { [unowned self] bytes in
      write(
        OutputFile(path: path, contents: String(decoding: bytes, as: UTF8.self), summary: summary))
    }
  }

  private final class MemorySink: OutputSink {
    private var bytes: [UInt8] = []
    private let finish: ([UInt8]) -> Void

    init(finish: @escaping ([UInt8]) -> Void) { self.finish = finish }

    func append(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }

    func close() { finish(bytes) }
  }
}
