/// A parsed CLAS review: metadata, outline, numbered units, blocks, recommendations and cross-references.
public struct Report: Codable, Sendable, Hashable {
  /// The input's name as given to the reader (a path or `-`); never used to derive the area.
  public let source: String
  public let metadata: ReportMetadata
  public let sections: [Section]
  /// Numbered units in document order: findings, then recommendations.
  public let units: [ReportUnit]
  /// Case and practice examples and "What people told us" quotes, in document order.
  public let blocks: [Block]
  public let recommendationGroups: [RecommendationGroup]
  /// Every citation of a recommendation from a finding, in document order.
  public let references: [RecommendationReference]
  /// Problems that did not stop the parse (e.g. a citation of a recommendation the report lacks).
  public let warnings: [String]

  public init(
    source: String, metadata: ReportMetadata, sections: [Section], units: [ReportUnit],
    blocks: [Block], recommendationGroups: [RecommendationGroup],
    references: [RecommendationReference], warnings: [String]
  ) {
    self.source = source
    self.metadata = metadata
    self.sections = sections
    self.units = units
    self.blocks = blocks
    self.recommendationGroups = recommendationGroups
    self.references = references
    self.warnings = warnings
  }

  /// The finding paragraphs that cite the recommendation `id`, in document order.
  public func citations(of id: UnitID) -> [UnitID] {
    var seen = Set<UnitID>()
    return references.filter { $0.to == id && seen.insert($0.from).inserted }.map(\.from)
  }

  /// The unit with `id`, if present.
  public func unit(_ id: UnitID) -> ReportUnit? { units.first { $0.id == id } }
}
