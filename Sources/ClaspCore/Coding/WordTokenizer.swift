/// A word of a text: a run of letters and digits, located by UTF-8 byte offsets.
public struct Word: Sendable, Hashable {
  /// Byte offsets of the word in the text's UTF-8, half-open.
  public let start: Int
  public let end: Int
  /// The word's bytes lowercased (ASCII letters only; other bytes are kept).
  public let folded: [UInt8]
  /// True when the word as printed contains an uppercase ASCII letter.
  public let hasUppercase: Bool

  public init(start: Int, end: Int, folded: [UInt8], hasUppercase: Bool) {
    self.start = start
    self.end = end
    self.folded = folded
    self.hasUppercase = hasUppercase
  }
}

/// Splits UTF-8 text into words, the unit every codebook pattern is matched on.
///
/// A word is a maximal run of ASCII letters and digits and of non-ASCII letters (`crèche` is one word).
/// Everything else separates words, including apostrophes, hyphens, slashes and the typographic
/// quotes and dashes of U+2000-U+206F, so `children’s` and `children's` both give `children`, `s`.
public enum WordTokenizer {
  /// The words of `bytes`, in order.
  /// - Complexity: O(n) in the number of bytes.
  public static func words(_ bytes: [UInt8]) -> [Word] { words(bytes, in: bytes.indices) }

  /// The words of `bytes[range]`, with offsets in `bytes`; `range` should not cut a word.
  static func words(_ bytes: [UInt8], in range: Range<Int>) -> [Word] {
    var out: [Word] = []
    bytes.withUnsafeBufferPointer { bytes in
      var i = range.lowerBound
      var start = -1
      var upper = false
      func close(_ end: Int) {
        if start >= 0 {
          out.append(
            Word(start: start, end: end, folded: folded(bytes, start..<end), hasUppercase: upper))
          start = -1
          upper = false
        }
      }
      while i < range.upperBound {
        let b = bytes[i]
        if isWordByte(b, at: i, in: bytes) {
          if start < 0 { start = i }
          if b >= 65 && b <= 90 { upper = true }
        } else {
          close(i)
        }
        i += sequenceWidth(b)
      }
      close(range.upperBound)
    }
    return out
  }

  /// True when `folded(bytes, range)` equals `word`, computed without allocating.
  static func folds<Bytes: RandomAccessCollection<UInt8>>(
    _ bytes: Bytes, _ range: Range<Int>, equalTo word: [UInt8]
  ) -> Bool where Bytes.Index == Int {
    guard range.count == word.count else { return false }
    var j = 0
    while j < word.count {
      let b = bytes[range.lowerBound + j]
      let width = sequenceWidth(b)
      guard (b >= 65 && b <= 90 ? b + 32 : b) == word[j] else { return false }
      // The continuation bytes of a character are kept as they are.
      var c = 1
      while c < width && j + c < word.count {
        guard bytes[range.lowerBound + j + c] == word[j + c] else { return false }
        c += 1
      }
      j += width
    }
    return true
  }

  /// `folded(bytes, range)[offset]`, for an offset inside the word.
  static func foldedByte<Bytes: RandomAccessCollection<UInt8>>(
    _ bytes: Bytes, _ range: Range<Int>, at offset: Int
  ) -> UInt8 where Bytes.Index == Int {
    // A byte is folded when it starts a character. It does when none of the three bytes before it
    // in the word can start a longer one; else find the character boundary at or before it.
    var leads = false
    for k in max(0, offset - 3)..<offset where bytes[range.lowerBound + k] >= 0xC0 { leads = true }
    if !leads {
      let b = bytes[range.lowerBound + offset]
      return b >= 65 && b <= 90 ? b + 32 : b
    }
    var j = 0
    while true {
      let width = sequenceWidth(bytes[range.lowerBound + j])
      if j + width > offset {
        let b = bytes[range.lowerBound + offset]
        return j == offset && b >= 65 && b <= 90 ? b + 32 : b
      }
      j += width
    }
  }

  /// The bytes of the word at `range`, an ASCII capital lowercased where a character starts.
  static func folded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
    var out = Array(bytes[range])
    out.withUnsafeMutableBufferPointer { out in
      var j = 0
      while j < out.count {
        let b = out[j]
        if b >= 65 && b <= 90 { out[j] = b + 32 }
        j += sequenceWidth(b)
      }
    }
    return out
  }

  /// The words of `text`.
  public static func words(_ text: String) -> [Word] { words(Array(text.utf8)) }

  /// True when the byte `b` at `i` belongs to a word.
  @inline(__always)
  static func isWordByte(_ b: UInt8, at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if b < 0x80 {
      return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
    // C2 xx is Latin-1 punctuation (no-break space, «, ·); E2 80/81 xx is General Punctuation.
    if b == 0xC2 { return false }
    if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return false }
    if b == 0xEF, i + 1 < bytes.count, bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC { return false }
    return b >= 0xC0
  }

  static func sequenceWidth(_ b: UInt8) -> Int {
    switch b {
    case 0xF0...: 4
    case 0xE0...: 3
    case 0xC0...: 2
    default: 1
    }
  }
}
