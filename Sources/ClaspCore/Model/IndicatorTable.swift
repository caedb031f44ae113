/// The indicator kinds and the phrases that mark targets, comparators, attributions and periods.
///
/// `IndicatorExtractor` classifies figures with it; the default is `Data/indicators.json`.
///
/// Every phrase is a codebook `Pattern` (words matched as consecutive words; lowercase words ignore
/// case, words with capitals match as written, a trailing `*` makes a prefix).
public struct IndicatorTable: Sendable, Hashable {
  /// The format version (1).
  public let version: Int
  /// Kinds in priority order: a figure takes the first kind whose rule it satisfies.
  public let kinds: [IndicatorKind]
  /// Phrases that make a number a target or comparator, most specific first.
  public let references: [IndicatorReferenceRule]
  /// Phrases that attribute a sentence's figures to someone ("we were told", "managers report").
  public let claimCues: [String]
  /// Phrases naming a period ("last quarter"); years and `2014/15` are recognised without them.
  public let periodCues: [String]
  /// Phrases before a figure that continue the previous figure's subject ("rising to 71%"): such a
  /// figure takes the previous figure's kind when its own clause matches none.
  public let continuationCues: [String]

  /// Makes a table; every phrase must parse as a `Pattern` (`IndicatorTable.decode` reports a bad one
  /// with its JSON path instead).
  public init(
    version: Int, kinds: [IndicatorKind], references: [IndicatorReferenceRule], claimCues: [String],
    periodCues: [String], continuationCues: [String] = []
  ) {
    precondition(Set(kinds.map(\.id)).count == kinds.count, "duplicate indicator kind ids")
    var phrases: [String] = claimCues + periodCues + continuationCues
    for kind in kinds {
      phrases += kind.clause.flatMap { $0 } + kind.context.flatMap { $0 } + kind.exclude
    }
    for reference in references { phrases += reference.before + reference.after }
    for phrase in phrases {
      precondition((try? Pattern(parsing: phrase)) != nil, "invalid indicator phrase \"\(phrase)\"")
    }
    self.version = version
    self.kinds = kinds
    self.references = references
    self.claimCues = claimCues
    self.periodCues = periodCues
    self.continuationCues = continuationCues
  }

  /// The kind with `id`, if the table has it.
  public func kind(_ id: IndicatorKindID) -> IndicatorKind? { kinds.first { $0.id == id } }
}

/// One kind of indicator and the rule that recognises it.
///
/// A figure is of this kind when its unit and role are among the kind's, every `clause` group has a
/// phrase in the figure's clause, every `context` group has a phrase in the figure's sentence or the
/// sentence before it in the same paragraph, no `exclude` phrase is in the clause, and, when
/// `comparatorBases` is not empty, the figure has a comparator with one of those bases.
public struct IndicatorKind: Sendable, Hashable {
  /// The kind's id, lowercase snake_case.
  public let id: IndicatorKindID
  /// A short name for tables.
  public let label: String
  /// What the kind measures, for analysts reviewing the table.
  public let definition: String
  /// The units a figure of this kind may have.
  public let units: [IndicatorUnit]
  /// The roles it may play (`figure`, or `target` for a target standing alone).
  public let roles: [IndicatorRole]
  /// Phrase groups that must each match in the figure's clause.
  public let clause: [[String]]
  /// Phrase groups that must each match in the sentence or the one before it.
  public let context: [[String]]
  /// Phrases that must not appear in the clause.
  public let exclude: [String]
  /// When not empty, the comparator bases one of which the figure must have.
  public let comparatorBases: [String]
  /// True when the kind records the training level named in the clause.
  public let recordsLevel: Bool
  /// False when figures of this kind measure different things (every "vs England average"
  /// comparison), so no range across areas is given.
  public let comparable: Bool

  /// Makes a kind; it needs units, roles, and clause phrases or comparator bases.
  public init(
    id: IndicatorKindID, label: String, definition: String, units: [IndicatorUnit],
    roles: [IndicatorRole] = [.figure], clause: [[String]], context: [[String]] = [],
    exclude: [String] = [], comparatorBases: [String] = [], recordsLevel: Bool = false,
    comparable: Bool = true
  ) {
    precondition(!units.isEmpty && !roles.isEmpty, "indicator kind \(id) needs units and roles")
    precondition(
      !clause.isEmpty || !comparatorBases.isEmpty, "indicator kind \(id) can never match")
    self.id = id
    self.label = label
    self.definition = definition
    self.units = units
    self.roles = roles
    self.clause = clause
    self.context = context
    self.exclude = exclude
    self.comparatorBases = comparatorBases
    self.recordsLevel = recordsLevel
    self.comparable = comparable
  }
}

/// Phrases that make the number right after (`before`) or right before (`after`) them a target or
/// comparator: "target of" 95%, "England average of" 87.8%, 89.7% "England average".
public struct IndicatorReferenceRule: Sendable, Hashable {
  /// `.target` or `.comparator`.
  public let role: IndicatorRole
  /// What the reference is (`England average`); `nil` for a bare "compared with".
  public let basis: String?
  /// Phrases that end just before the number ("target of").
  public let before: [String]
  /// Phrases that start just after the number ("England average").
  public let after: [String]

  /// Makes a rule; `role` is `.target` or `.comparator`.
  public init(role: IndicatorRole, basis: String?, before: [String], after: [String]) {
    precondition(role != .figure, "a reference rule marks a target or a comparator")
    self.role = role
    self.basis = basis
    self.before = before
    self.after = after
  }
}
