/// An ordered, validated set of themes.
public struct Codebook: Codable, Sendable, Hashable {
  /// The codebook format version.
  public let version: Int
  /// Themes in the codebook's order, which is the row order of every output.
  public let themes: [Theme]

  public init(version: Int, themes: [Theme]) {
    self.version = version
    self.themes = themes
  }

  /// The theme with `id`, if any.
  public func theme(_ id: ThemeID) -> Theme? { themes.first { $0.id == id } }

  /// The ids of `id` and all its ancestors, nearest first.
  public func lineage(of id: ThemeID) -> [ThemeID] {
    var out: [ThemeID] = []
    var current: ThemeID? = id
    while let c = current, !out.contains(c) {
      out.append(c)
      current = theme(c)?.parent
    }
    return out
  }
}
