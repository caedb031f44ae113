/// A figure quoted by a report (a percentage, a rate, an "N out of M", an average score or a count),
/// with where it stands, what it measures and what it is compared with.
///
/// Targets and comparators stated beside a figure are fields of that figure, not figures of their own;
/// a target or comparator with no figure to attach to in its sentence is a figure with that `role`.
public struct Indicator: Codable, Sendable, Hashable {
  /// The area of the report the figure comes from.
  public let area: String
  /// The kind from the indicator table, or `nil` when the figure matches none.
  public let kind: IndicatorKindID?
  /// The figure as a number (`93` for `93%`, `2.4` for `2.4 per 1,000`).
  public let value: Double
  /// What the figure counts.
  public let unit: IndicatorUnit
  /// The rate's base (`1000` for "per 1,000") or the ratio's denominator (`M` of "N out of M").
  public let base: Double?
  /// The figure as printed (`93%`, `2.4 per 1,000`).
  public let text: String
  /// What the figure is in its sentence: a figure, or a target or comparator standing alone.
  public let role: IndicatorRole
  /// The training level (`3` for "level 3", "level three") when the kind records one.
  public let level: Int?
  /// The target stated for this figure in the same sentence ("against a target of 90%").
  public let target: IndicatorReference?
  /// The comparator stated for this figure in the same sentence ("vs an England average of 87.8%").
  public let comparator: IndicatorReference?
  /// The organisation the figure's clause (else its sentence, when it names only one) names, as the
  /// report's provider list, commissioners or recommendation addressees spell it.
  public let organisation: String?
  /// The period stated for the figure ("last quarter", "2014/15", "2015").
  public let period: String?
  /// True when the report attributes the figure to someone ("we were told", "managers report")
  /// rather than stating it as observed or published.
  public let claimed: Bool
  /// The clause of the sentence that belongs to this figure: its subject, figure and comparator.
  public let subject: String
  /// The whole sentence.
  public let sentence: String
  /// The numbered unit the sentence stands in, or `nil` for the prose sections (context, method).
  public let unitID: UnitID?
  /// The section the sentence stands in.
  public let section: SectionID
  /// The source line the sentence starts on (the unit's first line when a unit's lines were not
  /// contiguous).
  public let line: Int

  /// Makes a figure; `base` must be given exactly for rates and ratios, and `line` is 1-based.
  public init(
    area: String, kind: IndicatorKindID?, value: Double, unit: IndicatorUnit, base: Double?,
    text: String, role: IndicatorRole, level: Int?, target: IndicatorReference?,
    comparator: IndicatorReference?, organisation: String?, period: String?, claimed: Bool,
    subject: String, sentence: String, unitID: UnitID?, section: SectionID, line: Int
  ) {
    precondition(line >= 1, "invalid line \(line)")
    precondition(
      unit.hasBase == (base != nil), "\(unit) figure with base \(String(describing: base))")
    self.area = area
    self.kind = kind
    self.value = value
    self.unit = unit
    self.base = base
    self.text = text
    self.role = role
    self.level = level
    self.target = target
    self.comparator = comparator
    self.organisation = organisation
    self.period = period
    self.claimed = claimed
    self.subject = subject
    self.sentence = sentence
    self.unitID = unitID
    self.section = section
    self.line = line
  }

  /// Where the figure stands: the unit id, else the section id.
  public var location: String { unitID?.rawValue ?? "section:" + section.rawValue }
}

/// What a figure counts.
public enum IndicatorUnit: String, Codable, Sendable, Hashable, CaseIterable {
  /// `93%`, `93 per cent`.
  case percent
  /// `2.4 per 1,000`; the base is the `per` number.
  case rate
  /// `12 out of 15`; the base is the denominator.
  case ratio
  /// A number the table classifies as an average score (`16.3`).
  case score
  /// A number the table classifies as a count (`64 children`).
  case count

  /// True for the units that carry a base.
  public var hasBase: Bool { self == .rate || self == .ratio }
}

/// The part a number plays in its sentence.
public enum IndicatorRole: String, Codable, Sendable, Hashable, CaseIterable {
  case figure
  case target
  case comparator
}

/// A target or comparator stated for a figure.
public struct IndicatorReference: Codable, Sendable, Hashable {
  /// The target or comparator as a number.
  public let value: Double
  /// The reference as printed (`95%`, `1.8 per 1,000`).
  public let text: String
  /// What the value is: `target`, `England average`, `national average`, ...; `nil` when the
  /// sentence compares without saying with what.
  public let basis: String?

  /// Makes a reference.
  public init(value: Double, text: String, basis: String?) {
    self.value = value
    self.text = text
    self.basis = basis
  }
}
