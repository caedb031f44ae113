/// Decides whether normalised text is a CQC CLAS review before any of it is parsed, so other
/// documents are rejected with a reason instead of being half-parsed into nonsense.
enum ReviewRecognition {
  /// Throws when `source` is not a CLAS review.
  /// - Throws: `StructureError.notCLASReview` with the reason.
  static func check(_ source: SourceText) throws {
    let head = source.lines.prefix(80).joined(separator: " ").collapsingWhitespace().lowercased()
    // The joint Ofsted/CQC inspections (2009-2012) share the subject and much of the vocabulary.
    if head.contains("inspection of safeguarding and looked after children")
      || head.contains("ofsted") && head.contains("joint inspection")
    {
      throw StructureError.notCLASReview(
        path: source.path,
        reason:
          "it is a joint Ofsted and CQC inspection of safeguarding and looked after children services, a different programme"
      )
    }
    guard
      head.contains("looked after and safeguarding")
        || head.contains("looked-after and safeguarding")
    else {
      throw StructureError.notCLASReview(
        path: source.path,
        reason: "no \"Children Looked After and Safeguarding\" title in its first 80 lines")
    }
    guard MetadataParser.area(in: source.lines[...]) != nil else {
      throw StructureError.notCLASReview(path: source.path, reason: "its title names no area")
    }
    // A text that only mentions the programme (a news item, a letter) has neither the header
    // fields nor the outline; a copy cut short after its first page still has the fields.
    let hasField = source.lines.prefix(200).contains { MetadataParser.field($0) != nil }
    let hasHeading = source.lines.contains { line in
      line.utf8.count <= 80
        && {
          if case .section = Outline.heading(LineShape(line)) { return true } else { return false }
        }()
    }
    guard hasField || hasHeading else {
      throw StructureError.notCLASReview(
        path: source.path,
        reason:
          "it has none of a review's header fields (date of review, date of publication) or section headings"
      )
    }
  }
}
