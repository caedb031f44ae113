/// The evaluative cues of one sentence, after overlaps and negation are resolved.
public struct SentenceTone: Sendable, Hashable {
  /// Strength cues not negated, plus negated concerns ("no delay").
  public var strengths = 0
  /// Concern cues, negated strengths ("not robust") and negators left over ("there is no system").
  public var concerns = 0
  /// True when the sentence has a contrast word ("however", "although").
  public var contrast = false
  /// True when its strengths are reported or intended rather than seen ("we were told", "expected").
  public var hedged = false

  public init() {}

  /// The sentence's lean: a clear strength, a clear concern, both (in contrasting clauses), or none.
  public var lean: Polarity {
    if strengths == 0 && concerns == 0 { return .neutral }
    if concerns == 0 { return .positive }
    if strengths == 0 { return .negative }
    if contrast { return .mixed }
    return strengths > concerns ? .positive : .negative
  }

  /// The tone of every sentence of a unit, from one pass of `lexicon` over its words.
  /// - Parameters:
  ///   - bytes: the unit's UTF-8 text.
  ///   - words: its words; `sentenceOfWord` gives each word's sentence among `sentenceCount`.
  public static func tones(
    bytes: [UInt8], words: [Word], sentenceOfWord: [Int], sentenceCount: Int, lexicon: PolarityLexicon
  ) -> [SentenceTone] {
    var tones = Array(repeating: SentenceTone(), count: sentenceCount)
    let raw = lexicon.set.matches(in: bytes, words: words, sentenceOfWord: sentenceOfWord)
    // Longest cue wins where cues overlap; ties go to the earlier-listed cue.
    let ordered = raw.sorted {
      let l0 = $0.lastWord - $0.firstWord
      let l1 = $1.lastWord - $1.firstWord
      return l0 != l1 ? l0 > l1 : ($0.firstWord, $0.pattern) < ($1.firstWord, $1.pattern)
    }
    var taken = Array(repeating: false, count: words.count)
    var kept: [(match: PatternSet.Match, cue: PolarityLexicon.Cue)] = []
    for m in ordered where !(m.firstWord...m.lastWord).contains(where: { taken[$0] }) {
      for w in m.firstWord...m.lastWord { taken[w] = true }
      kept.append((m, lexicon.cues[m.pattern]))
    }
    kept.sort { $0.match.firstWord < $1.match.firstWord }

    var pendingNegator: (word: Int, sentence: Int)?
    func settleNegator() {
      if let n = pendingNegator { tones[n.sentence].concerns += 1 }
      pendingNegator = nil
    }
    for (m, cue) in kept {
      let s = sentenceOfWord[m.firstWord]
      if let n = pendingNegator,
        n.sentence != s || m.firstWord - n.word > lexicon.negationScope
          || clauseBreak(bytes, from: words[n.word].end, to: m.start)
      {
        settleNegator()
      }
      switch cue {
      case .negator:
        settleNegator()
        pendingNegator = (m.lastWord, s)
      case .strength:
        if pendingNegator != nil {
          pendingNegator = nil
          tones[s].concerns += 1
        } else {
          tones[s].strengths += 1
        }
      case .concern:
        if pendingNegator != nil {
          // "no delay", "not inconsistent": the concern is denied; count neither side.
          pendingNegator = nil
        } else {
          tones[s].concerns += 1
        }
      case .contrast:
        settleNegator()
        tones[s].contrast = true
      case .hedge:
        tones[s].hedged = true
      case .ignore:
        break
      }
    }
    settleNegator()
    return tones
  }

  /// True when punctuation that ends a clause (`,` `;` `:` `(`) lies between two byte offsets.
  static func clauseBreak(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
    guard from < to else { return false }
    return bytes[from..<to].contains { $0 == 44 || $0 == 59 || $0 == 58 || $0 == 40 }
  }
}
