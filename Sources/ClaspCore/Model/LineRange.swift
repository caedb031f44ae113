/// A 1-based, inclusive range of lines in the normalised source text.
public struct LineRange: Codable, Sendable, Hashable {
  public let first: Int
  public let last: Int

  public init(first: Int, last: Int) {
    precondition(first >= 1 && last >= first, "invalid line range \(first)-\(last)")
    self.first = first
    self.last = last
  }
}
