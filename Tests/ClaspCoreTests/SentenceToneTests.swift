import Testing

@testable import ClaspCore

@Suite struct SentenceToneTests {
  func lean(_ sentence: String) -> Polarity {
    let bytes = Array(sentence.utf8)
    let words = WordTokenizer.words(bytes)
    let tones = SentenceTone.tones(
      bytes: bytes, words: words, sentenceOfWord: Array(repeating: 0, count: words.count),
      sentenceCount: 1, lexicon: .standard)
    return tones[0].lean
  }

  @Test(
    "cues and negation decide a sentence's lean",
    arguments: [
      ("Supervision arrangements are robust and effective.", Polarity.positive),
      ("Supervision arrangements are not robust.", .negative),
      ("Supervision arrangements are not robust or effective.", .negative),
      ("There is no system for recording decisions.", .negative),
      ("There was a lack of oversight.", .negative),
      ("Children were seen without delay.", .neutral),
      ("Staff attend a monthly meeting.", .neutral),
      ("Referrals were comprehensive and of good quality.", .positive),
      ("We saw evidence of drift in some cases.", .negative),
    ])
  func lean(sentence: String, expected: Polarity) {
    #expect(lean(sentence) == expected)
  }

  @Test("a contrast sets a strength against a concern")
  func contrast() {
    #expect(lean("Referrals were good; however, written confirmation was inconsistent.") == .mixed)
    #expect(
      lean("Notes are kept on the record, however, this does not happen for group sessions.")
        == .mixed)
  }

  @Test("a contrast word opening a sentence does not concede an empty clause")
  func openingContrast() {
    #expect(lean("However, some nurses have not yet completed training.") == .negative)
  }

  @Test("a reported strength set against a concern is not conceded")
  func hedged() {
    #expect(
      lean("We were told that records are kept, however, in cases seen they were not.") == .negative
    )
  }
}
