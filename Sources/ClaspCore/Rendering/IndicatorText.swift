/// Number formatting for the indicator renderers (escaping is `Escape`'s).
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
}
