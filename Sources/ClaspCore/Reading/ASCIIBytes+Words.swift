/// Eight bytes at a time: tests on every byte of a little-endian `UInt64` word at once (SWAR), for
/// the scans that run over every byte of a report. Each test leaves the high bit of a byte set
/// exactly where the byte passes.
extension ASCIIBytes {
  /// The number of whole words in `count` bytes.
  @inline(__always) static func wordCount(ofBytes count: Int) -> Int { count / 8 }

  /// The eight bytes of `bytes` from word `index` (byte `8 * index`).
  @inline(__always)
  static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt64 {
    UInt64(
      littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(
        fromByteOffset: index * 8, as: UInt64.self))
  }

  /// The high bit of every byte.
  static let highBits: UInt64 = 0x8080_8080_8080_8080
  private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  private static let ones: UInt64 = 0x0101_0101_0101_0101

  /// Marks the bytes of `word` below `limit` (at most 0x80).
  @inline(__always) static func bytes(of word: UInt64, below limit: UInt8) -> UInt64 {
    ~(((word & lowBits) &+ ones &* UInt64(0x80 - limit)) | word) & highBits
  }

  /// Marks the bytes of `word` equal to `byte`.
  @inline(__always) static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
    bytes(of: word ^ (ones &* UInt64(byte)), below: 1)
  }

  /// Marks the ASCII digits of `word`.
  @inline(__always) static func digits(of word: UInt64) -> UInt64 {
    bytes(of: word ^ (ones &* 0x30), below: 10)
  }

  /// How many bytes `marks` (a mask from these tests: at most the high bit of each byte) marks. A
  /// multiply sums the eight flags into the top byte: the baseline x86-64 target has no population
  /// count instruction, and `nonzeroBitCount` there is a dozen instructions.
  @inline(__always) static func markedCount(_ marks: UInt64) -> Int {
    Int(truncatingIfNeeded: ((marks >> 7) &* ones) >> 56)
  }

  /// The index in its word of the lowest marked byte of `marks` (which is not zero).
  @inline(__always) static func firstMarked(_ marks: UInt64) -> Int {
    marks.trailingZeroBitCount / 8
  }

  /// True when `test` holds at the index of some ASCII digit in `bytes` (tried in order).
  @inline(__always)
  static func anyDigit(in bytes: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool) -> Bool {
    let words = wordCount(ofBytes: bytes.count)
    for index in 0..<words {
      var marks = digits(of: word(bytes, index))
      while marks != 0 {
        if test(index * 8 + firstMarked(marks)) { return true }
        marks &= marks &- 1
      }
    }
    for index in (words * 8)..<bytes.count where isDigit(bytes[index]) {
      if test(index) { return true }
    }
    return false
  }

  /// True when `bytes` are well-formed UTF-8 (as Swift's own validation decides: no overlong
  /// forms, surrogates or scalars past U+10FFFF); ASCII is passed over eight bytes at a time.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var i = 0
    while i < count {
      if i + 8 <= count {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(
            as: UInt64.self))
        if word & highBits == 0 {
          i += 8
          continue
        }
      }
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      // The allowed range of the second byte depends on the lead; the rest are 80...BF.
      let length: Int
      var second: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: (length, second) = (3, 0xA0...0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: (length, second) = (3, 0x80...0x9F)
      case 0xF0: (length, second) = (4, 0x90...0xBF)
      case 0xF1...0xF3: length = 4
      case 0xF4: (length, second) = (4, 0x80...0x8F)
      default: return false
      }
      guard i + length <= count, second.contains(bytes[i + 1]) else { return false }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
      i += length
    }
    return true
  }
}
