/// Where the renderers append bytes: a `[UInt8]`, or a `ByteBuffer` where a file's lines are
/// rendered by the hundred thousand and every append's cost counts.
protocol ByteOutput {
  mutating func append(_ byte: UInt8)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteOutput {
  mutating func append(contentsOf bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
  }

  /// Appends the UTF-8 bytes of a literal.
  mutating func append(literal text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  static func += (out: inout Self, bytes: [UInt8]) { out.append(contentsOf: bytes) }
}

extension Array: ByteOutput where Element == UInt8 {}

/// A growable byte buffer whose appends are a bounds check and a copy (an `Array` append also
/// checks that its storage is unique and goes through the generic `Sequence` path).
///
/// Not copy-on-write: a copy shares the storage, so a buffer is never written after being copied;
/// `FindingOutputs` hands each one, once filled, to the writer and drops it.
struct ByteBuffer: ByteOutput, @unchecked Sendable {
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
  }

  private var storage: Storage
  /// How many bytes have been appended.
  private(set) var count = 0

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int = 0) {
    storage = Storage(capacity: max(capacity, 64))
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == storage.capacity { grow(to: count + 1) }
    storage.base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    if storage.capacity - count < bytes.count { grow(to: count + bytes.count) }
    (storage.base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Moves the bytes to storage of at least `needed` bytes, doubling at least.
  private mutating func grow(to needed: Int) {
    let bigger = Storage(capacity: max(needed, storage.capacity * 2))
    bigger.base.initialize(from: storage.base, count: count)
    storage = bigger
  }

  /// Calls `body` with the bytes appended so far.
  func withBytes<Result, Failure: Error>(
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try body(UnsafeRawBufferPointer(start: storage.base, count: count))
  }

  /// The bytes at `range` of those appended, valid until the buffer is next changed.
  func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
    return UnsafeBufferPointer(start: storage.base + range.lowerBound, count: range.count)
  }

  /// Empties the buffer, keeping its storage.
  mutating func removeAll() { count = 0 }
}
