import Testing

@testable import ClaspCore

@Suite struct AggregateTests {
  @Test("counts a unit once for a parent however many children it carries")
  func rollUp() throws {
    let analysis = Analysis(aggregate: Fixture.aggregate(Fixture.derby), codebook: Fixture.codebook)
    let findings = analysis.table(.findings)
    #expect(findings.cells[row: "supervision", column: "derby"] == Tally(count: 2, of: 4))
    #expect(findings.cells[row: "training_levels", column: "derby"] == Tally(count: 1, of: 4))
    // para:1.1 has both children; para:1.2 has supervision: two paragraphs, not three.
    #expect(findings.cells[row: "practice", column: "derby"] == Tally(count: 2, of: 4))
    #expect(
      analysis.table(.concerns).cells[row: "practice", column: "derby"] == Tally(count: 2, of: 2))
    #expect(
      analysis.table(.strengths).cells[row: "practice", column: "derby"] == Tally(count: 2, of: 2))
    #expect(
      analysis.table(.strengths).cells[row: "supervision", column: "derby"]
        == Tally(count: 1, of: 2))
    #expect(
      analysis.table(.recommendations).cells[row: "practice", column: "derby"]
        == Tally(count: 2, of: 3))
    #expect(analysis.cooccurrence[row: "practice", column: "practice"] == 4)
    #expect(analysis.cooccurrence[row: "supervision", column: "training_levels"] == 1)
    #expect(analysis.cooccurrence[row: "training_levels", column: "supervision"] == 1)
  }

  @Test("presence and rate per 100 use their own denominators")
  func presenceAndRate() {
    let analysis = Analysis(aggregate: Fixture.aggregate(Fixture.derby), codebook: Fixture.codebook)
    let presence = analysis.table(.presence)
    #expect(presence.cells[row: "hidden_harm", column: "derby"] == Tally(count: 1, of: 1))
    #expect(presence.cells[row: "iha_timeliness", column: "derby"] == Tally(count: 0, of: 1))
    let rate = analysis.table(.ratePer100Units)
    #expect(rate.value(row: 1, column: 0) == 50)
  }

  @Test("classifies recommendation addressees and counts every item once per type")
  func organisations() {
    let analysis = Analysis(aggregate: Fixture.aggregate(Fixture.derby), codebook: Fixture.codebook)
    let recs = analysis.recommendationsByOrganisation
    #expect(recs[row: "supervision", column: .ccg] == Tally(count: 1, of: 2))
    #expect(recs[row: "training_levels", column: .localAuthority] == Tally(count: 1, of: 1))
    #expect(recs[row: "training_levels", column: .nhsTrust] == Tally(count: 1, of: 1))
    #expect(recs[row: "training_levels", column: .ccg] == Tally(count: 0, of: 2))
  }

  @Test(
    "classifies organisation names",
    arguments: [
      ("Coventry and Rugby CCG", OrganisationType.ccg),
      ("NHS England", .other),
      ("Coventry and Warwickshire Partnership Trust", .nhsTrust),
      ("Royal United Hospital NHS Foundation Trust", .nhsTrust),
      ("Derby City Council", .localAuthority),
      ("Sirona Care & Health", .other),
      ("Bath and North East Somerset Clinical Commissioning Group", .ccg),
    ])
  func classify(name: String, type: OrganisationType) {
    #expect(OrganisationType.classify(name) == type)
  }

  @Test("the empty aggregate is the identity of merge")
  func identity() {
    let a = Fixture.aggregate(Fixture.derby)
    #expect(a.merging(.empty) == a)
    #expect(Aggregate.empty.merging(a) == a)
  }

  @Test("merging per-report partials in any order and grouping equals the single run")
  func mergeProperty() throws {
    var rng = SeededGenerator(seed: 42)
    let parts = (0..<12).map { randomPart(index: $0, using: &rng) }
    let single = Aggregate.merged(parts)
    let expected = Analysis(aggregate: single, codebook: Fixture.codebook)
    let expectedFiles = try OutputSet.render(
      expected, formats: Set(OutputFormat.allCases),
      codebook: .init(sha256: "x", version: 1, themes: 5),
      failures: [])
    for _ in 0..<25 {
      let shuffled = parts.shuffled(using: &rng)
      let left = shuffled.reduce(Aggregate.empty) { $0.merging($1) }
      let right = shuffled.reversed().reduce(Aggregate.empty) { $1.merging($0) }
      let split = Int.random(in: 0...shuffled.count, using: &rng)
      let tree = Aggregate.merged(Array(shuffled[..<split])).merging(
        Aggregate.merged(Array(shuffled[split...])))
      #expect(left == single)
      #expect(right == single)
      #expect(tree == single)
      let analysis = Analysis(aggregate: tree, codebook: Fixture.codebook)
      #expect(analysis == expected)
      let files = try OutputSet.render(
        analysis, formats: Set(OutputFormat.allCases),
        codebook: .init(sha256: "x", version: 1, themes: 5),
        failures: [])
      #expect(files == expectedFiles)
    }
  }

  @Test("merge is associative and commutative on random triples")
  func mergeLaws() {
    var rng = SeededGenerator(seed: 7)
    for i in 0..<20 {
      let a = randomPart(index: 3 * i, using: &rng)
      let b = randomPart(index: 3 * i + 1, using: &rng)
      let c = randomPart(index: 3 * i + 2, using: &rng)
      #expect(a.merging(b) == b.merging(a))
      #expect(a.merging(b).merging(c) == a.merging(b.merging(c)))
    }
  }

  @Test("two reports for one area add up rather than replace each other")
  func duplicateArea() {
    let a = Fixture.aggregate(Fixture.derby)
    let analysis = Analysis(aggregate: a.merging(a), codebook: Fixture.codebook)
    #expect(analysis.areas.map(\.reports) == [2])
    #expect(
      analysis.table(.findings).cells[row: "supervision", column: "derby"] == Tally(count: 4, of: 8)
    )
    #expect(
      analysis.table(.presence).cells[row: "supervision", column: "derby"] == Tally(count: 1, of: 1)
    )
  }

  @Test("reader warnings name the area, not the input file")
  func warningsNameTheArea() {
    let report = Fixture.report(
      area: "Derby", year: 2015, paragraphs: 1,
      warnings: ["/tmp/Derby.txt:12: para:1.1 cites recommendation 9.9", "no recommendations"])
    let analysis = Analysis(
      aggregate: Aggregate(report: report, findings: [], codebook: Fixture.codebook),
      codebook: Fixture.codebook)
    #expect(
      analysis.warnings == [
        "derby: no recommendations", "derby:12: para:1.1 cites recommendation 9.9",
      ])
  }

  @Test("evidence comes out in unit order whatever the document and finding order")
  func evidenceOrder() throws {
    let base = Fixture.report(area: "Derby", year: 2015, paragraphs: 10)
    let shuffled = Report(
      source: base.source, metadata: base.metadata, sections: [], units: base.units.reversed(),
      blocks: [], recommendationGroups: [], references: [], warnings: [])
    let findings = [
      Fixture.finding(base, "para:1.10", "hidden_harm", .negative),
      Fixture.finding(base, "para:1.9", "supervision", .positive),
      Fixture.finding(base, "para:1.9", "hidden_harm", .negative),
      Fixture.finding(base, "para:1.2", "supervision", .negative),
    ]
    for report in [base, shuffled] {
      let evidence = try Aggregate(report: report, findings: findings, codebook: Fixture.codebook)
        .evidence.flatMap { try $0.records() }
      #expect(evidence.map(\.finding.unit) == ["para:1.2", "para:1.9", "para:1.9", "para:1.10"])
      #expect(
        evidence.map(\.finding.theme) == [
          "supervision", "hidden_harm", "supervision", "hidden_harm",
        ])
    }
  }

  /// An element whose order sees only `key`, so ties show which list an element came from.
  struct Tagged: Comparable {
    let key: Int
    let tag: String
    static func < (a: Tagged, b: Tagged) -> Bool { a.key < b.key }
    static func == (a: Tagged, b: Tagged) -> Bool { a.key == b.key && a.tag == b.tag }
  }

  @Test("joining sorted lists equals a stable sort of their concatenation, ties in list order")
  func joinedSortedIsStable() {
    var rng = SeededGenerator(seed: 11)
    for round in 0..<300 {
      // Narrow key ranges make lists overlap and tie (the k-way merge); wide disjoint ones take
      // the path that only compares seams.
      let disjoint = round % 3 == 0
      let lists = (0..<Int.random(in: 0...9, using: &rng)).map { list in
        let base = disjoint ? list * 1_000 : 0
        return (0..<Int.random(in: 0...12, using: &rng)).map { _ in
          Tagged(key: base + Int.random(in: 0...6, using: &rng), tag: "")
        }.sorted().enumerated().map { Tagged(key: $1.key, tag: "\(list).\($0)") }
      }.shuffled(using: &rng)
      // Ties broken by list, then by position in it: what a stable sort of the join gives.
      let expected = lists.enumerated().flatMap { list, elements in
        elements.enumerated().map { (key: $1.key, list: list, position: $0, element: $1) }
      }.sorted { ($0.key, $0.list, $0.position) < ($1.key, $1.list, $1.position) }.map(\.element)
      let joined = Aggregate.joinedSorted(lists)
      #expect(joined.map(\.tag) == expected.map(\.tag))
      var merged: [Tagged] = []
      Aggregate.kWayMerge(lists, into: &merged)
      #expect(merged.map(\.tag) == expected.map(\.tag))
    }
  }

  /// A random report over a few areas and years with random findings.
  func randomPart(index: Int, using rng: inout SeededGenerator) -> Aggregate {
    let areas = ["Derby", "Coventry", "Thurrock", "Wolverhampton", "Bath and North East Somerset"]
    let paragraphs = Int.random(in: 1...12, using: &rng)
    let report = Fixture.report(
      area: areas[index % areas.count],
      year: [2014, 2015, 2016, nil][Int.random(in: 0...3, using: &rng)],
      paragraphs: paragraphs,
      groups: [
        .init(addressees: ["X CCG", "Y NHS Trust"], items: Int.random(in: 1...3, using: &rng)),
        .init(addressees: ["Z Council"], items: 1),
      ])
    let themes = Fixture.codebook.themes.map(\.id)
    var findings: [Finding] = []
    for unit in report.units where Bool.random(using: &rng) {
      for theme in themes.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)) {
        findings.append(
          Fixture.finding(
            report, unit.id, theme, Polarity.allCases.randomElement(using: &rng)!,
            evidence: "Sentence \(index) \(unit.id)"))
      }
    }
    return Aggregate(
      report: report, findings: findings, codebook: Fixture.codebook, inputSHA256: "digest-\(index)"
    )
  }
}
