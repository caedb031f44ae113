/// What the outputs say about one analysed report: its metadata, unit counts and warnings.
public struct ReportSummary: Codable, Sendable, Hashable, Comparable {
  /// The area id, from the report title.
  public let area: AreaID
  /// The review year, if the report states it.
  public let reviewYear: Int?
  /// Everything the reader found at the head of the report.
  public let metadata: ReportMetadata
  /// Finding paragraphs in the report.
  public let paragraphs: Int
  /// Recommendation items in the report.
  public let recommendations: Int
  /// Findings coded (one per theme per unit, before roll-up).
  public let findings: Int
  /// Units with at least one finding.
  public let codedUnits: Int
  /// Problems the reader reported that did not stop the parse.
  public let warnings: [String]
  /// SHA-256 of the input bytes, lowercase hex, when the caller read them.
  public let inputSHA256: String?

  /// Makes a summary; the area and year come from `metadata`.
  public init(
    metadata: ReportMetadata, paragraphs: Int, recommendations: Int, findings: Int, codedUnits: Int,
    warnings: [String], inputSHA256: String?
  ) {
    self.area = AreaID(area: metadata.area)
    self.reviewYear = metadata.reviewYear
    self.metadata = metadata
    self.paragraphs = paragraphs
    self.recommendations = recommendations
    self.findings = findings
    self.codedUnits = codedUnits
    self.warnings = warnings
    self.inputSHA256 = inputSHA256
  }

  /// Orders by area, year, then input digest, so merged lists come out the same in any merge order.
  public static func < (lhs: ReportSummary, rhs: ReportSummary) -> Bool {
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    if lhs.reviewYear != rhs.reviewYear {
      return YearOrder.precedes(lhs.reviewYear, rhs.reviewYear)
    }
    if lhs.inputSHA256 != rhs.inputSHA256 {
      return (lhs.inputSHA256 ?? "") < (rhs.inputSHA256 ?? "")
    }
    if lhs.metadata.area != rhs.metadata.area { return lhs.metadata.area < rhs.metadata.area }
    return (lhs.paragraphs, lhs.recommendations, lhs.findings)
      < (rhs.paragraphs, rhs.recommendations, rhs.findings)
  }
}

/// One finding with the area-year it belongs to: a line of an evidence page.
public struct EvidenceRecord: Codable, Sendable, Hashable, Comparable {
  /// The area of the finding's report.
  public let area: AreaID
  /// The review year of the finding's report.
  public let year: Int?
  /// The finding as coded.
  public let finding: Finding

  /// Makes a record.
  public init(area: AreaID, year: Int?, finding: Finding) {
    self.area = area
    self.year = year
    self.finding = finding
  }

  /// Orders by area, year, unit (numerically), theme, polarity, evidence text, then every remaining
  /// field, so that only equal records tie and merged lists come out the same in any merge order.
  public static func < (lhs: EvidenceRecord, rhs: EvidenceRecord) -> Bool {
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    if lhs.year != rhs.year { return YearOrder.precedes(lhs.year, rhs.year) }
    return precedes(lhs.finding, rhs.finding)
  }

  /// The order of two records of one area-year, which their findings decide: unit (numerically),
  /// theme, polarity, evidence text, then every remaining field.
  static func precedes(_ l: Finding, _ r: Finding) -> Bool {
    if l.unit != r.unit { return l.unit < r.unit }
    if l.theme != r.theme { return l.theme < r.theme }
    if l.polarity != r.polarity { return l.polarity.rawValue < r.polarity.rawValue }
    if l.evidence != r.evidence { return l.evidence.lexicographicallyPrecedes(r.evidence) }
    if l.section != r.section { return l.section < r.section }
    if l.area != r.area { return l.area < r.area }
    if l.report != r.report { return l.report < r.report }
    if l.citedRecommendations != r.citedRecommendations {
      return l.citedRecommendations.lexicographicallyPrecedes(r.citedRecommendations)
    }
    return l.matches.lexicographicallyPrecedes(r.matches) { a, b in
      (a.start, a.end, a.pattern, a.text) < (b.start, b.end, b.pattern, b.text)
    }
  }
}
