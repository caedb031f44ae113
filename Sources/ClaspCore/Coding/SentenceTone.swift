/// The evaluative cues of one sentence, after overlaps and negation are resolved, by clause.
///
/// Clauses are cut at contrast words ("however", "although", "whilst") and semicolons. In a sentence that
/// sets a plain statement against a concern ("notes are entered on the record, however, this does not
/// happen for group supervision"), the conceded clause counts as a strength.
public struct SentenceTone: Sendable, Hashable {
  /// The lean of each clause, in order.
  public var clauses: [Polarity] = []
  /// True when the sentence has a contrast word.
  public var contrast = false
  /// True when a plain clause stands conceded before a concern ("X, however, Y" or "X but Y").
  public var conceded = false
  /// True when the sentence opens with "However" or "But", answering the sentence before it.
  public var opensWithConcession = false
  /// True when its strengths are reported, intended or normative rather than seen ("we were told",
  /// "expected", "it is important that").
  public var hedged = false

  /// A tone with no clauses (neutral).
  public init() {}

  /// Strength clauses.
  public var strengths: Int { clauses.filter { $0 == .positive }.count }
  /// Concern clauses.
  public var concerns: Int { clauses.filter { $0 == .negative }.count }

  /// The sentence's lean: a clear strength, a clear concern, both (in contrasting clauses), or none.
  public var lean: Polarity {
    Self.lean(
      strength: clauses.contains(.positive), concern: clauses.contains(.negative),
      conceded: conceded, hedged: hedged)
  }

  /// The lean of a sentence with a strength clause or not and a concern clause or not.
  static func lean(strength: Bool, concern: Bool, conceded: Bool, hedged: Bool) -> Polarity {
    let strength = strength || concern && conceded && !hedged
    switch (strength, concern) {
    case (true, true): return .mixed
    case (true, false): return .positive
    case (false, true): return .negative
    case (false, false): return .neutral
    }
  }

  /// What decides a sentence's lean, without the list of its clauses: the coder's view of a tone,
  /// which costs no allocation per sentence.
  struct Summary {
    /// True when a clause leans positive; `concern` when one leans negative.
    var strength = false
    var concern = false
    var contrast = false
    var conceded = false
    var opensWithConcession = false
    var hedged = false

    var lean: Polarity {
      SentenceTone.lean(strength: strength, concern: concern, conceded: conceded, hedged: hedged)
    }
  }

  /// The tone of every sentence of a unit, from one pass of `lexicon` over its words.
  /// - Parameters:
  ///   - bytes: the unit's UTF-8 text.
  ///   - words: its words; `sentenceOfWord` gives each word's sentence among `sentenceCount`.
  public static func tones(
    bytes: [UInt8], words: [Word], sentenceOfWord: [Int], sentenceCount: Int,
    lexicon: PolarityLexicon
  ) -> [SentenceTone] {
    let raw = lexicon.set.matches(in: bytes, words: words, sentenceOfWord: sentenceOfWord)
    let scanned = words.indices.map {
      ScannedText.Word(
        start: words[$0].start, end: words[$0].end, idStart: 0, idEnd: 0, isHead: false,
        hasUppercase: words[$0].hasUppercase, isNumber: false, sentence: sentenceOfWord[$0])
    }
    var tones = Array(repeating: SentenceTone(), count: sentenceCount)
    let summaries = summaries(
      bytes: bytes, words: scanned, sentenceCount: sentenceCount, cues: raw, lexicon: lexicon
    ) { tones[$0].clauses.append($1) }
    for (s, summary) in summaries.enumerated() {
      tones[s].contrast = summary.contrast
      tones[s].conceded = summary.conceded
      tones[s].opensWithConcession = summary.opensWithConcession
      tones[s].hedged = summary.hedged
    }
    return tones
  }

  /// The buffers `summaries` works in, kept from one unit to the next.
  struct Scratch {
    /// Per word: true once a kept cue covers it.
    var taken: [Bool] = []
    /// The cues kept after overlaps are resolved.
    var kept: [(match: PatternSet.Match, cue: PolarityLexicon.Cue)] = []
  }

  /// The tone of every sentence of a unit from `cues`, the matches of `lexicon`'s set in its words;
  /// `clause`, when given, is told each sentence's clauses in order.
  static func summaries(
    bytes: [UInt8], words: [ScannedText.Word], sentenceCount: Int, cues raw: [PatternSet.Match],
    lexicon: PolarityLexicon, clause: ((_ sentence: Int, _ lean: Polarity) -> Void)? = nil
  ) -> [Summary] {
    var tones: [Summary] = []
    var scratch = Scratch()
    summaries(
      bytes: bytes, words: words, sentenceCount: sentenceCount, cues: raw, lexicon: lexicon,
      into: &tones, scratch: &scratch, clause: clause)
    return tones
  }

  /// Replaces `tones` with the tone of every sentence of a unit from `cues`, as
  /// `summaries(bytes:words:sentenceCount:cues:lexicon:clause:)` does, working in `scratch`.
  static func summaries(
    bytes: [UInt8], words: [ScannedText.Word], sentenceCount: Int, cues raw: [PatternSet.Match],
    lexicon: PolarityLexicon, into tones: inout [Summary], scratch: inout Scratch,
    clause: ((_ sentence: Int, _ lean: Polarity) -> Void)? = nil
  ) {
    tones.removeAll(keepingCapacity: true)
    tones.append(contentsOf: repeatElement(Summary(), count: sentenceCount))
    // Longest cue wins where cues overlap; ties go to the earlier-listed cue. The matches come in
    // word then pattern order, so taking them longest first, in order within a length, is that.
    let longest = raw.reduce(0) { max($0, $1.lastWord - $1.firstWord) }
    var taken = scratch.taken
    var kept = scratch.kept
    scratch = Scratch()
    kept.removeAll(keepingCapacity: true)
    if longest == 0 {
      // Single-word cues overlap only on one word, where the first (in pattern order) wins.
      for m in raw where kept.last?.match.firstWord != m.firstWord {
        kept.append((m, lexicon.cues[m.pattern]))
      }
    } else {
      taken.removeAll(keepingCapacity: true)
      taken.append(contentsOf: repeatElement(false, count: words.count))
      for length in stride(from: longest, through: 0, by: -1) {
        for m in raw where m.lastWord - m.firstWord == length {
          guard !(m.firstWord...m.lastWord).contains(where: { taken[$0] }) else { continue }
          for w in m.firstWord...m.lastWord { taken[w] = true }
          kept.append((m, lexicon.cues[m.pattern]))
        }
      }
      kept.sort { $0.match.firstWord < $1.match.firstWord }
    }
    defer { scratch = Scratch(taken: taken, kept: kept) }

    // Running counts of the current clause of the current sentence.
    var sentence = -1
    var strengths = 0
    var concerns = 0
    var clauseStart = 0
    func closeClause(at end: Int) {
      defer { clauseStart = end }
      if let p = pendingConcession, p.sentence == sentence, end > clauseStart || end == .max {
        // The clause after the concession word is closing: concede the one before it if it was plain.
        if p.plain && concerns > strengths { tones[sentence].conceded = true }
        pendingConcession = nil
      }
      // A contrast word that opens a sentence ("However, ...") leaves no clause before it.
      guard sentence >= 0, end > clauseStart else { return }
      let lean: Polarity = strengths > concerns ? .positive : concerns > 0 ? .negative : .neutral
      if lean == .positive { tones[sentence].strength = true }
      if lean == .negative { tones[sentence].concern = true }
      clause?(sentence, lean)
      strengths = 0
      concerns = 0
    }
    // A negator waits for the cue it reverses; after reversing one it stays live for coordinated
    // cues ("not robust or effective") but is no longer a concern of its own.
    var negator: (word: Int, used: Bool)?
    func settleNegator() {
      if let n = negator, !n.used { concerns += 1 }
      negator = nil
    }
    var lastEnd = 0
    var pendingConcession: (sentence: Int, plain: Bool)?
    for (m, cue) in kept {
      let s = words[m.firstWord].sentence
      if s != sentence {
        settleNegator()
        closeClause(at: .max)
        sentence = s
        clauseStart = m.firstWord
        while clauseStart > 0, words[clauseStart - 1].sentence == s { clauseStart -= 1 }
      } else if semicolon(bytes, from: lastEnd, to: m.start) {
        settleNegator()
        closeClause(at: m.firstWord)
      }
      lastEnd = m.end
      if let n = negator,
        m.firstWord - n.word > lexicon.negationScope
          || clauseBreak(bytes, from: words[n.word].end, to: m.start)
      {
        settleNegator()
      }
      switch cue {
      case .negator:
        settleNegator()
        negator = (m.lastWord, false)
      case .strength:
        if negator != nil {
          negator = (m.lastWord, true)
          concerns += 1
        } else {
          strengths += 1
        }
      case .concern:
        if negator != nil {
          // "no delay", "not inconsistent": the concern is denied; count neither side.
          negator = (m.lastWord, true)
        } else {
          concerns += 1
        }
      case .contrast, .concession:
        settleNegator()
        tones[s].contrast = true
        // Only a plain clause right before "however"/"but", with a concern after it, is conceded.
        let plain = m.firstWord > clauseStart && strengths == 0 && concerns == 0
        closeClause(at: m.firstWord)
        clauseStart = m.lastWord + 1
        if cue == .concession {
          pendingConcession = (s, plain)
          if m.firstWord == 0 || words[m.firstWord - 1].sentence != s {
            tones[s].opensWithConcession = true
          }
        }
      case .hedge:
        tones[s].hedged = true
      case .ignore:
        break
      }
    }
    settleNegator()
    closeClause(at: .max)
  }

  /// True when a semicolon lies between two byte offsets.
  static func semicolon(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
    from < to && bytes[from..<to].contains(59)
  }

  /// True when punctuation that ends a clause (`,` `;` `:` `(`) lies between two byte offsets.
  static func clauseBreak(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
    guard from < to else { return false }
    return bytes[from..<to].contains { $0 == 44 || $0 == 59 || $0 == 58 || $0 == 40 }
  }
}
