/// A count with the denominator it is out of ("3 of 78 finding paragraphs").
public struct Tally: Codable, Sendable, Hashable {
  /// What was counted.
  public let count: Int
  /// What it is out of.
  public let denominator: Int

  /// Makes a tally; both parts are non-negative.
  public init(count: Int, of denominator: Int) {
    precondition(count >= 0 && denominator >= 0, "negative tally \(count)/\(denominator)")
    self.count = count
    self.denominator = denominator
  }

  /// The empty tally, the identity of `+`.
  public static let zero = Tally(count: 0, of: 0)

  /// Adds counts and denominators: pooling two groups.
  public static func + (lhs: Tally, rhs: Tally) -> Tally {
    Tally(count: lhs.count + rhs.count, of: lhs.denominator + rhs.denominator)
  }
}
