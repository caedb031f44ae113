/// Renders indicators as a Markdown page: the range of each kind across areas, then each area's
/// classified figures and its other figures, each row pointing back to its unit or section and line.
public enum IndicatorMarkdownRenderer {
  /// The page; areas in the order their first figure is given, kinds in table order.
  public static func render(_ indicators: [Indicator], table: IndicatorTable) -> String {
    render(
      indicators, ranges: IndicatorRange.ranges(of: indicators, table: table), table: table)
  }

  /// The page, with the `ranges` of `indicators` already computed (`Analysis.indicatorRanges`).
  static func render(_ indicators: [Indicator], ranges: [IndicatorRange], table: IndicatorTable)
    -> String
  {
    var out = "# Indicators\n\n"
    out += Self.ranges(ranges, table: table)
    // One pass groups the figures by area (a scan per area was quadratic in a large run).
    var areas: [String] = []
    var figuresOfArea: [String: [Int]] = [:]
    for (index, i) in indicators.enumerated() {
      if figuresOfArea[i.area] == nil { areas.append(i.area) }
      figuresOfArea[i.area, default: []].append(index)
    }
    for area in areas {
      let figures = figuresOfArea[area]!.map { indicators[$0] }
      let classified = figures.filter { $0.kind != nil }
      out += "## \(Escape.markdown(area))\n\n"
      out += "\(classified.count) classified of \(figures.count) figures.\n\n"
      if !classified.isEmpty {
        out +=
          "| kind | figure | level | target | comparator | organisation | period | claimed | where | subject |\n"
        out += "|---|---|---|---|---|---|---|---|---|---|\n"
        for i in classified {
          let label = i.kind.flatMap { table.kind($0)?.label } ?? i.kind?.rawValue ?? ""
          let cells = [
            label, i.text, i.level.map { "level \($0)" } ?? "",
            i.target.map(\.text) ?? "",
            i.comparator.map { $0.text + ($0.basis.map { " (\($0))" } ?? "") } ?? "",
            i.organisation ?? "", i.period ?? "", i.claimed ? "yes" : "",
            "\(i.location) line \(i.line)",
            i.subject,
          ]
          out += "| " + cells.map(Escape.markdownCell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
      }
      let other = figures.filter { $0.kind == nil }
      if !other.isEmpty {
        out += "Other figures: "
        out += other.map { Escape.markdownCell($0.text) + " (\($0.location))" }.joined(
          separator: "; ")
        out += ".\n\n"
      }
    }
    return out
  }

  /// One row per comparable kind and unit: how many figures, from which areas, the range and targets.
  static func ranges(_ indicators: [Indicator], table: IndicatorTable) -> String {
    ranges(IndicatorRange.ranges(of: indicators, table: table), table: table)
  }

  /// The range table of `ranges`.
  static func ranges(_ ranges: [IndicatorRange], table: IndicatorTable) -> String {
    guard !ranges.isEmpty else { return "" }
    var out =
      "| kind | figures | areas | range | targets | comparators |\n|---|---|---|---|---|---|\n"
    for r in ranges {
      let label =
        (table.kind(r.kind)?.label ?? r.kind.rawValue) + (r.level.map { ", level \($0)" } ?? "")
      let range = r.low.value == r.high.value ? r.low.text : r.low.text + " to " + r.high.text
      let targets = r.targets.map { IndicatorText.figure($0, unit: r.unit, base: r.base) }
      let comparators = r.comparators.map { $0.text + ($0.basis.map { " (\($0))" } ?? "") }
      let cells = [
        label, String(r.count), r.areas.joined(separator: ", "), range,
        targets.joined(separator: ", "), comparators.joined(separator: ", "),
      ]
      out += "| " + cells.map(Escape.markdownCell).joined(separator: " | ") + " |\n"
    }
    return out + "\n"
  }

  /// One Markdown-escaped sentence per range for a national summary, citing where the extremes stand:
  /// "Safeguarding training compliance, level 3 ranged from 92% (Bath and North East Somerset,
  /// para:5.3.7) to 100% (Bath and North East Somerset, para:5.3.7) against targets of 90% and 95%;
  /// 3 figures from 2 areas."
  public static func summarySentences(_ ranges: [IndicatorRange], table: IndicatorTable) -> [String]
  {
    ranges.map { r in
      let label = Escape.markdown(
        (table.kind(r.kind)?.label ?? r.kind.rawValue) + (r.level.map { ", level \($0)" } ?? ""))
      func cite(_ i: Indicator) -> String {
        Escape.markdown("\(i.text) (\(i.area), \(i.location))")
      }
      var sentence =
        r.count == 1 || r.low.value == r.high.value
        ? "\(label) was \(cite(r.low))"
        : "\(label) ranged from \(cite(r.low)) to \(cite(r.high))"
      let targets = r.targets.map { IndicatorText.figure($0, unit: r.unit, base: r.base) }
      if !targets.isEmpty {
        let list =
          targets.count == 1
          ? targets[0] : targets.dropLast().joined(separator: ", ") + " and " + targets.last!
        sentence += " against target\(targets.count == 1 ? "" : "s") of \(list)"
      }
      if !r.comparators.isEmpty {
        let list = r.comparators.map {
          Escape.markdown(($0.basis.map { "\($0) " } ?? "") + $0.text)
        }
        sentence += " (compared with \(list.joined(separator: ", ")))"
      }
      let figures = r.count == 1 ? "1 figure" : "\(r.count) figures"
      let areas = r.areas.count == 1 ? "1 area" : "\(r.areas.count) areas"
      return sentence + "; \(figures) from \(areas)."
    }
  }
}
