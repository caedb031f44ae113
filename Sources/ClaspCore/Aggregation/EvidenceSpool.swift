import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only temporary file holding the encoded findings of a run, so memory does not grow
/// with the evidence text of thousands of reports.
///
/// The file is unlinked as soon as it is opened: nothing is left behind, even when the process is
/// killed. Appends from many workers are serialised by a lock; reads use positioned I/O and may run
/// concurrently.
public final class EvidenceSpool: @unchecked Sendable {
  /// Where one appended block lies in a spool.
  public struct Extent: Sendable, Hashable {
    let spool: EvidenceSpool
    let offset: Int
    let length: Int

    public static func == (lhs: Extent, rhs: Extent) -> Bool {
      lhs.spool === rhs.spool && lhs.offset == rhs.offset && lhs.length == rhs.length
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(ObjectIdentifier(spool))
      hasher.combine(offset)
      hasher.combine(length)
    }
  }

  private let descriptor: Int32
  private let lock = NSLock()
  private var end = 0

  /// Opens a fresh, already unlinked file in `directory` (default: the system's temporary directory).
  ///
  /// - Throws: `AggregationError.spoolFailed` when the file cannot be made.
  public init(directory: String? = nil) throws(AggregationError) {
    let base = directory ?? FileManager.default.temporaryDirectory.path
    var template = Array((base + "/.clasp-evidence-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      throw .spoolFailed(reason: "cannot create a temporary file in \(base): \(Self.lastError())")
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    descriptor = fd
  }

  deinit { close(descriptor) }

  /// Bytes appended so far (including appends still being written).
  public var size: Int {
    lock.lock()
    defer { lock.unlock() }
    return end
  }

  /// Appends `bytes` and says where they went.
  func append(_ bytes: [UInt8]) throws(AggregationError) -> Extent {
    // Only the offset is taken under the lock: writes to disjoint ranges run side by side.
    let offset = lock.withLock {
      let offset = end
      end += bytes.count
      return offset
    }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw .spoolFailed(reason: "cannot write: \(Self.lastError())") }
      done += n
    }
    return Extent(spool: self, offset: offset, length: bytes.count)
  }

  /// The bytes of `extent`.
  func read(_ extent: Extent) throws(AggregationError) -> [UInt8] {
    precondition(extent.spool === self, "extent of another spool")
    // Read into uninitialised memory: the bytes are about to be overwritten, so no zero-fill.
    var failure: AggregationError?
    let out = [UInt8](unsafeUninitializedCapacity: extent.length) { buffer, count in
      var done = 0
      while done < extent.length {
        let n = pread(
          descriptor, buffer.baseAddress! + done, extent.length - done,
          off_t(extent.offset + done))
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          failure = .spoolFailed(reason: "cannot read: \(Self.lastError())")
          break
        }
        done += n
      }
      count = done
    }
    if let failure { throw failure }
    return out
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
