/// Renders indicators as CSV (RFC 4180, CRLF line ends), one row per figure in the order given.
///
/// Columns: `area, location, line, kind, value, unit, base, text, role, level, target,
/// comparator, comparator_basis, organisation, period, claimed, subject, sentence`; empty fields for
/// absent values.
public enum IndicatorCSVRenderer {
  /// The header row's fields.
  public static let columns = [
    "area", "location", "line", "kind", "value", "unit", "base", "text", "role", "level", "target",
    "comparator", "comparator_basis", "organisation", "period", "claimed", "subject", "sentence",
  ]

  /// The CSV text, header first.
  public static func render(_ indicators: [Indicator]) -> String {
    var out = Escape.csvRecord(columns)
    for i in indicators {
      out += Escape.csvRecord([
        i.area, i.location, String(i.line), i.kind?.rawValue ?? "", IndicatorText.number(i.value),
        i.unit.rawValue, i.base.map(IndicatorText.number) ?? "", i.text, i.role.rawValue,
        i.level.map(String.init) ?? "", i.target.map { IndicatorText.number($0.value) } ?? "",
        i.comparator.map { IndicatorText.number($0.value) } ?? "", i.comparator?.basis ?? "",
        i.organisation ?? "", i.period ?? "", i.claimed ? "true" : "false", i.subject, i.sentence,
      ])
    }
    return out
  }
}
