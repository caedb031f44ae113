import Testing

@testable import ClaspCore

@Suite struct ScaledCorpusTests {
  static let corpus: ScaledCorpus? = try? ScaledCorpus(
    seeds: Fixtures.slugs.map { try ReportReader.read(path: Fixtures.reportPath($0)) })

  @Test("generated reports parse, with distinct areas and the seed's unit counts")
  func parses() throws {
    let corpus = try #require(Self.corpus)
    var areas = Set<String>()
    for index in 0..<12 {
      let text = corpus.report(index)
      let report = try ReportLoader.load(bytes: Array(text.utf8), path: "r\(index).txt")
      let seed = try Fixtures.report(Fixtures.slugs[index % 5])
      #expect(report.units.count == seed.units.count)
      #expect(report.metadata.area == ScaledCorpus.areaName(index))
      #expect(!text.contains(seed.metadata.area))
      areas.insert(report.metadata.area)
    }
    #expect(areas.count == 12)
  }

  @Test("the same index gives the same bytes; different indices differ")
  func deterministic() throws {
    let corpus = try #require(Self.corpus)
    #expect(corpus.report(7) == corpus.report(7))
    // Reports 2 and 7 share a seed but not their findings' order or sample.
    let a = try ReportLoader.load(bytes: Array(corpus.report(2).utf8), path: "a")
    let b = try ReportLoader.load(bytes: Array(corpus.report(7).utf8), path: "b")
    #expect(a.units.map(\.text) != b.units.map(\.text))
  }

  @Test("years shift as whole numbers only")
  func years() {
    #expect(
      ScaledCorpus.shiftYears(in: "9th June 2014 and 12014 or 2014/15", by: 2)
        == "9th June 2016 and 12014 or 2016/15")
    #expect(ScaledCorpus.areaName(0) != ScaledCorpus.areaName(200))
  }
}
