/// How a unit evaluates a theme (see the annotation guide).
public enum Polarity: String, Codable, Sendable, Hashable, CaseIterable {
  /// Good practice, strength, compliance or an improvement achieved.
  case positive
  /// A gap, weakness, risk, delay or something that must improve.
  case negative
  /// A real strength and a real gap for the same theme.
  case mixed
  /// The theme is described without an evaluation.
  case neutral

  /// True for `negative` and `mixed`: the unit raises a concern.
  public var isConcern: Bool { self == .negative || self == .mixed }
  /// True for `positive` and `mixed`: the unit reports a strength.
  public var isStrength: Bool { self == .positive || self == .mixed }
}
