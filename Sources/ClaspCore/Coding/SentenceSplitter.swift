/// Splits report text into sentences, by UTF-8 byte ranges.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes, brackets or Markdown `*` after it)
/// followed by white space, and at every line break (a unit's lines are paragraphs or bullets). A full
/// stop does not end a sentence after a known abbreviation (`e.g.`, `i.e.`, `Dr.`, `No.`, `etc.`), after a
/// single letter (initials, `e.g.`), or inside a number (`5.3`, `81.5%`), which has no space after it.
///
/// ```swift
/// SentenceSplitter.sentences(in: "Dr. Khan saw 5.3 cases, e.g. two. Staff agreed.")
/// // ["Dr. Khan saw 5.3 cases, e.g. two.", "Staff agreed."]
/// ```
public enum SentenceSplitter {
  /// Words after which a full stop is part of an abbreviation, lowercased.
  static let abbreviations: Set<[UInt8]> = Set(
    [
      "dr", "mr", "mrs", "ms", "no", "nos", "vs", "etc", "st", "prof", "approx", "cf", "fig", "ref",
      "para", "paras", "eg", "ie", "al", "inc", "ltd", "co", "dept", "jan", "feb", "mar", "apr",
      "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ].map { Array($0.utf8) })

  /// The byte ranges of the sentences of `bytes`, in order, trimmed of white space and leading bullets.
  /// - Complexity: O(n) in the number of bytes.
  public static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { ranges(in: $0, into: &out) }
    return out
  }

  /// Replaces `out` with the sentence ranges of `bytes`.
  static func ranges(in bytes: UnsafeBufferPointer<UInt8>, into out: inout [Range<Int>]) {
    out.removeAll(keepingCapacity: true)
    let n = bytes.count
    var start = 0
    var i = 0
    while i < n {
      // Only line breaks and stops matter: skip eight bytes at a time while none is one.
      if n - i >= 8,
        !mayHoldBreakOrStop(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
      {
        i += 8
        continue
      }
      let b = bytes[i]
      guard b == 10 || b == 46 || b == 33 || b == 63 else {
        i += 1
        continue
      }
      if b == 10 {
        emit(start..<i, in: bytes, into: &out)
        start = i + 1
      } else if let end = sentenceEnd(stop: i, in: bytes) {
        emit(start..<end, in: bytes, into: &out)
        start = end
        i = end
        continue
      }
      i += 1
    }
    emit(start..<n, in: bytes, into: &out)
  }

  /// False when none of the eight bytes of `word` is a line break, `.`, `!` or `?`.
  @inline(__always)
  static func mayHoldBreakOrStop(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let found =
      zeroBytes(word ^ (ones &* 10)) | zeroBytes(word ^ (ones &* 46))
      | zeroBytes(word ^ (ones &* 33)) | zeroBytes(word ^ (ones &* 63))
    return found != 0
  }

  /// Nonzero exactly when a byte of `x` is zero (the high bit of the first zero byte is set).
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// Where the sentence ends when the `.`, `!` or `?` at `stop` ends one (after any closers), else nil.
  @inline(__always)
  static func sentenceEnd(stop i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var j = i + 1
    while j < bytes.count, isCloser(bytes, j) { j += closerWidth(bytes, j) }
    guard j >= bytes.count || isSpace(bytes[j]) else { return nil }
    return bytes[i] != 46 || !isAbbreviation(bytes, before: i) ? j : nil
  }

  /// Appends `range` trimmed, unless nothing is left of it.
  @inline(__always)
  static func emit(
    _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, into out: inout [Range<Int>]
  ) {
    if let r = trimmed(range, in: bytes) { out.append(r) }
  }

  /// The sentences of `text`, trimmed.
  public static func sentences(in text: String) -> [String] {
    let bytes = Array(text.utf8)
    return ranges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

  /// Closing quotes, brackets and Markdown emphasis that may follow a sentence's final stop.
  static func isCloser(_ bytes: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
    let b = bytes[j]
    if b == 34 || b == 39 || b == 41 || b == 93 || b == 42 || b == 95 { return true }
    // ’ ” (E2 80 99, E2 80 9D)
    return b == 0xE2 && j + 2 < bytes.count && bytes[j + 1] == 0x80
      && (bytes[j + 2] == 0x99 || bytes[j + 2] == 0x9D)
  }

  static func closerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int {
    bytes[j] == 0xE2 ? 3 : 1
  }

  /// True when the full stop at `dot` ends an abbreviation or an initial.
  static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before dot: Int) -> Bool {
    var k = dot
    while k > 0, ASCIIBytes.isLetter(bytes[k - 1]) { k -= 1 }
    let length = dot - k
    if length == 0 { return false }
    if length == 1 { return true }
    guard length <= longestAbbreviation else { return false }
    return abbreviationList.contains { word in
      word.count == length
        && word.indices.allSatisfy { ASCIIBytes.lower(bytes[k + $0]) == word[$0] }
    }
  }

  static let abbreviationList: [[UInt8]] = Array(abbreviations)
  static let longestAbbreviation = abbreviations.map(\.count).max() ?? 0

  static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi, isSpace(bytes[lo]) || bytes[lo] == 45 && lo + 1 < hi && isSpace(bytes[lo + 1]) {
      lo += 1
    }
    while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
    return lo < hi ? lo..<hi : nil
  }
}
