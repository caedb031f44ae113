/// The typographic shape of one normalised line: indentation, bullet, leading number, content.
struct LineShape {
  /// The line without surrounding whitespace.
  let trimmed: Substring
  /// The content after any bullet marks ("- ", "o ", "- o ").
  let content: Substring
  /// True when the line began with a bullet mark.
  let bulleted: Bool
  /// True when the raw line began with whitespace.
  let indented: Bool

  init(_ line: String) {
    let raw = Substring(line)
    trimmed = raw.trimmingWhitespace()
    // Most lines start with neither white space nor a bullet mark: one byte tells.
    let start = line.utf8.first
    indented =
      (start == 0x20 || start == 0x09) && (Self.startsWith(raw, " ") || Self.startsWith(raw, "\t"))
    var rest = trimmed
    var sawBullet = false
    while let first = rest.utf8.first, first == 0x2D || first == 0x6F {
      if Self.startsWith(rest, "- ") || sawBullet && Self.startsWith(rest, "o ") {
        rest = rest.dropFirst(2).trimmingWhitespace()
        sawBullet = true
      } else if rest == "-" {
        rest = rest.dropFirst()
        sawBullet = true
      } else {
        break
      }
    }
    content = rest
    bulleted = sawBullet
  }

  /// True when `text` starts with the ASCII `prefix` (as `hasPrefix` decides, on bytes).
  private static func startsWith(_ text: Substring, _ prefix: StaticString) -> Bool {
    let onBytes: Bool? = ASCIIBytes.withBytes(text) { bytes in
      guard ASCIIBytes.hasPrefix(prefix, bytes) else { return false }
      // The last byte is a whole character unless a non-ASCII one follows (it may combine).
      let count = prefix.utf8CodeUnitCount
      return bytes.count == count || bytes[count] < 0x80 ? true : nil
    }
    return onBytes ?? text.hasPrefix(prefix.description)
  }

  /// True when the line holds nothing but bullet marks or whitespace.
  var isBlank: Bool { content.isEmpty }
}

/// A number printed at the start of a line: `1.3`, `5.1.2`, `4.`, `2`.
struct LeadingNumber: Equatable {
  let components: [Int]
  /// True when the number was written with a trailing dot (`4.`).
  let trailingDot: Bool
  /// The text after the number and its following whitespace.
  let rest: Substring

  /// The number as printed without a trailing dot (`5.1.2`).
  var printed: String {
    var text = String(components[0])
    for component in components.dropFirst() {
      text += "."
      text += String(component)
    }
    return text
  }

  /// Parses a leading number followed by whitespace and text; `nil` otherwise.
  init?(_ text: Substring) {
    var components: [Int] = []
    var dot = false
    let end: Int? = ASCIIBytes.withBytes(text) { bytes in
      // Most lines start with a letter: no number, nothing allocated.
      guard let first = bytes.first, ASCIIBytes.isDigit(first) else { return nil }
      components.reserveCapacity(4)  // one allocation for any accepted number
      var value = 0
      var digits = 0
      var index = 0
      while index < bytes.count {
        let c = bytes[index]
        if ASCIIBytes.isDigit(c) {
          guard digits < 3 else { return nil }
          value = value * 10 + Int(c - 48)
          digits += 1
          dot = false
        } else if c == 46 && digits > 0 {  // '.'
          components.append(value)
          value = 0
          digits = 0
          dot = true
        } else {
          break
        }
        index += 1
      }
      if digits > 0 { components.append(value) }
      guard components.count <= 4, index < bytes.count else { return nil }
      return bytes[index] == 32 || bytes[index] == 9 ? index : nil
    }
    guard let end else { return nil }
    self.components = components
    self.trailingDot = dot
    self.rest = text[text.utf8.index(text.startIndex, offsetBy: end)...].trimmingWhitespace()
  }
}

extension Substring {
  /// The substring without leading and trailing spaces and tabs.
  func trimmingWhitespace() -> Substring {
    let (start, end) = ASCIIBytes.withBytes(self) { bytes in
      var start = 0
      var end = bytes.count
      while start < end && ASCIIBytes.isBlank(bytes[start]) { start += 1 }
      while end > start && ASCIIBytes.isBlank(bytes[end - 1]) { end -= 1 }
      return (start, end)
    }
    // Most lines need no trimming: slicing (which checks the indices) costs more than the scan.
    if start == 0 && end == utf8.count { return self }
    let from = utf8.index(startIndex, offsetBy: start)
    return self[from..<utf8.index(from, offsetBy: end - start)]
  }

  /// The number of space-separated words.
  var wordCount: Int {
    // Native strings are contiguous: count over the bytes directly (the generic walk costs more
    // than the rest of the line's parse).
    var text = self
    return text.withUTF8(Self.wordCount)
  }

  private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // A word starts at each non-blank byte after a blank one, or at the start; eight at a time.
    func blanks(_ word: UInt64) -> UInt64 {
      ASCIIBytes.bytes(of: word, equalTo: 0x20) | ASCIIBytes.bytes(of: word, equalTo: 0x09)
    }
    var count = 0
    var previousBlank = true
    let words = ASCIIBytes.wordCount(ofBytes: bytes.count)
    for index in 0..<words {
      let blank = blanks(ASCIIBytes.word(bytes, index))
      let before = blank << 8 | (previousBlank ? 0x80 : 0)
      count += ASCIIBytes.markedCount(before & ~blank & ASCIIBytes.highBits)
      previousBlank = blank >> 63 != 0
    }
    for byte in bytes[(words * 8)...] {
      let blank = ASCIIBytes.isBlank(byte)
      if previousBlank && !blank { count += 1 }
      previousBlank = blank
    }
    return count
  }
}

extension StringProtocol {
  /// Collapses runs of whitespace to single spaces and trims the ends.
  func collapsingWhitespace() -> String {
    let collapsed: String? = ASCIIBytes.withBytes(self) { bytes in
      // In ASCII text without carriage returns every space, tab and newline byte is a whole
      // `Character`, so collapsing bytes gives what splitting on characters gives.
      guard ASCIIBytes.isASCII(bytes) else { return nil }
      var ok = true
      let text = String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        var space = false
        for byte in bytes {
          if byte == 0x20 || byte == 0x09 || byte == 0x0A {
            space = count > 0
            continue
          }
          if byte == 0x0D { ok = false }
          if space {
            out[count] = 0x20
            count += 1
          }
          space = false
          out[count] = byte
          count += 1
        }
        return count
      }
      return ok ? text : nil
    }
    return collapsed
      ?? split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
  }
}
