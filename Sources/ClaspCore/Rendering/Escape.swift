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
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\n":
        if !previousWasCR { out += lineBreak }
      case "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}": out += lineBreak
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!":
        out += "\\"
        out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
