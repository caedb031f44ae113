/// Renders indicators as a Markdown page: the range of each kind across areas, then each area's
/// classified figures and its other figures, each row pointing back to its unit or section and line.
public enum IndicatorMarkdownRenderer {
  /// The page; areas in the order their first figure is given, kinds in table order.
  public static func render(_ indicators: [Indicator], table: IndicatorTable) -> String {
    var out = "# Indicators\n\n"
    out += ranges(indicators, table: table)
    var areas: [String] = []
    for i in indicators where !areas.contains(i.area) { areas.append(i.area) }
    for area in areas {
      let figures = indicators.filter { $0.area == area }
      let classified = figures.filter { $0.kind != nil }
      out += "## \(IndicatorText.markdownCell(area))\n\n"
      out += "\(classified.count) classified of \(figures.count) figures.\n\n"
      if !classified.isEmpty {
        out += "| kind | figure | level | target | comparator | organisation | period | claimed | where | subject |\n"
        out += "|---|---|---|---|---|---|---|---|---|---|\n"
        for i in classified {
          let label = i.kind.flatMap { table.kind($0)?.label } ?? i.kind?.rawValue ?? ""
          let cells = [
            label, figure(i), i.level.map { "level \($0)" } ?? "",
            i.target.map(\.text) ?? "",
            i.comparator.map { $0.text + ($0.basis.map { " (\($0))" } ?? "") } ?? "",
            i.organisation ?? "", i.period ?? "", i.claimed ? "yes" : "", "\(i.location) line \(i.line)",
            i.subject,
          ]
          out += "| " + cells.map(IndicatorText.markdownCell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
      }
      let other = figures.filter { $0.kind == nil }
      if !other.isEmpty {
        out += "Other figures: "
        out += other.map { IndicatorText.markdownCell(figure($0)) + " (\($0.location))" }.joined(separator: "; ")
        out += ".\n\n"
      }
    }
    return out
  }

  static func figure(_ i: Indicator) -> String {
    IndicatorText.figure(i.value, unit: i.unit, base: i.base)
  }

  /// One row per kind with figures: how many, in how many areas, the range, and the targets stated.
  static func ranges(_ indicators: [Indicator], table: IndicatorTable) -> String {
    var rows = ""
    for kind in table.kinds {
      let figures = indicators.filter { $0.kind == kind.id }
      guard let low = figures.min(by: { $0.value < $1.value }),
        let high = figures.max(by: { $0.value < $1.value })
      else { continue }
      var areas: [String] = []
      for f in figures where !areas.contains(f.area) { areas.append(f.area) }
      let targets = Set(figures.compactMap { $0.target?.value }).sorted().map {
        IndicatorText.number($0) + (figures.first?.unit == .percent ? "%" : "")
      }
      let range = low.value == high.value ? figure(low) : figure(low) + " to " + figure(high)
      let cells = [
        kind.label, String(figures.count), areas.joined(separator: ", "), range,
        targets.joined(separator: ", "),
      ]
      rows += "| " + cells.map(IndicatorText.markdownCell).joined(separator: " | ") + " |\n"
    }
    guard !rows.isEmpty else { return "" }
    return "| kind | figures | areas | range | targets |\n|---|---|---|---|---|\n" + rows + "\n"
  }
}
