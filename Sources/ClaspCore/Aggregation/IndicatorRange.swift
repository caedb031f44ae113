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
  ///
  /// Figures are grouped by position in one pass, so each is read a constant number of times and
  /// copied only when it is a range's low or high.
  /// - Complexity: O(k + n) dictionary operations for k kinds and n figures.
  public static func ranges(of indicators: [Indicator], table: IndicatorTable) -> [IndicatorRange] {
    // The positions of the figures of each kind, unit, base and level, and the groups of each kind
    // in first-seen order.
    var slots: [Slot: Int] = [:]
    var groups: [(key: Key, positions: [Int])] = []
    var groupsOfKind: [IndicatorKindID: [Int]] = [:]
    for (position, figure) in indicators.enumerated() {
      guard let kind = figure.kind else { continue }
      let slot = Slot(kind: kind, key: Key(figure))
      if let group = slots[slot] {
        groups[group].positions.append(position)
      } else {
        slots[slot] = groups.count
        groupsOfKind[kind, default: []].append(groups.count)
        groups.append((slot.key, [position]))
      }
    }
    var out: [IndicatorRange] = []
    for kind in table.kinds where kind.comparable {
      for group in groupsOfKind[kind.id] ?? [] {
        let (key, positions) = groups[group]
        var areas: [String] = []
        var seenAreas = Set<String>()
        // The first of equal values wins, so ties resolve to document order.
        var low = positions[0]
        var high = positions[0]
        var targets = Set<Double>()
        var comparators: [IndicatorReference] = []
        for position in positions {
          // Fields are read in place: copying a figure would retain all of its strings.
          let area = indicators[position].area
          if seenAreas.insert(area).inserted { areas.append(area) }
          let value = indicators[position].value
          if value < indicators[low].value { low = position }
          if indicators[high].value < value { high = position }
          if let target = indicators[position].target?.value { targets.insert(target) }
          if let comparator = indicators[position].comparator { comparators.append(comparator) }
        }
        out.append(
          IndicatorRange(
            kind: kind.id, unit: key.unit, base: key.base, level: key.level,
            count: positions.count, areas: areas, low: indicators[low], high: indicators[high],
            targets: targets.sorted(), comparators: distinct(comparators)))
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

  private struct Slot: Hashable {
    let kind: IndicatorKindID
    let key: Key
  }

  private struct Key: Hashable {
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
