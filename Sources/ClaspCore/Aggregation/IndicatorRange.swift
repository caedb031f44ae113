/// The spread of one indicator kind across areas: "level 3 training compliance ranged from 92% to 93%
/// against targets of 90% and 95%".
public struct IndicatorRange: Codable, Sendable, Hashable {
  /// The kind the figures share.
  public let kind: IndicatorKindID
  /// The unit the figures share.
  public let unit: IndicatorUnit
  /// The rate base or ratio denominator shared by the figures, if any.
  public let base: Double?
  /// The training level shared by the figures, for kinds that record one.
  public let level: Int?
  /// How many figures, and the areas they come from in first-seen order.
  public let count: Int
  public let areas: [String]
  /// The lowest and highest figure (the first printed when several tie).
  public let low: Indicator
  public let high: Indicator
  /// The distinct targets stated for these figures, ascending.
  public let targets: [Double]
  /// The distinct comparators stated for these figures, by basis then value.
  public let comparators: [IndicatorReference]

  /// Makes a range; `low` must not exceed `high`.
  public init(
    kind: IndicatorKindID, unit: IndicatorUnit, base: Double?, level: Int?, count: Int,
    areas: [String],
    low: Indicator, high: Indicator, targets: [Double], comparators: [IndicatorReference] = []
  ) {
    precondition(count >= 1 && low.value <= high.value, "invalid indicator range for \(kind)")
    self.kind = kind
    self.unit = unit
    self.base = base
    self.level = level
    self.count = count
    self.areas = areas
    self.low = low
    self.high = high
    self.targets = targets
    self.comparators = comparators
  }

  /// One range per comparable kind, unit and level, in table order (kinds whose figures measure different
  /// things, such as "compared with the England average", have none).
  /// - Complexity: O(k × n) for k kinds and n figures.
  public static func ranges(of indicators: [Indicator], table: IndicatorTable) -> [IndicatorRange] {
    var out: [IndicatorRange] = []
    for kind in table.kinds where kind.comparable {
      let ofKind = indicators.filter { $0.kind == kind.id }
      var keys: [Key] = []
      for f in ofKind where !keys.contains(Key(f)) { keys.append(Key(f)) }
      for key in keys {
        let figures = ofKind.filter { Key($0) == key }
        var areas: [String] = []
        for f in figures where !areas.contains(f.area) { areas.append(f.area) }
        // min/max keep the first of equal values, so ties resolve to document order.
        let low = figures.min { $0.value < $1.value }!
        let high = figures.max { $0.value < $1.value }!
        out.append(
          IndicatorRange(
            kind: kind.id, unit: key.unit, base: key.base, level: key.level, count: figures.count,
            areas: areas, low: low,
            high: high, targets: Set(figures.compactMap { $0.target?.value }).sorted(),
            comparators: distinct(figures.compactMap(\.comparator))))
      }
    }
    return out
  }

  /// Distinct comparators (by basis and value, keeping the first printing), sorted by basis, value.
  private static func distinct(_ references: [IndicatorReference]) -> [IndicatorReference] {
    var seen: [IndicatorReference] = []
    for r in references where !seen.contains(where: { $0.basis == r.basis && $0.value == r.value })
    {
      seen.append(r)
    }
    return seen.sorted { ($0.basis ?? "", $0.value) < ($1.basis ?? "", $1.value) }
  }

  private struct Key: Equatable {
    let unit: IndicatorUnit
    let base: Double?
    let level: Int?
    init(_ f: Indicator) {
      unit = f.unit
      base = f.base
      level = f.level
    }
  }
}
