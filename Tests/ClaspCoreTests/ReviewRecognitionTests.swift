import Foundation
import Testing

@testable import ClaspCore

@Suite struct ReviewRecognitionTests {
  @Test(
    "documents that are not CLAS reviews are rejected with the reason",
    arguments: [
      (
        "joint-inspection",
        "it is a joint Ofsted and CQC inspection of safeguarding and looked after children services, a different programme"
      ),
      (
        "news-item",
        "it has none of a review's header fields (date of review, date of publication) or section headings"
      ),
    ])
  func rejected(name: String, reason: String) throws {
    let path = Fixtures.damagePath(name)
    #expect(throws: StructureError.notCLASReview(path: path, reason: reason)) {
      try ReportLoader.load(path: path)
    }
    #expect(
      StructureError.notCLASReview(path: "x.txt", reason: reason).description
        == "x.txt: not a CQC Children Looked After and Safeguarding review: \(reason)")
  }

  @Test("a truncated copy is accepted, with its metadata and a warning")
  func truncated() throws {
    let path = Fixtures.damagePath("truncated")
    let report = try ReportLoader.load(path: path)
    #expect(report.isTruncated)
    #expect(report.units.isEmpty)
    #expect(report.metadata.area == "Testshire")
    #expect(report.metadata.reviewStart == "2016-07-04")
    #expect(report.metadata.published == "2016-11-15")
    #expect(report.metadata.signatory == "Pat Placeholder")
    #expect(
      report.warnings == ["\(path): no findings sections were found; the copy may be truncated"])
    #expect(!(try ReportLoader.load(path: Fixtures.damagePath("clean"))).isTruncated)
  }
}
