/// The detection rules of one theme, as written in the codebook.
public struct ThemeRules: Codable, Sendable, Hashable {
  /// Patterns any of which marks a mention of the theme.
  public let include: [String]
  /// Patterns whose match cancels an overlapping include match ("supervised contact").
  public let exclude: [String]
  /// Groups of patterns each of which must also match in the same sentence.
  public let requireAll: [[String]]

  public init(include: [String], exclude: [String] = [], requireAll: [[String]] = []) {
    self.include = include
    self.exclude = exclude
    self.requireAll = requireAll
  }
}
