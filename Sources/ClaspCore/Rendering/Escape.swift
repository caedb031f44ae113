/// Every escaping rule of the outputs, in one place: CSV fields, Markdown text and HTML text.
///
/// Report text is untrusted: it can hold `|`, `=HYPERLINK(...)`, `<script>` or line breaks. Renderers
/// pass every piece of report or codebook text through one of these functions.
public enum Escape {
  /// The characters that make a spreadsheet read a cell as a formula when they start it.
  static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// One CSV field per RFC 4180, safe to open in a spreadsheet.
  ///
  /// A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so no spreadsheet runs it
  /// as a formula; a field containing `"`, `,`, CR or LF is quoted with inner quotes doubled.
  public static func csvField(_ text: String) -> String {
    var out: [UInt8] = []
    appendCSVField(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `csvField(text)` to `out` without making a `String`.
  static func appendCSVField(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendCSVField($0, to: &out) }
  }

  /// Appends `csvField` of the UTF-8 text `bytes` to `out`.
  static func appendCSVField<Out: ByteOutput>(
    _ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out
  ) {
    let formula = bytes.first.map(isFormulaStart) ?? false
    let needsQuotes = needsCSVQuotes(bytes)
    guard formula || needsQuotes else {
      out.append(contentsOf: bytes)
      return
    }
    if needsQuotes { out.append(0x22) }
    if formula { out.append(0x27) }
    appendDoublingQuotes(bytes, to: &out)
    if needsQuotes { out.append(0x22) }
  }

  /// Appends `csvField` of `count` pieces of UTF-8 text joined by `separator`, without joining
  /// them first; `piece(i)` gives the bytes of piece `i`.
  ///
  /// - Parameter separator: an ASCII byte other than `"`.
  @inline(__always)
  static func appendCSVField<Out: ByteOutput>(
    joining count: Int, separator: UInt8, to out: inout Out,
    piece: (Int) -> UnsafeBufferPointer<UInt8>
  ) {
    precondition(separator < 0x80 && separator != 0x22, "separator must be ASCII and not a quote")
    let first = count > 0 ? piece(0).first ?? (count > 1 ? separator : nil) : nil
    let formula = first.map(isFormulaStart) ?? false
    var needsQuotes = count > 1 && isCSVSpecial(separator)
    var i = 0
    while !needsQuotes && i < count {
      needsQuotes = needsCSVQuotes(piece(i))
      i += 1
    }
    if needsQuotes { out.append(0x22) }
    if formula { out.append(0x27) }
    for i in 0..<count {
      if i > 0 { out.append(separator) }
      if needsQuotes {
        appendDoublingQuotes(piece(i), to: &out)
      } else {
        out.append(contentsOf: piece(i))
      }
    }
    if needsQuotes { out.append(0x22) }
  }

  /// Appends `csvField(pieces.joined(separator:))` to `out` without joining the pieces first.
  ///
  /// - Parameter separator: an ASCII byte other than `"`.
  static func appendCSVField(joining pieces: [String], separator: UInt8, to out: inout [UInt8]) {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    for var piece in pieces {
      piece.withUTF8 { bytes.append(contentsOf: $0) }
      ends.append(bytes.count)
    }
    bytes.withUnsafeBufferPointer { all in
      appendCSVField(joining: pieces.count, separator: separator, to: &out) { i in
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(rebasing: all[start..<ends[i]])
      }
    }
  }

  private static func needsCSVQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    ASCIIBytes.firstIndex(in: bytes, from: 0, marks: csvSpecialBytes, test: isCSVSpecial)
      < bytes.count
  }

  /// `"`, `,`, CR or LF: the bytes that make a CSV field need quotes.
  @inline(__always)
  private static func isCSVSpecial(_ byte: UInt8) -> Bool {
    byte == 0x22 || byte == 0x2C || byte == 0x0D || byte == 0x0A
  }

  /// Marks the bytes of `word` that `isCSVSpecial` passes.
  @inline(__always)
  private static func csvSpecialBytes(_ word: UInt64) -> UInt64 {
    ASCIIBytes.bytes(of: word, equalTo: 0x22) | ASCIIBytes.bytes(of: word, equalTo: 0x2C)
      | ASCIIBytes.bytes(of: word, equalTo: 0x0D) | ASCIIBytes.bytes(of: word, equalTo: 0x0A)
  }

  /// True for the UTF-8 byte of each of `formulaStarters` (all ASCII), tested without a set: this
  /// runs for every field written.
  @inline(__always)
  static func isFormulaStart(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
    default: false
    }
  }

  /// Appends `bytes` with every `"` doubled.
  private static func appendDoublingQuotes<Out: ByteOutput>(
    _ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out
  ) {
    var start = 0
    while let quote = ASCIIBytes.index(of: 0x22, in: bytes, from: start) {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...quote]))
      out.append(0x22)  // doubled
      start = quote + 1
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
  }

  /// One CSV record: escaped fields joined by commas, ended by CRLF as RFC 4180 says.
  public static func csvRecord(_ fields: [String]) -> String {
    var out: [UInt8] = []
    appendCSVRecord(fields, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `csvRecord(fields)` to `out` without making a `String`.
  static func appendCSVRecord(_ fields: [String], to out: inout [UInt8]) {
    for (i, field) in fields.enumerated() {
      if i > 0 { out.append(0x2C) }
      appendCSVField(field, to: &out)
    }
    out.append(0x0D)
    out.append(0x0A)
  }

  /// Text safe inside HTML elements and double- or single-quoted attributes.
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// Text that renders literally in a Markdown paragraph or heading: HTML-escaped, Markdown
  /// punctuation backslash-escaped, line breaks folded to spaces.
  public static func markdown(_ text: String) -> String {
    var out: [UInt8] = []
    appendMarkdown(text, cell: false, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Text that renders literally in one GitHub table cell: as `markdown(_:)`, with `|` escaped and line
  /// breaks kept as `<br>`.
  public static func markdownCell(_ text: String) -> String {
    var out: [UInt8] = []
    appendMarkdown(text, cell: true, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `markdownCell(text)` (when `cell`) or `markdown(text)` to `out`.
  static func appendMarkdown(_ text: String, cell: Bool, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendMarkdown($0, cell: cell, to: &out) }
  }

  /// Appends `markdownCell` (when `cell`) or `markdown` of the UTF-8 text `bytes` to `out`.
  ///
  /// Runs of bytes that need no rewriting are copied whole; the bytes after a C2 or E2 lead byte
  /// are continuation bytes in valid UTF-8 (never ASCII that would need escaping) and are copied
  /// with their lead byte unless they form NEL, LS or PS.
  static func appendMarkdown<Out: ByteOutput>(
    _ bytes: UnsafeBufferPointer<UInt8>, cell: Bool, to out: inout Out
  ) {
    func lineBreak() {
      if cell { out += cellBreak } else { out.append(0x20) }
    }
    // The lead byte of the last character written: an LF after a CR is part of one line break.
    var previous: UInt8 = 0
    var i = 0
    while i < bytes.count {
      let end = firstMarkdownSpecial(in: bytes, from: i)
      if end > i {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
        previous = bytes[end - 1]
        i = end
        guard i < bytes.count else { break }
      }
      let byte = bytes[i]
      i += 1
      switch byte {
      case 0x0A:
        if previous != 0x0D { lineBreak() }
      case 0x0D, 0x0B, 0x0C: lineBreak()
      case 0x26: out += htmlAmp
      case 0x3C: out += htmlLess
      case 0x3E: out += htmlGreater
      case 0xC2:
        // U+0085 NEXT LINE is C2 85.
        if i < bytes.count && bytes[i] == 0x85 {
          i += 1
          lineBreak()
        } else {
          out.append(byte)
          if i < bytes.count {
            out.append(bytes[i])
            i += 1
          }
        }
      case 0xE2:
        // U+2028 and U+2029 (line and paragraph separators) are E2 80 A8 and E2 80 A9.
        let end = min(i + 2, bytes.count)
        if end - i == 2 && bytes[i] == 0x80 && (bytes[i + 1] == 0xA8 || bytes[i + 1] == 0xA9) {
          lineBreak()
        } else {
          out.append(byte)
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
        }
        i = end
      default:  // Markdown punctuation: \ ` * _ [ ] | ~ # !
        out.append(0x5C)
        out.append(byte)
      }
      previous = byte
    }
  }

  /// 1 for each byte `isMarkdownSpecial` passes, 0 for the others.
  private static let markdownSpecials: [UInt8] = (0...255).map {
    isMarkdownSpecial(UInt8($0)) ? 1 : 0
  }

  /// The index of the first byte at or after `start` that `isMarkdownSpecial` passes (the count
  /// when there is none), looked up in a table eight bytes at a time: report text is mostly runs
  /// that need no rewriting.
  @inline(__always)
  private static func firstMarkdownSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int
  {
    markdownSpecials.withUnsafeBufferPointer { table in
      var i = start
      while i + 8 <= bytes.count {
        let p = bytes.baseAddress! + i
        let marks =
          table[Int(p[0])] | table[Int(p[1])] | table[Int(p[2])] | table[Int(p[3])]
          | table[Int(p[4])] | table[Int(p[5])] | table[Int(p[6])] | table[Int(p[7])]
        if marks != 0 { break }
        i += 8
      }
      while i < bytes.count && table[Int(bytes[i])] == 0 { i += 1 }
      return i
    }
  }

  private static let htmlAmp = Array("&amp;".utf8)
  private static let htmlLess = Array("&lt;".utf8)
  private static let htmlGreater = Array("&gt;".utf8)
  private static let cellBreak = Array("<br>".utf8)

  /// True for the bytes that start something `appendMarkdown` rewrites.
  ///
  /// Line breaks (LF, VT, FF, CR, and the lead bytes C2 and E2 of NEL, LS and PS), `& < >`, and
  /// the Markdown punctuation `! # * [ \ ] _ ` | ~`. `appendMarkdown` scans with a table made
  /// from this test.
  @inline(__always)
  static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
    let low: UInt64 =
      1 << 0x0A | 1 << 0x0B | 1 << 0x0C | 1 << 0x0D | 1 << 0x21 | 1 << 0x23 | 1 << 0x26 | 1 << 0x2A
      | 1 << 0x3C | 1 << 0x3E
    let high: UInt64 =
      1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5D - 64) | 1 << (0x5F - 64) | 1 << (0x60 - 64)
      | 1 << (0x7C - 64) | 1 << (0x7E - 64)
    if byte < 64 { return low >> byte & 1 != 0 }
    if byte < 128 { return high >> (byte - 64) & 1 != 0 }
    return byte == 0xC2 || byte == 0xE2
  }
}
