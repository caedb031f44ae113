import Foundation
import Testing

@testable import ClaspCore

/// The coder's byte-range findings (`CodedFindings`) must give a run exactly what the `Finding`
/// values made from them give: the same aggregate, the same spooled bytes, the same records.
@Suite struct CodedFindingsTests {
  static let codebook = try! Codebook.load(
    contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/codebook.json"))
  static let coder = Coder(codebook: codebook)

  @Test(
    "finding by finding, the coded form makes the findings it stands for", arguments: Fixtures.slugs
  )
  func findingsAgree(slug: String) throws {
    let report = try Fixtures.report(slug)
    let coded = Self.coder.coded(report)
    let findings = coded.findings
    #expect(coded.count == findings.count)
    #expect(coded.count > 20)
    for i in findings.indices {
      #expect(coded.finding(at: i) == findings[i])
      #expect(coded.unit(at: i) == findings[i].unit)
      #expect(coded.theme(at: i) == findings[i].theme)
      #expect(coded.polarity(at: i) == findings[i].polarity)
    }
    // Evidence is the unit's own text: every sentence and matched term lies in it where it says.
    let units = Dictionary(report.units.map { ($0.id, Array($0.text.utf8)) }) { a, _ in a }
    for finding in findings {
      let text = try #require(units[finding.unit])
      for term in finding.matches {
        #expect(Array(text[term.start..<term.end]) == Array(term.text.utf8))
      }
      for sentence in finding.evidence {
        #expect(text.firstRange(of: Array(sentence.utf8)) != nil)
      }
    }
  }

  @Test(
    "encoded straight from the unit text, the bytes are those of the findings",
    arguments: Fixtures.slugs)
  func sameBytes(slug: String) throws {
    let coded = Self.coder.coded(try Fixtures.report(slug))
    let findings = coded.findings
    #expect(
      EvidenceBlockEncoding.encode(coded, order: nil)
        == EvidenceBlockEncoding.encode(findings, order: nil))
    let reversed = Array(findings.indices.reversed())
    #expect(
      EvidenceBlockEncoding.encode(coded, order: reversed)
        == EvidenceBlockEncoding.encode(findings, order: reversed))
    let decoded = try EvidenceBlockEncoding.decode(
      EvidenceBlockEncoding.encode(coded, order: nil), area: AreaID(area: "x"), year: nil)
    #expect(decoded.map(\.finding) == findings)
  }

  @Test(
    "a report's aggregate is the same from either form, units in any order",
    arguments: Fixtures.slugs)
  func sameAggregate(slug: String) throws {
    let report = try Fixtures.report(slug)
    let shuffled = Report(
      source: report.source, metadata: report.metadata, sections: report.sections,
      units: report.units.reversed(), blocks: report.blocks,
      recommendationGroups: report.recommendationGroups, references: report.references,
      warnings: report.warnings)
    for report in [report, shuffled] {
      let coded = Self.coder.coded(report)
      let fromCoded = Aggregate(report: report, findings: coded, codebook: Self.codebook)
      let fromFindings = Aggregate(
        report: report, findings: coded.findings, codebook: Self.codebook)
      #expect(fromCoded == fromFindings)
      let records = try fromCoded.evidence.flatMap { try $0.records() }
      #expect(records.count == coded.count)
      #expect(fromCoded.evidence.flatMap(\.themes) == records.map(\.finding.theme))
      #expect(zip(records, records.dropFirst()).allSatisfy { !($1 < $0) })
    }
  }

  @Test("a spooled run gives the same aggregate and records from either form")
  func sameRun() async throws {
    let discovered = InputDiscovery.discover([Fixtures.reports.path])
    let coder = Self.coder
    let spools = (try EvidenceSpool(), try EvidenceSpool())
    let viaFindings = await ReportBatch.run(
      discovered, codebook: Self.codebook, spool: spools.0
    ) { report in (coder.findings(in: report), []) }
    let viaCoded = await ReportBatch.run(
      discovered, codebook: Self.codebook, spool: spools.1
    ) { report in (coder.coded(report), []) }
    #expect(viaCoded.aggregate.evidence.count == 5)
    #expect(viaCoded.aggregate.groups == viaFindings.aggregate.groups)
    #expect(viaCoded.aggregate.reports == viaFindings.aggregate.reports)
    #expect(
      try viaCoded.aggregate.evidence.map { try $0.records() }
        == viaFindings.aggregate.evidence.map { try $0.records() })
  }
}
