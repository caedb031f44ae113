/// Normalises decoded report text so every later stage sees one plain form.
///
/// Line endings become `\n`; non-breaking and other special spaces become spaces; typographic quotes,
/// dashes, bullets, ellipses and ligatures become ASCII; formatting HTML tags and entities, Markdown
/// headings, rules, emphasis and links are stripped; split ordinals are repaired (`11 th` -> `11th`).
/// The line count is preserved (a stripped rule leaves an empty line), so line numbers still point
/// into the source file. Form feeds are kept: `ExtractionRepair` reads them as page breaks.
///
/// ```swift
/// TextNormaliser.normalise("## 9 <sup>th</sup> June\r\n") // "9th June\n"
/// ```
public enum TextNormaliser {
  /// Returns the normalised form of `text`.
  public static func normalise(_ text: String) -> String {
    normalisedLines(text).joined(separator: "\n")
  }

  /// Returns the normalised lines of `text` (split on `\n`, `\r\n` or `\r`).
  public static func normalisedLines(_ text: String) -> [String] {
    var text = text
    return text.withUTF8(normalisedLines(utf8:))
  }

  /// Returns the normalised lines of the UTF-8 text `bytes`.
  static func normalisedLines(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var lines: [String] = []
    // Room for lines of about 60 bytes up front (the array then rarely grows).
    lines.reserveCapacity(bytes.count / 64 + 16)
    var line: [UInt8] = []
    var scratch: [UInt8] = []
    byteKinds.withUnsafeBufferPointer { byteKinds in
      var start = 0
      let count = bytes.count
      // The next line feed and carriage return at or after `start` (found with memchr, and
      // looked for again only once passed).
      var lineFeed = -1
      var carriageReturn = -1
      while true {
        if lineFeed < start {
          lineFeed = ASCIIBytes.index(of: 0x0A, in: bytes, from: start) ?? count
        }
        if carriageReturn < start {
          carriageReturn = ASCIIBytes.index(of: 0x0D, in: bytes, from: start) ?? count
        }
        var end = min(lineFeed, carriageReturn)
        var kinds: UInt8 = 0
        for index in start..<end { kinds |= byteKinds[Int(bytes[index])] }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let plain = plainLineEnd(raw, kinds: kinds) {
          // Most lines need nothing but their trailing white space removed.
          lines.append(
            String(decoding: UnsafeBufferPointer(rebasing: raw[..<plain]), as: UTF8.self))
        } else {
          line.removeAll(keepingCapacity: true)
          if kinds & ByteKind.special == 0 {
            line.append(contentsOf: raw)
          } else {
            replaceCharacters(raw[...], into: &line)
          }
          stripMarkup(&line, mayHaveMarkup: kinds & ByteKind.markup != 0, scratch: &scratch)
          repairOrdinals(&line, scratch: &scratch)
          removeRepeatedOrdinals(&line)
          lines.append(String(decoding: line, as: UTF8.self))
        }
        if end == count { break }
        if bytes[end] == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A { end += 1 }
        start = end + 1
      }
    }
    return lines
  }

  /// What a byte may call for, as bits.
  private enum ByteKind {
    /// Non-ASCII or a vertical tab: characters to replace.
    static let special: UInt8 = 2
    /// `#`, `*`, `_`, `<`, `&` or `[`: possible markup.
    static let markup: UInt8 = 4
    /// A digit: a possible split ordinal.
    static let digit: UInt8 = 8
  }

  private static let byteKinds: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
    switch byte {
    case 0x0B, 0x80...: ByteKind.special
    case 0x23, 0x2A, 0x5F, 0x3C, 0x26, 0x5B: ByteKind.markup
    case 0x30...0x39: ByteKind.digit
    default: 0
    }
  }

  /// The length of `raw` without trailing white space when that is all normalising would change
  /// (no characters to replace, no markup, no split ordinal), else `nil`.
  private static func plainLineEnd(_ raw: UnsafeBufferPointer<UInt8>, kinds: UInt8) -> Int? {
    guard kinds & (ByteKind.special | ByteKind.markup) == 0 else { return nil }
    var end = raw.count
    while end > 0 && ASCIIBytes.isBlank(raw[end - 1]) { end -= 1 }
    let line = UnsafeBufferPointer(rebasing: raw[..<end])
    if isRule(line[...]) { return nil }
    let ordinal =
      kinds & ByteKind.digit != 0
      && ASCIIBytes.anyDigit(in: line) {
        splitOrdinal(at: $0, in: line) || ordinalBeforeSpace(at: $0, in: line)
      }
    if ordinal { return nil }
    return end
  }

  // MARK: Characters

  private static func replaceCharacters(
    _ bytes: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]
  ) {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      if b < 0x80 && b != 0x0C && b != 0x0B {
        // A run of plain ASCII (most of a report) is copied at once.
        var j = i + 1
        while j < end && bytes[j] < 0x80 && bytes[j] != 0x0C && bytes[j] != 0x0B { j += 1 }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
        i = j
        continue
      }
      if b < 0x80 {
        out.append(b == 0x0B ? 0x20 : b)  // a form feed stays: it marks a page break
        i += 1
        continue
      }
      if b == 0xC2 && i + 1 < end {
        switch bytes[i + 1] {
        case 0xA0:
          out.append(0x20)
          i += 2
          continue
        case 0xAD:
          i += 2
          continue  // soft hyphen
        default: break
        }
      }
      if b == 0xE2 && i + 2 < end {
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        if let replacement = generalPunctuation(b1, b2) {
          out.append(contentsOf: replacement)
          i += 3
          continue
        }
      }
      if b == 0xEF && i + 2 < end {
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        if b1 == 0xAC, let ligature = ligatures[b2] {
          out.append(contentsOf: ligature)
          i += 3
          continue
        }
        if b1 == 0xBB && b2 == 0xBF {
          i += 3
          continue
        }  // stray BOM
        if b1 == 0x82 && b2 == 0xB7 {
          out.append(0x2D)
          i += 3
          continue
        }  // Symbol-font bullet
      }
      out.append(b)
      i += 1
    }
  }

  private static let ligatures: [UInt8: [UInt8]] = [
    0x80: Array("ff".utf8), 0x81: Array("fi".utf8), 0x82: Array("fl".utf8),
    0x83: Array("ffi".utf8), 0x84: Array("ffl".utf8), 0x85: Array("st".utf8),
    0x86: Array("st".utf8),
  ]

  private static let space: [UInt8] = [0x20]
  private static let apostrophe: [UInt8] = [0x27]
  private static let quote: [UInt8] = [0x22]
  private static let dash: [UInt8] = [0x2D]
  private static let nothing: [UInt8] = []
  private static let ellipsis: [UInt8] = Array("...".utf8)

  /// Replacements for U+2000-U+25FF characters encoded as E2 b1 b2.
  private static func generalPunctuation(_ b1: UInt8, _ b2: UInt8) -> [UInt8]? {
    switch (b1, b2) {
    case (0x80, 0x80...0x8A), (0x80, 0xAF), (0x81, 0x9F): space
    case (0x80, 0x8B...0x8D), (0x81, 0xA0): nothing  // zero-width characters
    case (0x80, 0x90...0x95), (0x88, 0x92): dash
    case (0x80, 0x98...0x9B), (0x80, 0xB2): apostrophe
    case (0x80, 0x9C...0x9F), (0x80, 0xB3): quote
    case (0x80, 0xA2), (0x80, 0xA3), (0x81, 0x83), (0x97, 0x8F), (0x96, 0xAA), (0x96, 0xA0): dash
    case (0x80, 0xA6): ellipsis
    default: nil
    }
  }

  // MARK: Markup

  /// Formatting tags removed with their brackets; any other tag is kept as text.
  private static let formattingTags: Set<String> = [
    "b", "i", "u", "em", "strong", "sup", "sub", "span", "p", "br", "div", "font", "a", "small",
    "big", "mark", "s", "strike", "hr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
  ]

  private static let entities: [String: [UInt8]] = [
    "amp": Array("&".utf8), "lt": Array("<".utf8), "gt": Array(">".utf8), "quot": quote,
    "apos": apostrophe, "nbsp": space, "ndash": dash, "mdash": dash, "lsquo": apostrophe,
    "rsquo": apostrophe, "ldquo": quote, "rdquo": quote, "hellip": ellipsis, "bull": dash,
    "pound": Array("£".utf8), "eacute": Array("é".utf8), "frac12": Array("½".utf8),
  ]

  /// Strips `line`'s markup; `mayHaveMarkup` is false when it holds none of `#*_<&[`.
  private static func stripMarkup(
    _ line: inout [UInt8], mayHaveMarkup: Bool, scratch: inout [UInt8]
  ) {
    // Whole-line forms: Markdown rules and headings.
    var first = 0
    while first < line.count && (line[first] == 0x20 || line[first] == 0x09) { first += 1 }
    if isRule(line[first...]) {
      line.removeAll(keepingCapacity: true)
      return
    }
    // Most lines have no markup: then only trailing white space goes. (Text without the
    // characters that start markup comes out of the loop below unchanged but for that.)
    if !mayHaveMarkup {
      while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }
      return
    }
    scratch.removeAll(keepingCapacity: true)
    // Keep the leading indentation (it marks continuation lines and nested bullets).
    scratch.append(contentsOf: line[0..<first])
    var i = first
    if i < line.count && line[i] == 0x23 {  // '#' heading marks
      var j = i
      while j < line.count && line[j] == 0x23 { j += 1 }
      if j - i <= 6 && (j == line.count || line[j] == 0x20) {
        i = j
        while i < line.count && line[i] == 0x20 { i += 1 }
      }
    }
    // A leading "* " bullet becomes "- ".
    if i + 1 < line.count && line[i] == 0x2A && line[i + 1] == 0x20 {
      scratch.append(0x2D)
      i += 1
    }
    line.withUnsafeBufferPointer { line in
      // Text between markup is copied a run at a time.
      var run = i
      func copyRun(upTo end: Int) {
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<end]))
      }
      let kinds = byteKinds
      while i < line.count {
        let b = line[i]
        if kinds[Int(b)] & ByteKind.markup == 0 {
          i += 1
          continue
        }
        if b == 0x2A || (b == 0x5F && i + 1 < line.count && line[i + 1] == 0x5F) {
          // Markdown emphasis: `*`, `**`, `__`.
          copyRun(upTo: i)
          i += b == 0x5F ? 2 : 1
        } else if b == 0x3C, let end = formattingTagEnd(line, from: i) {
          copyRun(upTo: i)
          if isBreakTag(line, from: i) { scratch.append(0x20) }
          i = end
        } else if b == 0x26, let (replacement, end) = entity(line, from: i) {
          copyRun(upTo: i)
          scratch.append(contentsOf: replacement)
          i = end
        } else if b == 0x5B, let (textRange, end) = markdownLink(line, from: i) {
          copyRun(upTo: i)
          scratch.append(contentsOf: UnsafeBufferPointer(rebasing: line[textRange]))
          i = end
        } else {
          i += 1
          continue
        }
        run = i
      }
      copyRun(upTo: line.count)
    }
    while let last = scratch.last, last == 0x20 || last == 0x09 { scratch.removeLast() }
    swap(&line, &scratch)
  }

  private static func isRule<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    var count = 0
    var mark: UInt8 = 0
    for b in bytes {
      if b == 0x20 || b == 0x09 { continue }
      if b != 0x2D && b != 0x2A && b != 0x5F { return false }
      if mark == 0 { mark = b } else if b != mark { return false }
      count += 1
    }
    return count >= 3
  }

  private static func tagName(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)?
  {
    var i = start + 1
    if i < line.count && line[i] == 0x2F { i += 1 }
    let nameStart = i
    while i < line.count, ASCIIBytes.isAlphanumeric(line[i]) { i += 1 }
    guard i > nameStart, i - nameStart <= 10 else { return nil }
    let name = String(decoding: line[nameStart..<i], as: UTF8.self).lowercased()
    return (name, i)
  }

  private static func formattingTagEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int?
  {
    guard let (name, nameEnd) = tagName(line, from: start), formattingTags.contains(name) else {
      return nil
    }
    var i = nameEnd
    while i < line.count && i - start < 300 {
      if line[i] == 0x3E { return i + 1 }
      if line[i] == 0x3C { return nil }
      i += 1
    }
    return nil
  }

  private static func isBreakTag(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    guard let (name, _) = tagName(line, from: start) else { return false }
    return name == "br" || name == "p" || name == "div" || name == "li"
  }

  private static func entity(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> ([UInt8], Int)?
  {
    var i = start + 1
    while i < line.count && i - start <= 10 && line[i] != 0x3B {
      guard ASCIIBytes.isAlphanumeric(line[i]) || line[i] == 0x23 else { return nil }
      i += 1
    }
    guard i < line.count, line[i] == 0x3B, i > start + 1 else { return nil }
    let name = String(decoding: line[(start + 1)..<i], as: UTF8.self)
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value: UInt32? =
        digits.hasPrefix("x") || digits.hasPrefix("X")
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
      var replaced: [UInt8] = []
      replaceCharacters(Array(String(Character(scalar)).utf8), into: &replaced)
      return (replaced, i + 1)
    }
    guard let replacement = entities[name] else { return nil }
    return (replacement, i + 1)
  }

  private static func replaceCharacters(_ bytes: [UInt8], into out: inout [UInt8]) {
    bytes.withUnsafeBufferPointer { replaceCharacters($0[...], into: &out) }
  }

  /// `[text](target)` -> the range of `text` and the index after `)`.
  private static func markdownLink(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> (
    Range<Int>, Int
  )? {
    guard let close = line[(start + 1)...].firstIndex(of: 0x5D), close + 1 < line.count,
      line[close + 1] == 0x28, let end = line[(close + 2)...].firstIndex(of: 0x29)
    else { return nil }
    return ((start + 1)..<close, end + 1)
  }

  // MARK: Ordinals

  /// Joins ordinal suffixes split from their number: `11 th` -> `11th`.
  private static func repairOrdinals(_ line: inout [UInt8], scratch: inout [UInt8]) {
    guard line.count > 3 else { return }
    // Most lines have no split ordinal: look before copying.
    guard hasSplitOrdinal(line) else { return }
    scratch.removeAll(keepingCapacity: true)
    var i = 0
    var changed = false
    while i < line.count {
      let b = line[i]
      scratch.append(b)
      i += 1
      guard ASCIIBytes.isDigit(b), i < line.count, line[i] == 0x20 else { continue }
      var j = i
      while j < line.count && line[j] == 0x20 { j += 1 }
      guard j + 1 < line.count else { continue }
      guard isSuffix(line[j], line[j + 1]),
        j + 2 == line.count || !ASCIIBytes.isAlphanumeric(line[j + 2])
      else { continue }
      scratch.append(line[j])
      scratch.append(line[j + 1])
      i = j + 2
      changed = true
    }
    if changed { swap(&line, &scratch) }
  }

  /// True when `line` has a digit, spaces, then an ordinal suffix ending a word: what
  /// `repairOrdinals` joins.
  private static func hasSplitOrdinal(_ line: [UInt8]) -> Bool {
    line.withUnsafeBufferPointer(hasSplitOrdinal)
  }

  private static func hasSplitOrdinal(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    ASCIIBytes.anyDigit(in: line) { splitOrdinal(at: $0, in: line) }
  }

  /// True when `line` has a digit, an ordinal suffix and a space ("14th "): where a repeat that
  /// `removeRepeatedOrdinals` drops must start.
  private static func mayRepeatOrdinal(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    ASCIIBytes.anyDigit(in: line) { ordinalBeforeSpace(at: $0, in: line) }
  }

  /// True when the digit at `i` is followed by spaces and an ordinal suffix ending a word.
  @inline(__always)
  private static func splitOrdinal(at i: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard i + 1 < line.count, line[i + 1] == 0x20 else { return false }
    var j = i + 1
    while j < line.count && line[j] == 0x20 { j += 1 }
    return j + 1 < line.count && isSuffix(line[j], line[j + 1])
      && (j + 2 == line.count || !ASCIIBytes.isAlphanumeric(line[j + 2]))
  }

  /// True when the digit at `i` is followed by an ordinal suffix and a space.
  @inline(__always)
  private static func ordinalBeforeSpace(at i: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
    i + 3 < line.count && isSuffix(line[i + 1], line[i + 2]) && line[i + 3] == 0x20
  }

  /// Drops the stray repeat extraction leaves after a superscript ordinal:
  /// `14th September th September 2015` -> `14th September 2015`.
  private static func removeRepeatedOrdinals(_ line: inout [UInt8]) {
    guard line.withUnsafeBufferPointer(mayRepeatOrdinal) else { return }
    var i = 0
    while i + 4 < line.count {
      // Find " xx " where xx is an ordinal suffix.
      guard line[i] == 0x20, line[i + 3] == 0x20, isSuffix(line[i + 1], line[i + 2]) else {
        i += 1
        continue
      }
      // The word before it, itself preceded by "<digits><suffix> ".
      var wordStart = i
      while wordStart > 0, ASCIIBytes.isLetter(line[wordStart - 1]) { wordStart -= 1 }
      let word = line[wordStart..<i]
      guard word.count >= 3, wordStart >= 4, line[wordStart - 1] == 0x20,
        isSuffix(line[wordStart - 3], line[wordStart - 2]), ASCIIBytes.isDigit(line[wordStart - 4])
      else {
        i += 1
        continue
      }
      // The same word after it.
      let repeatStart = i + 4
      let repeatEnd = repeatStart + word.count
      guard repeatEnd <= line.count,
        zip(word, line[repeatStart..<repeatEnd]).allSatisfy({
          ASCIIBytes.lower($0) == ASCIIBytes.lower($1)
        }),
        repeatEnd == line.count || !ASCIIBytes.isLetter(line[repeatEnd])
      else {
        i += 1
        continue
      }
      line.removeSubrange(i..<repeatEnd)
    }
  }

  @inline(__always) private static func isSuffix(_ a: UInt8, _ b: UInt8) -> Bool {
    let pair = (ASCIIBytes.lower(a), ASCIIBytes.lower(b))
    return pair == (0x73, 0x74) || pair == (0x6E, 0x64) || pair == (0x72, 0x64)
      || pair == (0x74, 0x68)
  }
}
