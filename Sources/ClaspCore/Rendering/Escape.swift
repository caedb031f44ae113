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
    let bytes = text.utf8
    let formula = bytes.first.map { formulaBytes.contains($0) } ?? false
    let needsQuotes = bytes.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }
    guard formula || needsQuotes else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 4)
    if needsQuotes { out.append(0x22) }
    if formula { out.append(0x27) }
    for byte in bytes {
      out.append(byte)
      if byte == 0x22 { out.append(0x22) }
    }
    if needsQuotes { out.append(0x22) }
    return String(decoding: out, as: UTF8.self)
  }

  /// `formulaStarters` as UTF-8 bytes (all ASCII).
  static let formulaBytes: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

  /// One CSV record: escaped fields joined by commas, ended by CRLF as RFC 4180 says.
  public static func csvRecord(_ fields: [String]) -> String {
    fields.map(csvField).joined(separator: ",") + "\r\n"
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
    markdown(text, lineBreak: " ")
  }

  /// Text that renders literally in one GitHub table cell: as `markdown(_:)`, with `|` escaped and line
  /// breaks kept as `<br>`.
  public static func markdownCell(_ text: String) -> String {
    markdown(text, lineBreak: "<br>")
  }

  private static func markdown(_ text: String, lineBreak: String) -> String {
    let bytes = text.utf8
    guard bytes.contains(where: { markdownSpecial[Int($0)] }) else { return text }
    let breakBytes = Array(lineBreak.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    var previous: UInt8 = 0
    // Strings are valid UTF-8, so the bytes after a C2 or E2 lead byte are continuation bytes,
    // never ASCII that would need escaping.
    var iterator = bytes.makeIterator()
    while let byte = iterator.next() {
      defer { previous = byte }
      switch byte {
      case 0x0A:
        if previous != 0x0D { out += breakBytes }
      case 0x0D, 0x0B, 0x0C: out += breakBytes
      case 0x26: out += Array("&amp;".utf8)
      case 0x3C: out += Array("&lt;".utf8)
      case 0x3E: out += Array("&gt;".utf8)
      case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x23, 0x21:
        out.append(0x5C)
        out.append(byte)
      case 0xC2:
        // U+0085 NEXT LINE is C2 85.
        let next = iterator.next()
        if next == 0x85 {
          out += breakBytes
        } else {
          out.append(byte)
          if let next { out.append(next) }
        }
      case 0xE2:
        // U+2028 and U+2029 (line and paragraph separators) are E2 80 A8 and E2 80 A9.
        var lookahead: [UInt8] = []
        while lookahead.count < 2, let next = iterator.next() { lookahead.append(next) }
        if lookahead == [0x80, 0xA8] || lookahead == [0x80, 0xA9] {
          out += breakBytes
        } else {
          out.append(byte)
          out += lookahead
        }
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes that start something `markdown(_:lineBreak:)` rewrites.
  private static let markdownSpecial: [Bool] = (0...255).map { byte in
    [
      0x0A, 0x0D, 0x0B, 0x0C, 0x26, 0x3C, 0x3E, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E,
      0x23, 0x21, 0xC2, 0xE2,
    ]
    .contains(byte)
  }
}
