import Foundation

/// Byte-level scans over UTF-8 text, for the hot paths of reading and parsing.
///
/// Swift's `Character` operations and Foundation's string search cost tens of instructions a byte;
/// these work on the contiguous UTF-8 storage of native strings. Where a `Character` or Foundation
/// operation has different semantics for non-ASCII text (grapheme clusters, Unicode case
/// mapping), callers use these only once `isASCII` holds, and keep the general path otherwise.
enum ASCIIBytes {
  /// Calls `body` with the UTF-8 bytes of `text` (copied only if `text` is not contiguous).
  @inline(__always)
  static func withBytes<S: StringProtocol, R>(
    _ text: S, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return try Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// True when every byte of `bytes` is ASCII.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var union: UInt8 = 0
    for byte in bytes { union |= byte }
    return union < 0x80
  }

  /// True when `text` is ASCII.
  static func isASCII<S: StringProtocol>(_ text: S) -> Bool {
    withBytes(text) { isASCII($0) }
  }

  /// True when `text` contains `byte`.
  static func contains<S: StringProtocol>(_ byte: UInt8, in text: S) -> Bool {
    withBytes(text) { index(of: byte, in: $0, from: 0) != nil }
  }

  /// The first index at or after `start` holding `byte`.
  @inline(__always)
  static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress else { return nil }
    guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// The first index at or after `start` where `needle` occurs in `bytes`.
  static func index(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard let first = needle.first, let base = bytes.baseAddress, let rest = needle.baseAddress
    else { return needle.isEmpty ? start : nil }
    var from = start
    let last = bytes.count - needle.count
    while from <= last, let found = index(of: first, in: bytes, from: from) {
      guard found <= last else { return nil }
      if memcmp(base + found + 1, rest + 1, needle.count - 1) == 0 { return found }
      from = found + 1
    }
    return nil
  }

  /// True when `needle` occurs in `bytes`.
  static func contains(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    index(
      of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: bytes)
      != nil
  }

  /// True when `bytes` starts with `prefix`.
  static func hasPrefix(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard bytes.count >= count, let base = bytes.baseAddress else { return count == 0 }
    return memcmp(base, prefix.utf8Start, count) == 0
  }

  /// True when `bytes` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
  static func hasPrefixIgnoringCase(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let count = prefix.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let prefix = prefix.utf8Start
    for k in 0..<count where lower(bytes[k]) != prefix[k] { return false }
    return true
  }

  /// True when `needle` occurs in `bytes` ignoring ASCII case.
  static func containsIgnoringCase(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    return indexIgnoringCase(of: needle, in: bytes) != nil
  }

  /// The first index where `needle` occurs in `bytes`, ignoring ASCII case.
  static func indexIgnoringCase(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    guard let first = needle.first.map(lower) else { return 0 }
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where lower(bytes[start]) == first {
      var k = 1
      while k < needle.count && lower(bytes[start + k]) == lower(needle[k]) { k += 1 }
      if k == needle.count { return start }
    }
    return nil
  }

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
  @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
  @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
  @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
  /// Space or tab.
  @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
}
