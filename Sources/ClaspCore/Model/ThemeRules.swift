/// The detection rules of one theme, as written in the codebook (patterns in the `Pattern` language).
///
/// A unit is coded with the theme when the theme is the point of at least one of its sentences:
/// a `strong` pattern matches, or `include` patterns match in `minSentences` sentences, or in the
/// unit's first sentence, or anywhere in a unit of at most two sentences. A match counts only when no
/// `exclude` pattern overlaps it; an `include` match counts only when every `context` group also
/// matches in the same sentence (IHA timeliness: an IHA mention and a timing word).
public struct ThemeRules: Codable, Sendable, Hashable {
  /// Patterns one match of which makes the theme substantive, whatever the context.
  public let strong: [String]
  /// Patterns that mark a mention of the theme.
  public let include: [String]
  /// Patterns whose match cancels an overlapping `strong` or `include` match ("supervised contact").
  public let exclude: [String]
  /// Groups of patterns; each group must match in a sentence for an `include` match to count there.
  public let context: [[String]]
  /// How many sentences with `include` matches make the theme substantive on their own.
  public let minSentences: Int

  public init(
    strong: [String] = [], include: [String], exclude: [String] = [], context: [[String]] = [],
    minSentences: Int = 2
  ) {
    precondition(minSentences >= 1, "minSentences must be at least 1")
    self.strong = strong
    self.include = include
    self.exclude = exclude
    self.context = context
    self.minSentences = minSentences
  }
}
