import Testing

@testable import ClaspCore

@Suite struct CoderTests {
  static let codebook = Codebook(
    version: 1,
    themes: [
      Theme(
        id: "supervision", label: "Supervision", definition: "Safeguarding supervision.",
        parent: nil,
        rules: ThemeRules(
          strong: ["safeguarding supervision"], include: ["supervis*"],
          exclude: ["supervised contact"])),
      Theme(
        id: "iha_timeliness", label: "IHA timeliness", definition: "Timely IHAs.", parent: nil,
        rules: ThemeRules(
          include: ["IHA*", "initial health assessment*"], exclude: ["review health assessment*"],
          context: [["timescale*", "delay*", "within", "late"]], minSentences: 1)),
    ])

  func code(_ text: String, id: UnitID = "para:5.3.1") -> [ThemeID: Polarity] {
    let unit = ReportUnit(
      id: id, section: .trainingAndSupervision, text: text, lines: LineRange(first: 1, last: 1))
    var out: [ThemeID: Polarity] = [:]
    for f in Coder(codebook: Self.codebook).findings(in: unit, area: "Derby", report: "derby") {
      out[f.theme] = f.polarity
    }
    return out
  }

  @Test("a strong term anywhere codes the theme")
  func strong() {
    let text =
      "Midwives book women early. Records are complete. Staff are confident. Safeguarding supervision is robust."
    #expect(code(text) == ["supervision": .positive])
  }

  @Test("a passing weak mention in a long unit is not coded")
  func passingMention() {
    let text =
      "Midwives book women early. Records are complete. Poor practice is addressed with the practitioner within supervision. Staff are confident."
    #expect(code(text).isEmpty)
  }

  @Test("a weak term in the topic sentence codes the theme")
  func topicSentence() {
    let text = "ED staff do not access supervision. Feedback is ad hoc. Staff are busy."
    #expect(code(text) == ["supervision": .negative])
  }

  @Test("an exclude cancels the overlapping match only")
  func exclude() {
    #expect(code("Supervised contact was arranged by social workers.").isEmpty)
  }

  @Test("a context theme needs both ideas in one sentence")
  func context() {
    #expect(code("IHAs are of good quality. Staff are not late for meetings.").isEmpty)
    #expect(code("IHAs are not completed within timescales.") == ["iha_timeliness": .negative])
    #expect(code("Review health assessments are often late.").isEmpty)
  }

  @Test("recommendations are always concerns")
  func recommendation() {
    #expect(
      code("Ensure that safeguarding supervision is robust and effective.", id: "rec:4.8") == [
        "supervision": .negative
      ])
  }

  @Test(
    "a strength the unit contradicts after 'we were told' is negative; a real strength and gap is mixed"
  )
  func polarity() {
    #expect(
      code("We were told that supervision is recorded, however, in cases seen it was not.") == [
        "supervision": .negative
      ])
    #expect(
      code("One to one supervision is effective. However, group supervision is not recorded.") == [
        "supervision": .mixed
      ])
  }

  @Test("a plain statement answered by 'However, ...' is conceded as a strength")
  func concededSentence() {
    #expect(
      code(
        "Supervision is recorded on the family record. However, not all cases had been discussed.")
        == ["supervision": .mixed])
    #expect(
      code("We were told supervision is recorded. However, in cases seen it was not.")
        == ["supervision": .negative])
  }

  @Test("findings carry evidence sentences and byte offsets of matched terms")
  func evidence() throws {
    let text = "Staff are busy. Safeguarding supervision is weak."
    let unit = ReportUnit(
      id: "para:5.3.2", section: .trainingAndSupervision, text: text,
      lines: LineRange(first: 1, last: 1), citedRecommendations: ["rec:4.8"])
    let f = try #require(
      Coder(codebook: Self.codebook).findings(in: unit, area: "Derby", report: "derby").first)
    #expect(f.evidence == ["Safeguarding supervision is weak."])
    #expect(f.matches.map(\.pattern) == ["safeguarding supervision", "supervis*"])
    let m = f.matches[0]
    #expect(Array(text.utf8)[m.start..<m.end].elementsEqual("Safeguarding supervision".utf8))
    #expect(f.citedRecommendations == ["rec:4.8"])
    #expect(f.report == "derby" && f.section == .trainingAndSupervision)
  }
}
