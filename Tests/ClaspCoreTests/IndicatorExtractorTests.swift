import Foundation
import Testing

@testable import ClaspCore

@Suite struct IndicatorExtractorTests {
  static let extractor = IndicatorExtractor(
    table: try! IndicatorTable.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/indicators.json")))

  static func figures(_ slug: String) throws -> [Indicator] {
    extractor.indicators(in: try Fixtures.report(slug))
  }

  static func figure(_ slug: String, _ kind: IndicatorKindID, _ text: String) throws -> Indicator {
    let found = try figures(slug).filter { $0.kind == kind && $0.text == text }
    try #require(found.count == 1, "\(slug): \(found.count) \(kind) figures printed \(text)")
    return found[0]
  }

  // MARK: Acceptance figures

  @Test("Thurrock CAMHS level 3 training is 93% against SEPT's target of 95%")
  func thurrockTraining() throws {
    let f = try Self.figure("thurrock", "training_compliance", "93%")
    #expect(f.value == 93 && f.unit == .percent && f.level == 3)
    #expect(f.target == IndicatorReference(value: 95, text: "95%", basis: "target"))
    #expect(f.comparator == nil)
    #expect(f.organisation == "South Essex Partnership University NHS Foundation Trust")
    #expect(f.period == "at the time of this inspection")
    #expect(!f.claimed)
    #expect(f.unitID == "para:5.3.22" && f.line == 466)
  }

  @Test(
    "BaNES AWP: 92% of practitioners trained to level 3 against a target of 90%, reported by managers"
  )
  func banesTraining() throws {
    let figures = try Self.figures("bath-and-north-east-somerset").filter {
      $0.unitID == "para:5.3.7"
    }
    #expect(figures.map(\.text) == ["100%", "92%"])
    let overall = figures[1]
    #expect(overall.kind == "training_compliance" && overall.value == 92 && overall.level == 3)
    #expect(overall.target?.value == 90)
    #expect(overall.organisation == "Avon and Wiltshire Mental Health Partnership NHS Trust")
    #expect(overall.claimed)
    // The intensive team's 100% shares the predicate "are trained to level 3" but not the target.
    let team = figures[0]
    #expect(
      team.kind == "training_compliance" && team.level == 3 && team.target == nil && team.claimed)
    #expect(team.subject.hasSuffix("100% of the intensive team practitioners"))
  }

  @Test("Thurrock IHA timescale compliance is 100% for the last quarter, as the team claimed")
  func thurrockIHA() throws {
    let f = try Self.figure("thurrock", "iha_within_timescale", "100%")
    #expect(f.value == 100 && f.period == "last quarter" && f.claimed && f.unitID == "para:4.1")
  }

  @Test("BaNES IHA performance of 81% takes its subject from the sentence before")
  func banesIHA() throws {
    let f = try Self.figure("bath-and-north-east-somerset", "iha_within_timescale", "81%")
    #expect(f.subject == "Currently performance is at 81%" && !f.claimed && f.unitID == "para:4.1")
  }

  @Test(
    "Coventry: 92% of out-of-area RHAs within timescale, and 100% overall at the time of the review"
  )
  func coventryRHA() throws {
    let rha = try Self.figures("coventry").filter { $0.kind == "rha_within_timescale" }
    #expect(rha.map(\.value) == [100, 92])
    #expect(rha[0].period == "at the time of this CLAS review")
    #expect(rha[1].subject.hasPrefix("Where children had been placed out of area, 92%"))
    #expect(rha[1].period == nil && !rha[1].claimed)
  }

  @Test(
    "Wolverhampton immunisations 91.1% vs England average 87.8%, in both places the report says so")
  func wolverhamptonImmunisations() throws {
    let all = try Self.figures("wolverhampton").filter { $0.kind == "lac_immunisations" }
    #expect(all.count == 2)
    for f in all {
      #expect(f.value == 91.1)
      #expect(
        f.comparator == IndicatorReference(value: 87.8, text: "87.8%", basis: "England average"))
    }
    #expect(all[0].period == "2015" && all[0].section == .context && all[0].unitID == nil)
  }

  @Test("Wolverhampton dental checks and annual health assessments keep their own comparators")
  func wolverhamptonPairs() throws {
    let figures = try Self.figures("wolverhampton")
    let dental = try Self.figure("wolverhampton", "lac_dental_checks", "85.5%")
    let annual = try Self.figure("wolverhampton", "lac_annual_health_assessment", "79.8%")
    #expect(dental.comparator?.value == 85.8 && dental.comparator?.basis == "England average")
    #expect(annual.comparator?.value == 89.7 && annual.comparator?.basis == "England average")
    #expect(dental.sentence == annual.sentence)
    // Every comparator sits in its own figure's clause.
    for f in figures {
      guard let comparator = f.comparator else { continue }
      #expect(
        f.subject.contains(comparator.text), "\(f.text): \(comparator.text) not in \(f.subject)")
    }
  }

  @Test(
    "Wolverhampton rates: each figure in a two-figure sentence has its own comparator and period")
  func wolverhamptonRates() throws {
    let homelessness = try Self.figure("wolverhampton", "england_comparison", "2.4 per 1,000")
    #expect(homelessness.base == 1000 && homelessness.comparator?.value == 1.8)
    #expect(homelessness.period == nil)
    let looked = try Self.figure(
      "wolverhampton", "england_comparison", "135 Wolverhampton children per 10,000")
    #expect(looked.value == 135 && looked.base == 10000 && looked.comparator?.value == 60)
    #expect(looked.period == "2015")
    let mental = try Self.figure("wolverhampton", "england_comparison", "90.2 per 100,000")
    #expect(
      mental.comparator
        == IndicatorReference(value: 87.4, text: "87.4 per 100,000", basis: "average"))
  }

  @Test("Derby SDQ: average score 16.3 with 49% of children of concern, in 2014")
  func derbySDQ() throws {
    let average = try Self.figure("derby", "sdq_average", "16.3")
    #expect(average.unit == .score && average.value == 16.3 && average.period == "2014")
    let concern = try Self.figure("derby", "sdq_concern", "49%")
    #expect(concern.value == 49 && concern.period == "2014")
  }

  @Test("children considered, GP registration and child poverty come from the prose sections")
  func context() throws {
    let considered = try Self.figure("derby", "children_considered", "109")
    #expect(considered.unit == .count && considered.section == .method && considered.line == 65)
    let gp = try Self.figure("derby", "gp_registration", "99.8%")
    #expect(gp.organisation == "Southern Derbyshire CCG" && gp.line == 69)
    let poverty = try Self.figure("wolverhampton", "child_poverty", "29.7%")
    #expect(poverty.comparator?.value == 18.6 && poverty.comparator?.basis == "England average")
  }

  // MARK: Counts and the reviewed fixture

  static let classifiedCounts: [String: Int] = [
    "bath-and-north-east-somerset": 4, "coventry": 5, "derby": 5, "thurrock": 7,
    "wolverhampton": 21,
  ]

  @Test("classified figures per report", arguments: Fixtures.slugs)
  func counts(slug: String) throws {
    let classified = try Self.figures(slug).filter { $0.kind != nil }
    #expect(classified.count == Self.classifiedCounts[slug])
  }

  @Test(
    "every classified figure has the kind the reviewed fixture gives it", arguments: Fixtures.slugs)
  func reviewedFixture(slug: String) throws {
    let lines = try Self.figures(slug).filter { $0.kind != nil }.map(Self.fixtureLine)
    let url = Fixtures.fixtures.appendingPathComponent("indicators/\(slug).txt")
    if ProcessInfo.processInfo.environment["CLASP_RECORD"] != nil {
      let header =
        "# \(slug): every classified figure (location | kind | figure | details), reviewed by reading\n"
      try (header + lines.joined(separator: "\n") + "\n").write(
        to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }.map(String.init)
    #expect(lines == expected)
  }

  static func fixtureLine(_ f: Indicator) -> String {
    var details: [String] = []
    if let level = f.level { details.append("level \(level)") }
    if let t = f.target { details.append("target \(t.text)") }
    if let c = f.comparator { details.append("comparator \(c.text) (\(c.basis ?? "unspecified"))") }
    if let o = f.organisation { details.append("organisation \(o)") }
    if let p = f.period { details.append("period \(p)") }
    if f.claimed { details.append("claimed") }
    return [f.location, f.kind!.rawValue, f.text, details.joined(separator: "; ")]
      .joined(separator: " | ")
  }

  // MARK: Sentences beyond the seeds

  static func report(_ body: String, providers: [String] = []) throws -> Report {
    let text = """
      Children Looked After and Safeguarding
      The role of health services in Testshire

      Looked after children

      4.1 \(body)
      """
    return try StructureParser.parse(
      SourceText(
        path: "test.txt", encoding: .utf8,
        lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
  }

  @Test(
    "several figures in one sentence each get their own comparator",
    arguments: [
      (
        "Uptake was 61% against an England average of 70% and dental checks were 80% compared to 75% nationally.",
        [("61%", "70%"), ("80%", "75%")]
      ),
      (
        "In 2015 the rate was 3.1 per 1,000 vs an England average of 2.0 per 1,000, while 12 out of 15 plans were reviewed.",
        [("3.1 per 1,000", "2.0 per 1,000"), ("12 out of 15", nil)]
      ),
    ] as [(String, [(String, String?)])])
  func pairing(sentence: String, expected: [(String, String?)]) throws {
    let figures = Self.extractor.indicators(in: try Self.report(sentence))
    #expect(figures.map(\.text) == expected.map(\.0))
    #expect(figures.map { $0.comparator?.text } == expected.map(\.1))
  }

  @Test(
    "classification generalises beyond the seeds' sentences",
    arguments: [
      (
        "Level 3 safeguarding training compliance was 80% and level 2 was 95%, against a trust target of 90%.",
        [
          "para:4.1 | training_compliance | 80% | level 3",
          "para:4.1 | training_compliance | 95% | level 2; target 90%",
        ]
      ),
      (
        "We were told that 85% of health visitors received safeguarding supervision in the last quarter.",
        ["para:4.1 | supervision_compliance | 85% | period last quarter; claimed"]
      ),
      (
        "Only 8 out of 20 IHAs were completed within 20 working days in 2015/16.",
        ["para:4.1 | iha_within_timescale | 8 out of 20 | period 2015/16"]
      ),
      (
        "The trust has set a target of 90% for level 3 safeguarding training.",
        ["para:4.1 | training_target | 90% | level 3"]
      ),
      (
        "Obesity in reception year was 10.2% compared with a statistical neighbours average of 9.0%.",
        ["para:4.1 | - | 10.2% | comparator 9.0% (statistical neighbours)"]
      ),
      (
        "Compliance was 70%, uptake 80%, compared with an England average of 75%, a regional average of 72%.",
        [
          "para:4.1 | - | 70% | ",
          "para:4.1 | england_comparison | 80% | comparator 75% (England average)",
          "para:4.1 | - | 72% | ",
        ]
      ),
      (
        "In May 2018 just 30% of initial health assessments were done within 20 working days, rising to 64% by March 2019 and 80% in the last quarter.",
        [
          "para:4.1 | iha_within_timescale | 30% | period May 2018",
          "para:4.1 | iha_within_timescale | 64% | period March 2019",
          "para:4.1 | - | 80% | ",
        ]
      ),
      (
        "Of 12 cases reviewed, 3 had no plan, and 40% of staff were unaware of the policy.",
        ["para:4.1 | - | 40% | "]
      ),
    ] as [(String, [String])])
  func beyondSeeds(sentence: String, expected: [String]) throws {
    let figures = Self.extractor.indicators(in: try Self.report(sentence))
    #expect(figures.map(Self.anyLine) == expected)
  }

  static func anyLine(_ f: Indicator) -> String {
    guard f.kind == nil else { return fixtureLine(f) }
    var details: [String] = []
    if let c = f.comparator { details.append("comparator \(c.text) (\(c.basis ?? "unspecified"))") }
    return [f.location, "-", f.text, details.joined(separator: "; ")].joined(separator: " | ")
  }

  @Test(
    "odd numeric text yields no traps and renders in every format",
    arguments: [
      "Rates were 1,2,3,4 and 100%% and per 1,000 per and 99. and .5% and 12 out of and 3- and -5.",
      "A figure of 123456789012345678901234567890% and 1 per 99999999999999999999999 were noted.",
      "10/10/10 24/7 2014/15/16 1999-2000 1,000,000,000,000 out of 2 (ABC) (XY) (",
      "Target of 90%; England average of 80%; against 70%.",
      "£5 and 5 per cent, 5 percent, 5 out of 5, 5 per 10 per 100.",
    ])
  func oddText(sentence: String) throws {
    let figures = Self.extractor.indicators(in: try Self.report(sentence))
    _ = IndicatorCSVRenderer.render(figures)
    _ = IndicatorJSONRenderer.render(figures)
    _ = IndicatorMarkdownRenderer.render(figures, table: Self.extractor.table)
    for f in figures { #expect(f.value.isFinite && f.sentence.contains(f.text)) }
  }

  @Test("passage words have WordTokenizer's boundaries and uppercase flags")
  func passageWordsMatchTheTokenizer() throws {
    var texts = [
      "Children’s crèche, level-3 training (95%) at ÉCOLE and the MASH; 12/05/2015 – done.",
      "\u{FEFF}word\u{00A0}next\u{2019}s naïve 10-12 weeks",
    ]
    for slug in Fixtures.slugs {
      texts += try Fixtures.report(slug).units.map(\.text)
    }
    for text in texts {
      let bytes = Array(text.utf8)
      let expected = WordTokenizer.words(bytes)
      var found: [IndicatorExtractor.PassageWord] = []
      bytes.withUnsafeBufferPointer {
        IndicatorExtractor.appendWords($0, in: 0..<$0.count, to: &found)
      }
      #expect(found.map { [$0.start, $0.end] } == expected.map { [$0.start, $0.end] })
      #expect(found.map(\.hasUppercase) == expected.map(\.hasUppercase))
    }
  }
}
