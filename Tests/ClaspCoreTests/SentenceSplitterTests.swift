import Testing

@testable import ClaspCore

@Suite struct SentenceSplitterTests {
  @Test(
    "abbreviations, initials and decimal numbers do not end sentences",
    arguments: [
      (
        "Risks, e.g. domestic abuse, are noted. Staff agree.",
        ["Risks, e.g. domestic abuse, are noted.", "Staff agree."]
      ),
      (
        "Level 3, i.e. the required level, is met. Good.",
        ["Level 3, i.e. the required level, is met.", "Good."]
      ),
      (
        "Dr. Patel and Mrs. Jones met. They agreed.",
        ["Dr. Patel and Mrs. Jones met.", "They agreed."]
      ),
      ("See No. 4 in the plan. Done.", ["See No. 4 in the plan.", "Done."]),
      (
        "As paragraph 5.3 shows, 81.5% were done. Next.",
        ["As paragraph 5.3 shows, 81.5% were done.", "Next."]
      ),
      ("Seen by J. Smith today. Fine.", ["Seen by J. Smith today.", "Fine."]),
    ])
  func abbreviations(text: String, expected: [String]) {
    #expect(SentenceSplitter.sentences(in: text) == expected)
  }

  @Test("closing quotes, brackets and emphasis stay with their sentence")
  func closers() {
    #expect(
      SentenceSplitter.sentences(in: "She said “it was good.” Then left. (**Recommendation 2.1**)")
        == ["She said “it was good.”", "Then left.", "(**Recommendation 2.1**)"])
  }

  @Test("line breaks end sentences and bullets are trimmed")
  func lines() {
    #expect(
      SentenceSplitter.sentences(in: "Staff told us:\n- records are kept\n- plans are shared")
        == ["Staff told us:", "records are kept", "plans are shared"])
  }

  @Test("question and exclamation marks end sentences; byte ranges index UTF-8")
  func ranges() {
    let text = "Is it safe? Yes! Crèche é."
    let bytes = Array(text.utf8)
    let ranges = SentenceSplitter.ranges(in: bytes)
    #expect(ranges.count == 3)
    #expect(String(decoding: bytes[ranges[2]], as: UTF8.self) == "Crèche é.")
  }
}
