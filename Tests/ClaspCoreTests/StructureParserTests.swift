import Foundation
import Testing

@testable import ClaspCore

@Suite struct StructureParserTests {
  @Test("unit ids equal the gold segmentation exactly", arguments: Fixtures.slugs)
  func unitIDs(slug: String) throws {
    let report = try Fixtures.report(slug)
    #expect(report.units.map(\.id) == (try Fixtures.goldUnits(slug)))
  }

  struct ExpectedMetadata: Sendable, CustomTestStringConvertible {
    let slug: String
    let area: String
    let start: String
    let end: String
    let published: String
    let nhsEngland: String
    let region: String
    let children: Int
    let signatory: String
    let caseExamples: Int
    let practiceExamples: Int
    let groups: Int
    var testDescription: String { slug }
  }

  static let expected: [ExpectedMetadata] = [
    .init(
      slug: "wolverhampton", area: "Wolverhampton", start: "2016-07-11", end: "2016-07-15",
      published: "2017-02-14", nhsEngland: "Midlands and East Region", region: "Central",
      children: 112, signatory: "Janet Williamson", caseExamples: 1, practiceExamples: 1, groups: 6),
    .init(
      slug: "bath-and-north-east-somerset", area: "Bath and North East Somerset",
      start: "2014-06-09", end: "2014-06-13", published: "2014-09-19", nhsEngland: "South West",
      region: "South (West)", children: 64, signatory: "Ruth Rankine", caseExamples: 11,
      practiceExamples: 1, groups: 6),
    .init(
      slug: "coventry", area: "Coventry", start: "2015-05-11", end: "2015-05-15",
      published: "2015-12-07", nhsEngland: "Midlands and East Region", region: "Central West",
      children: 93, signatory: "Janet Williamson", caseExamples: 7, practiceExamples: 1, groups: 6),
    .init(
      slug: "thurrock", area: "Thurrock", start: "2015-10-19", end: "2015-10-23",
      published: "2015-12-24", nhsEngland: "Midlands and East Region", region: "Central",
      children: 130, signatory: "Janet Williamson", caseExamples: 7, practiceExamples: 1, groups: 6),
    .init(
      slug: "derby", area: "Derby", start: "2015-07-27", end: "2015-07-31", published: "2015-11-18",
      nhsEngland: "Derbyshire And Nottinghamshire", region: "Central Region", children: 109,
      signatory: "Janet Williamson", caseExamples: 4, practiceExamples: 0, groups: 5),
  ]

  @Test("metadata is read from the text", arguments: expected)
  func metadata(expected: ExpectedMetadata) throws {
    let m = try Fixtures.report(expected.slug).metadata
    #expect(m.area == expected.area)
    #expect(m.slug == expected.slug)
    #expect(m.reviewStart == expected.start)
    #expect(m.reviewEnd == expected.end)
    #expect(m.published == expected.published)
    #expect(m.nhsEnglandArea == expected.nhsEngland)
    #expect(m.cqcRegion == expected.region)
    #expect(m.childrenConsidered == expected.children)
    #expect(m.signatory == expected.signatory)
    #expect(m.signatoryTitle?.hasPrefix("CQC Deputy Chief Inspector") == true)
  }

  @Test(
    "case examples, practice examples and recommendation groups are counted", arguments: expected)
  func blocks(expected: ExpectedMetadata) throws {
    let report = try Fixtures.report(expected.slug)
    #expect(report.blocks.filter { $0.kind == .caseExample }.count == expected.caseExamples)
    #expect(report.blocks.filter { $0.kind == .practiceExample }.count == expected.practiceExamples)
    #expect(report.recommendationGroups.count == expected.groups)
    let items = report.recommendationGroups.flatMap(\.items)
    #expect(items == report.units.filter { $0.id.kind == .recommendation }.map(\.id))
  }

  @Test("lists of people and organisations are split")
  func lists() throws {
    let derby = try Fixtures.report("derby").metadata
    #expect(derby.inspectors.count == 6)
    #expect(derby.inspectors.last == "Deepa Kholia-Mehta")
    let bath = try Fixtures.report("bath-and-north-east-somerset").metadata
    #expect(bath.inspectors == ["Jan Clark", "Janet Lewitt"])
    #expect(bath.providers.contains("Oxford Health NHS Foundation Trust"))
    #expect(bath.providers.contains("Sirona Care & Health"))
    let thurrock = try Fixtures.report("thurrock").metadata
    #expect(thurrock.ccgs.count == 2)
    #expect(thurrock.ccgs.first == "NHS Thurrock CCG")
  }

  @Test("Coventry's two paragraphs without numbers are inferred")
  func inferred() throws {
    let report = try Fixtures.report("coventry")
    #expect(report.units.filter(\.inferred).map(\.id) == ["para:3.4", "para:4.6"])
    #expect(report.unit("para:3.4")?.text.hasPrefix("In the CED, referrals") == true)
    #expect(report.unit("para:4.6")?.text.hasPrefix("While there is more to do") == true)
    #expect(report.unit("para:4.5")?.text.contains("While there is more") == false)
  }

  @Test("citations link paragraphs and recommendations both ways", arguments: Fixtures.slugs)
  func citations(slug: String) throws {
    let report = try Fixtures.report(slug)
    #expect(!report.references.isEmpty)
    for reference in report.references where reference.resolved {
      #expect(report.unit(reference.to) != nil)
      #expect(report.citations(of: reference.to).contains(reference.from))
      #expect(report.unit(reference.from)?.citedRecommendations.contains(reference.to) == true)
    }
  }

  @Test("every markup variant of a citation is found")
  func citationVariants() throws {
    let derby = try Fixtures.report("derby")
    // "(**Recommendation 2.1**)" in para 1.1; a citation on its own line after para 2.6.
    #expect(derby.unit("para:1.1")?.citedRecommendations == ["rec:2.1"])
    #expect(derby.unit("para:2.6")?.citedRecommendations == ["rec:4.3"])
    #expect(derby.citations(of: "rec:4.8").count == 6)
    #expect(
      RecommendationCitation.numbers(in: "text (Recommendations 1.2, 1.4 and 1.5). More")
        == ["1.2", "1.4", "1.5"])
    #expect(
      RecommendationCitation.numbers(in: TextNormaliser.normalise("(*Recommendation* 2.6)")) == [
        "2.6"
      ])
  }

  @Test("a citation of a missing recommendation is kept and warned about")
  func danglingCitation() throws {
    let report = try Fixtures.report("wolverhampton")
    let dangling = report.references.filter { !$0.resolved }
    #expect(dangling.map(\.from) == ["para:3.10"])
    #expect(dangling.map(\.to) == ["rec:4.3"])
    #expect(report.unit("para:3.10")?.citedRecommendations.contains("rec:4.3") == true)
    #expect(report.recommendationGroups[3].items == ["rec:4.1", "rec:4.2"])
    #expect(
      report.warnings.contains {
        $0.hasSuffix("para:3.10 cites recommendation 4.3, which the report does not contain")
      })
  }

  @Test("the table of contents is not mistaken for headings", arguments: Fixtures.slugs)
  func outline(slug: String) throws {
    let report = try Fixtures.report(slug)
    let ids = report.sections.map(\.id)
    #expect(ids.first == .summary)
    #expect(ids.last == .nextSteps)
    #expect(ids.contains(.trainingAndSupervision))
    #expect(ids == ids.sorted())
    let summary = try #require(report.sections.first)
    #expect(summary.lines.first > 20)
  }

  @Test("recommendation groups name their addressees")
  func addressees() throws {
    let thurrock = try Fixtures.report("thurrock")
    #expect(
      thurrock.recommendationGroups[0].addressees == [
        "Thurrock CCG", "Castle Point and Rochford CCG",
        "South Essex Partnership University NHS Foundation Trust",
      ])
    let bath = try Fixtures.report("bath-and-north-east-somerset")
    #expect(
      bath.recommendationGroups[3].addressees == [
        "Bath and North East Somerset CCG",
        "Bath and North East Somerset Doctors Urgent Care Ltd (BDUC)",
      ])
  }

  @Test("quotes from what people told us are kept as blocks")
  func quotes() throws {
    let derby = try Fixtures.report("derby")
    let quotes = derby.blocks.filter { $0.kind == .quote }
    #expect(quotes.count == 6)
    #expect(quotes.first?.text.hasPrefix("\"My midwife was amazing") == true)
    #expect(quotes.first?.label == "We heard from a mother of young children who said:")
  }

  @Test("a duplicated paragraph number keeps both, the second suffixed b")
  func duplicateNumber() throws {
    let text = Self.minimalReport(findings: [
      "1.1 First finding about early help.", "1.2 Second finding.", "1.2 Repeated number finding.",
      "1.3 Third finding.",
    ])
    let report = try ReportLoader.load(bytes: Array(text.utf8), path: "dup.txt")
    #expect(report.units.map(\.id) == ["para:1.1", "para:1.2", "para:1.2b", "para:1.3", "rec:1.1"])
  }

  @Test("a report with no findings sections parses with a warning")
  func truncated() throws {
    let text = Self.minimalReport(findings: []).components(separatedBy: "1. Early help")[0]
    let report = try ReportLoader.load(bytes: Array(text.utf8), path: "short.txt")
    #expect(report.metadata.area == "Testshire")
    #expect(report.units.isEmpty)
    #expect(
      report.warnings == ["short.txt: no findings sections were found; the copy may be truncated"])
  }

  @Test("text that is not a CLAS review is rejected with the reason")
  func notReview() throws {
    let text = "Minutes of the parish council\n\nItems discussed: the village hall roof.\n"
    #expect(
      throws: StructureError.notCLASReview(
        path: "minutes.txt",
        reason: "no \"Children Looked After and Safeguarding\" title in its first 80 lines")
    ) {
      try ReportLoader.load(bytes: Array(text.utf8), path: "minutes.txt")
    }
    let error = StructureError.notCLASReview(path: "a.txt", reason: "r")
    #expect(
      error.description == "a.txt: not a CQC Children Looked After and Safeguarding review: r")
  }

  /// A small synthetic review with the given early-help findings and one recommendation.
  static func minimalReport(findings: [String]) -> String {
    """
    Review of health services for Children Looked After and Safeguarding in Testshire

    Date of review:\t1st March 2016 - 5th March 2016
    Date of publication:\t3rd June 2016

    Summary of the review

    This report records the findings of the review of health services in Testshire for children.

    The child's journey

    1. Early help

    \(findings.joined(separator: "\n\n"))

    Recommendations

    1. Testshire CCG should:

    - 1.1 Ensure that supervision is recorded.

    Next steps

    An action plan is required.
    """
  }
}
