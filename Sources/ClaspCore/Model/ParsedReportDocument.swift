/// The documented JSON form of a parsed report printed by `clasp parse --format json`.
///
/// Schema (version 1): `schema`, `source`, `area`, `slug`, `metadata`, `sections`,
/// `units` (objects with `id` exactly as in the gold unit lists, `section`, `text`, `lines`,
/// `inferred`, `citedRecommendations`, and for recommendations `citedBy`), `blocks`,
/// `recommendationGroups`, `references`, `warnings`.
public struct ParsedReportDocument: Codable, Sendable, Hashable {
  /// The version of this JSON layout.
  public static let schemaVersion = 1

  public struct UnitEntry: Codable, Sendable, Hashable {
    public let id: UnitID
    public let section: SectionID
    public let text: String
    public let lines: LineRange
    public let inferred: Bool
    public let citedRecommendations: [UnitID]
    /// For a recommendation: the paragraphs that cite it.
    public let citedBy: [UnitID]?
  }

  public let schema: Int
  public let source: String
  public let area: String
  public let slug: String
  public let metadata: ReportMetadata
  public let sections: [Section]
  public let units: [UnitEntry]
  public let blocks: [Block]
  public let recommendationGroups: [RecommendationGroup]
  public let references: [RecommendationReference]
  public let warnings: [String]

  public init(_ report: Report) {
    schema = Self.schemaVersion
    source = report.source
    area = report.metadata.area
    slug = report.metadata.slug
    metadata = report.metadata
    sections = report.sections
    var citedBy: [UnitID: [UnitID]] = [:]
    for reference in report.references
    where !(citedBy[reference.to]?.contains(reference.from) ?? false) {
      citedBy[reference.to, default: []].append(reference.from)
    }
    units = report.units.map { unit in
      UnitEntry(
        id: unit.id, section: unit.section, text: unit.text, lines: unit.lines,
        inferred: unit.inferred, citedRecommendations: unit.citedRecommendations,
        citedBy: unit.id.kind == .recommendation ? citedBy[unit.id] ?? [] : nil)
    }
    blocks = report.blocks
    recommendationGroups = report.recommendationGroups
    references = report.references
    warnings = report.warnings
  }
}
