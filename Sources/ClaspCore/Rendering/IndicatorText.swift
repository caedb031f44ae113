/// Number formatting and escaping for the indicator renderers.
// TODO: use shared CSV escaping (Rendering/Escape.swift on the aggregation branch) once it lands.
enum IndicatorText {
  /// A value as the reports print it: no trailing `.0`, otherwise the shortest exact decimal.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// A figure with its unit: `93%`, `2.4 per 1,000`, `12 out of 15`, `16.3`.
  static func figure(_ value: Double, unit: IndicatorUnit, base: Double?) -> String {
    switch unit {
    case .percent: number(value) + "%"
    case .rate: number(value) + " per " + grouped(base ?? 0)
    case .ratio: number(value) + " out of " + number(base ?? 0)
    case .score, .count: number(value)
    }
  }

  /// An integer with thousands commas (`10,000`).
  static func grouped(_ value: Double) -> String {
    guard value == value.rounded(), abs(value) < 1e15 else { return number(value) }
    let digits = Array(String(Int(value)))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }

  /// One CSV field: a leading `'` before a formula starter, quoted when it holds `"`, `,`, CR or LF.
  static func csvField(_ text: String) -> String {
    var field = text
    if let first = field.first, "=+-@\t\r".contains(first) { field = "'" + field }
    guard field.utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A })
    else {
      return field
    }
    var quoted = "\""
    for c in field { quoted += c == "\"" ? "\"\"" : String(c) }
    return quoted + "\""
  }

  static func csvRecord(_ fields: [String]) -> String {
    fields.map(csvField).joined(separator: ",") + "\r\n"
  }

  /// Text that renders literally in one Markdown table cell.
  static func markdownCell(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\r": out += " "
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
