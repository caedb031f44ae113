/// Finds citations of recommendations in finding text: "(Recommendation 4.8)",
/// "(Recommendations 2.1 and 2.3)", "(Recommendation 1.2, 1.4 and 1.5)".
enum RecommendationCitation {
  /// The cited numbers ("4.8") in order of appearance.
  static func numbers<S: StringProtocol>(in text: S) -> [String] {
    ASCIIBytes.withBytes(text) { numbers(in: $0) }
  }

  private static func numbers(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    let word: StaticString = "ecommendation"
    let wordBytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    var out: [String] = []
    var i = 1
    while i + wordBytes.count <= bytes.count {
      // Most text cites nothing: skip to the next "mme" (every "ecommendation" has one at +3).
      guard let m = nextMME(in: bytes, from: i + 3) else { break }
      i = m - 3
      guard i + wordBytes.count <= bytes.count, bytes[i - 1] | 0x20 == 0x72,
        UnsafeBufferPointer(rebasing: bytes[i..<(i + wordBytes.count)]).elementsEqual(wordBytes)
      else {
        i += 1
        continue
      }
      var j = i + wordBytes.count
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

  /// The first index at or after `start` where "mme" begins: eight positions at a time (a byte
  /// "m" whose next bytes are "m" and "e"), then byte by byte for the tail.
  private static func nextMME(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var q = start
    while q + 10 <= bytes.count {
      let marks =
        ASCIIBytes.bytes(of: ASCIIBytes.word(at: q, in: bytes), equalTo: 0x6D)
        & ASCIIBytes.bytes(of: ASCIIBytes.word(at: q + 1, in: bytes), equalTo: 0x6D)
        & ASCIIBytes.bytes(of: ASCIIBytes.word(at: q + 2, in: bytes), equalTo: 0x65)
      if marks != 0 { return q + ASCIIBytes.firstMarked(marks) }
      q += 8
    }
    while q + 3 <= bytes.count {
      if bytes[q] == 0x6D && bytes[q + 1] == 0x6D && bytes[q + 2] == 0x65 { return q }
      q += 1
    }
    return nil
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
