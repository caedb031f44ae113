/// A codebook theme: what it means, where it sits in the hierarchy, and the rules that detect it.
public struct Theme: Codable, Sendable, Hashable, Identifiable {
  public let id: ThemeID
  /// A short human label ("Safeguarding supervision").
  public let label: String
  /// One paragraph saying what the theme covers and excludes.
  public let definition: String
  /// The parent theme, for roll-ups.
  public let parent: ThemeID?
  /// The detection rules.
  public let rules: ThemeRules

  public init(id: ThemeID, label: String, definition: String, parent: ThemeID?, rules: ThemeRules) {
    self.id = id
    self.label = label
    self.definition = definition
    self.parent = parent
    self.rules = rules
  }
}
