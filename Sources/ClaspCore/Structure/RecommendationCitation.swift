/// Finds citations of recommendations in finding text: "(Recommendation 4.8)",
/// "(Recommendations 2.1 and 2.3)", "(Recommendation 1.2, 1.4 and 1.5)".
enum RecommendationCitation {
  /// The cited numbers ("4.8") in order of appearance.
  static func numbers<S: StringProtocol>(in text: S) -> [String] {
    ASCIIBytes.withBytes(text) { numbers(in: $0) }
  }

  private static func numbers(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var out: [String] = []
    var i = 1
    while i + word.utf8CodeUnitCount <= bytes.count {
      // Most text cites nothing: skip to the next "ecommendation".
      guard let found = nextWord(in: bytes, from: i) else { break }
      i = found
      guard bytes[i - 1] | 0x20 == 0x72 else {
        i += 1
        continue
      }
      var j = i + word.utf8CodeUnitCount
      if j < bytes.count && bytes[j] == 0x73 { j += 1 }  // plural
      while true {
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x2C || bytes[j] == 0x26) {
          j += 1
        }
        if j + 3 < bytes.count && bytes[j] == 0x61 && bytes[j + 1] == 0x6E && bytes[j + 2] == 0x64
          && bytes[j + 3] == 0x20
        {
          j += 4
          continue
        }
        guard let (number, end) = dottedNumber(bytes, from: j) else { break }
        out.append(number)
        j = end
      }
      i = j
    }
    return out
  }

  /// The word every citation holds (after an "r" or "R").
  private static let word: StaticString = "ecommendation"

  /// The first index at or after `start` where `word` occurs.
  private static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    ASCIIBytes.index(
      of: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount), in: bytes,
      from: start)
  }

  private static func dottedNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (
    String, Int
  )? {
    var j = start
    var sawDot = false
    var lastWasDigit = false
    while j < bytes.count {
      let b = bytes[j]
      if b >= 0x30 && b <= 0x39 {
        lastWasDigit = true
      } else if b == 0x2E && lastWasDigit && j + 1 < bytes.count && bytes[j + 1] >= 0x30
        && bytes[j + 1] <= 0x39
      {
        sawDot = true
        lastWasDigit = false
      } else {
        break
      }
      j += 1
    }
    guard sawDot, lastWasDigit else { return nil }
    return (String(decoding: bytes[start..<j], as: UTF8.self), j)
  }
}
