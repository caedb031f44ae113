/// Locale-free, deterministic number formatting for every output.
enum NumberText {
  /// `value` rounded half away from zero to `places` decimals, always printing them ("3.50").
  static func fixed(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard places > 0 else { return sign + String(scaled) }
    let fraction = String(scaled % scale)
    return sign + String(scaled / scale) + "."
      + String(repeating: "0", count: places - fraction.count)
      + fraction
  }

  /// `value` with at most `places` decimals, trailing zeros dropped ("2.5", "3").
  static func compact(_ value: Double, places: Int = 1) -> String {
    var text = fixed(value, places: places)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A measure value: counts as integers, rates with `ratePlaces` decimals.
  static func measure(_ value: Double, _ measure: Measure, ratePlaces: Int) -> String {
    measure.isRate ? fixed(value, places: ratePlaces) : String(Int(value))
  }

  /// A review year, or `unknown`.
  static func year(_ year: Int?) -> String { year.map(String.init) ?? "unknown" }
}
