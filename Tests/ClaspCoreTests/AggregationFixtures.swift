@testable import ClaspCore

/// Small hand-built reports, findings and codebooks for aggregation and rendering tests.
enum Fixture {
  /// Two sub-themes under one parent, plus two top-level themes.
  static let codebook = Codebook(
    version: 1,
    themes: [
      theme("practice", "Safeguarding practice"),
      theme("supervision", "Supervision", parent: "practice"),
      theme("training_levels", "Training levels", parent: "practice"),
      theme("hidden_harm", "Hidden harm"),
      theme("iha_timeliness", "IHA timeliness"),
    ])

  static func theme(_ id: ThemeID, _ label: String, parent: ThemeID? = nil) -> Theme {
    Theme(
      id: id, label: label, definition: "What \(label) covers.", parent: parent,
      rules: ThemeRules(include: [id.rawValue]))
  }

  /// A recommendation group: its addressees and how many items it has.
  struct Group {
    var addressees: [String]
    var items: Int
  }

  /// A report with `paragraphs` finding paragraphs (`para:1.1`...) and the given recommendation groups.
  static func report(
    area: String, year: Int?, paragraphs: Int, groups: [Group] = [], warnings: [String] = []
  ) -> Report {
    let metadata = ReportMetadata(
      area: area, reviewStart: year.map { "\($0)-07-11" }, reviewEnd: nil, published: nil,
      inspectors: [], providers: [], ccgs: [], nhsEnglandArea: nil, cqcRegion: nil,
      signatoryTitle: nil, signatory: nil, childrenConsidered: nil)
    var units = (0..<paragraphs).map { i in
      ReportUnit(
        id: UnitID(kind: .paragraph, number: "1.\(i + 1)"), section: .earlyHelp,
        text: "Paragraph \(i + 1).",
        lines: LineRange(first: i + 1, last: i + 1))
    }
    var recommendationGroups: [RecommendationGroup] = []
    for (g, group) in groups.enumerated() {
      let items = (0..<group.items).map {
        UnitID(kind: .recommendation, number: "\(g + 1).\($0 + 1)")
      }
      for id in items {
        units.append(
          ReportUnit(
            id: id, section: .recommendations, text: "Ensure.",
            lines: LineRange(first: 900, last: 900)))
      }
      recommendationGroups.append(
        RecommendationGroup(
          number: g + 1, heading: group.addressees.joined(separator: " and ") + " should:",
          addressees: group.addressees, items: items))
    }
    return Report(
      source: "/tmp/\(area).txt", metadata: metadata, sections: [], units: units, blocks: [],
      recommendationGroups: recommendationGroups, references: [], warnings: warnings)
  }

  static func finding(
    _ report: Report, _ unit: UnitID, _ theme: ThemeID, _ polarity: Polarity,
    evidence: String = "Evidence sentence."
  ) -> Finding {
    Finding(
      area: report.metadata.area, report: report.metadata.slug, unit: unit,
      section: unit.kind == .recommendation ? .recommendations : .earlyHelp, theme: theme,
      polarity: polarity, evidence: [evidence], matches: [], citedRecommendations: [])
  }

  /// Derby, 2015: four paragraphs, a CCG group of two items and a council-and-trust group of one.
  static var derby: (Report, [Finding]) {
    let r = report(
      area: "Derby", year: 2015, paragraphs: 4,
      groups: [
        Group(addressees: ["Southern Derbyshire CCG"], items: 2),
        Group(
          addressees: ["Derby City Council", "Derby Teaching Hospitals NHS Foundation Trust"],
          items: 1),
      ])
    return (
      r,
      [
        finding(r, "para:1.1", "supervision", .negative),
        finding(r, "para:1.1", "training_levels", .positive),
        finding(r, "para:1.2", "supervision", .mixed),
        finding(r, "para:1.3", "hidden_harm", .positive),
        finding(r, "rec:1.1", "supervision", .negative),
        finding(r, "rec:2.1", "training_levels", .negative),
      ]
    )
  }

  /// Coventry, 2016: four paragraphs, one hidden-harm concern.
  static var coventry: (Report, [Finding]) {
    let r = report(area: "Coventry", year: 2016, paragraphs: 4)
    return (r, [finding(r, "para:1.1", "hidden_harm", .negative)])
  }

  /// Bath and North East Somerset, 2014: ten paragraphs, five hidden-harm concerns, one supervision concern.
  static var bath: (Report, [Finding]) {
    let r = report(
      area: "Bath and North East Somerset", year: 2014, paragraphs: 10,
      groups: [Group(addressees: ["Sirona Care & Health"], items: 1)])
    return (
      r,
      (1...5).map {
        finding(r, UnitID(kind: .paragraph, number: "1.\($0)"), "hidden_harm", .negative)
      }
        + [
          finding(r, "para:1.6", "supervision", .negative),
          finding(r, "rec:1.1", "hidden_harm", .negative),
        ]
    )
  }

  static func aggregate(_ pair: (Report, [Finding]), codebook: Codebook = codebook) -> Aggregate {
    Aggregate(
      report: pair.0, findings: pair.1, codebook: codebook,
      inputSHA256: SHA256.hex(pair.0.metadata.area))
  }

  static var threeAreas: Analysis {
    Analysis(
      aggregate: Aggregate.merged([aggregate(derby), aggregate(coventry), aggregate(bath)]),
      codebook: codebook)
  }

  /// Text an attacker might put in a report.
  static let hostile =
    "=HYPERLINK(\"http://evil.example\",\"click\") | <script>alert(1)</script> \"quoted\nline\""

  /// One report whose area, addressee and evidence are all `hostile` text.
  static var hostileAnalysis: Analysis {
    let r = report(
      area: "Derby | <script>x</script>", year: 2015, paragraphs: 2,
      groups: [Group(addressees: [hostile], items: 1)], warnings: [hostile])
    let findings = [
      finding(r, "para:1.1", "supervision", .negative, evidence: hostile),
      finding(r, "rec:1.1", "supervision", .negative, evidence: "-1 +1 @x\t\r\n" + hostile),
    ]
    return Analysis(aggregate: aggregate((r, findings)), codebook: codebook)
  }
}

/// The engine's SplitMix64 generator, so random tests replay exactly.
typealias SeededGenerator = SplitMix64
