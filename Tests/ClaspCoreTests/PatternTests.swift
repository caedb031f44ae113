import Testing

@testable import ClaspCore

@Suite struct PatternTests {
  /// The matched texts of `patterns` in `text`, as "pattern=text".
  func hits(_ patterns: [String], in text: String) throws -> [String] {
    let set = PatternSet(try patterns.map { try Pattern(parsing: $0) })
    let bytes = Array(text.utf8)
    return set.matches(in: bytes).map {
      "\(patterns[$0.pattern])=\(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))"
    }
  }

  @Test("a trailing star matches every word it begins")
  func glob() throws {
    #expect(
      try hits(
        ["supervis*"], in: "Supervision, supervisors and supervised staff; not super vision.")
        == ["supervis*=Supervision", "supervis*=supervisors", "supervis*=supervised"])
  }

  @Test("phrases match consecutive words across punctuation, apostrophes and hyphens")
  func phrases() throws {
    #expect(
      try hits(
        ["children's social care", "one to one supervision"],
        in: "Referrals to children’s social care; one-to-one supervision; children social work.")
        == [
          "children's social care=children’s social care",
          "one to one supervision=one-to-one supervision",
        ])
  }

  @Test("lowercase words ignore case; words with capitals are acronyms matched as written")
  func caseRules() throws {
    #expect(
      try hits(["MASH", "IHA*"], in: "The MASH team; mash potato; IHAs and IHA; iha.") == [
        "MASH=MASH", "IHA*=IHAs", "IHA*=IHA",
      ])
    #expect(
      try hits(["think family"], in: "Think Family and THINK FAMILY") == [
        "think family=Think Family", "think family=THINK FAMILY",
      ])
  }

  @Test("a match never spans two sentences")
  func sentenceBoundary() throws {
    let set = PatternSet([try Pattern(parsing: "supervision arrangements")])
    let bytes = Array("Staff lack supervision. Arrangements are poor.".utf8)
    let words = WordTokenizer.words(bytes)
    let sentences = SentenceSplitter.ranges(in: bytes)
    let index = Coder.sentenceIndex(of: words, in: sentences)
    #expect(set.matches(in: bytes, words: words, sentenceOfWord: index).isEmpty)
    #expect(set.matches(in: bytes).count == 1)
  }

  @Test("overlapping patterns sharing a prefix all report, by start then pattern order")
  func sharedPrefix() throws {
    #expect(
      try hits(
        ["safeguarding", "safeguarding supervision", "safeguard*"], in: "safeguarding supervision")
        == [
          "safeguarding=safeguarding", "safeguarding supervision=safeguarding supervision",
          "safeguard*=safeguarding",
        ])
  }

  @Test(
    "invalid patterns are rejected with a reason",
    arguments: [
      ("", PatternError.empty),
      ("  ", PatternError.empty),
      ("*", PatternError.bareStar("*")),
      ("sup*vision", PatternError.starInsideWord("sup*vision")),
      ("referral (MASH)", PatternError.invalidCharacter("referral (MASH)")),
    ])
  func invalid(source: String, error: PatternError) {
    #expect(throws: error) { try Pattern(parsing: source) }
  }

  @Test("pattern errors read as sentences")
  func messages() {
    #expect(
      PatternError.starInsideWord("sup*vision").description
        == "invalid pattern \"sup*vision\": '*' may only end a word")
    #expect(PatternError.empty.description == "pattern is empty")
  }
}
