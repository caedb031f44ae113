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
    guard !needle.isEmpty, let base = bytes.baseAddress, let rest = needle.baseAddress
    else { return needle.isEmpty ? start : nil }
    // memchr looks for the needle's rarest byte (in English text), `pick` bytes into it: every
    // occurrence at or after `start` has that byte `pick` bytes in, so they are met in order.
    var pick = 0
    var rarest = rarity(needle[0])
    for k in needle.indices.dropFirst() where rarity(needle[k]) > rarest {
      (pick, rarest) = (k, rarity(needle[k]))
    }
    let byte = needle[pick]
    var from = start + pick
    let last = bytes.count - needle.count
    while from - pick <= last, let found = index(of: byte, in: bytes, from: from) {
      let candidate = found - pick
      guard candidate <= last else { return nil }
      if memcmp(base + candidate, rest, needle.count) == 0 { return candidate }
      from = found + 1
    }
    return nil
  }

  /// How rare `byte` is in English prose, from 0 (space, the commonest) up: lowercase letters by
  /// their usual frequency, every other byte rarer than any of them.
  @inline(__always) private static func rarity(_ byte: UInt8) -> Int {
    switch byte {
    case 0x20: 0
    case UInt8(ascii: "e"): 1
    case UInt8(ascii: "t"): 2
    case UInt8(ascii: "a"): 3
    case UInt8(ascii: "o"): 4
    case UInt8(ascii: "i"): 5
    case UInt8(ascii: "n"): 6
    case UInt8(ascii: "s"): 7
    case UInt8(ascii: "h"): 8
    case UInt8(ascii: "r"): 9
    case UInt8(ascii: "d"): 10
    case UInt8(ascii: "l"): 11
    case UInt8(ascii: "c"): 12
    case UInt8(ascii: "u"): 13
    case UInt8(ascii: "m"): 14
    case UInt8(ascii: "w"): 15
    case UInt8(ascii: "f"): 16
    case UInt8(ascii: "g"): 17
    case UInt8(ascii: "y"): 18
    case UInt8(ascii: "p"): 19
    case UInt8(ascii: "b"): 20
    default: 30
    }
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

  /// True when `bytes` ends with `suffix` (lowercase ASCII), ignoring ASCII case.
  static func hasSuffixIgnoringCase(_ suffix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let count = suffix.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let tail = UnsafeBufferPointer(rebasing: bytes[(bytes.count - count)...])
    return hasPrefixIgnoringCase(suffix, tail)
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
