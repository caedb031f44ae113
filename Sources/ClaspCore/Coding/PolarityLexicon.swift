/// The cue words that decide a sentence's polarity, compiled once into one `PatternSet`.
///
/// Cues are patterns in the codebook pattern language. Where cues overlap, the longest wins, so
/// `requires improvement` (a concern) beats `improvement` (a strength) and `good practice` counts once.
public struct PolarityLexicon: Sendable {
  /// What a cue signals.
  public enum Cue: Sendable, Hashable {
    /// A gap, weakness, delay or risk ("lack of", "inconsistent", "drift").
    case concern
    /// Good practice or compliance ("effective", "robust", "well").
    case strength
    /// Reverses the strength or concern in the next few words of its clause ("not", "no", "without").
    case negator
    /// Turns a sentence into two clauses that may disagree ("however", "although").
    case contrast
    /// A contrast that concedes the clause before it ("X, however, Y").
    case concession
    /// Marks a strength as reported or intended rather than seen ("we were told", "expected").
    case hedge
    /// Phrases that look like cues but are not ("not only", "whether or not").
    case ignore
  }

  /// Every cue pattern, compiled.
  public let set: PatternSet
  /// What each pattern of `set` signals, by index.
  public let cues: [Cue]
  /// How many words after a negator it reaches.
  public let negationScope: Int

  /// Compiles `entries`, each a cue and its patterns; earlier entries win ties between equal-length cues.
  public init(entries: [(Cue, [String])], negationScope: Int = 4) {
    var patterns: [Pattern] = []
    var cues: [Cue] = []
    for (cue, list) in entries {
      for source in list {
        // The built-in lexicon is tested to parse; a bad user entry is skipped rather than trapping.
        guard let pattern = try? Pattern(parsing: source) else { continue }
        patterns.append(pattern)
        cues.append(cue)
      }
    }
    self.set = PatternSet(patterns)
    self.cues = cues
    self.negationScope = negationScope
  }

  /// The lexicon Clasp ships, written from the wording of CQC CLAS reviews.
  public static let standard = PolarityLexicon(entries: [
    (
      .concern,
      [
        "lack*", "lacking", "absence", "absent", "insufficient*", "inconsistent*", "inconsistency",
        "variable", "variability", "patchy", "poor*", "weak*", "delay*", "late", "lateness",
        "drift",
        "gap", "gaps", "missed", "missing opportunit*", "miss opportunit*", "concerning",
        "below target", "below the target", "area for development", "areas for development",
        "area for further development", "further development", "required further development",
        "requires improvement", "require improvement",
        "required improvement", "needs to improve", "need to improve", "needs improvement",
        "needs strengthening", "requires strengthening", "required strengthening",
        "more work is needed",
        "more to do", "further work", "slow", "slippage", "limited", "low awareness", "low uptake",
        "low compliance", "low attendance",
        "low take up", "low numbers", "too low", "very low", "ad hoc", "informal",
        "over reliance", "overreliance", "reliant", "confusion", "unclear", "difficult",
        "difficulty in", "difficulties in", "difficulty appointing", "fail*",
        "non compliant", "non compliance", "noncompliance", "shortfall*", "backlog*", "deficit*",
        "incomplete", "ambiguity", "ambiguous", "unable", "challenge", "challenges", "challenging",
        "problematic", "not yet", "yet to", "remains a priority", "cannot be assured",
        "could not be assured", "not assured", "not sufficient*", "risk that", "potential risk",
        "pressure*", "vacan*", "occasionally", "occasional", "unaware", "not aware", "hard to",
        "shortage*", "struggl*", "wait*", "compromis*", "undermin*", "few",
        "little evidence", "no evidence", "not evident", "not always", "not routinely",
        "not consistently", "not clear", "a gap", "only", "priority area", "hiatus", "outstanding",
        "exceed*", "breach*", "overdue", "reduced", "reduce", "lost", "inadequate*", "should",
        "must", "need to", "needs to", "needed to", "ensure that",
      ]
    ),
    (
      .strength,
      [
        "good", "well", "effective*", "robust", "strong", "strength*", "strengthened", "excellent",
        "clear", "clearly", "positive*", "comprehensive", "appropriate", "appropriately", "timely",
        "prompt", "promptly", "improved", "improvement", "improvements", "improving", "valuable",
        "valued", "commendable", "best practice", "good practice", "in line with",
        "well established",
        "embedded", "compliant", "compliance", "in place", "routinely", "consistently", "always",
        "regular", "regularly", "confident", "committed", "proactive*", "diligent", "thorough",
        "detailed", "exemplar*", "innovative", "highly", "benefit*", "successful*", "achiev*",
        "progress", "accessible", "supportive", "helpful", "useful", "beneficial", "secure",
        "established", "enable*", "facilitat*", "ensur*", "meets", "met", "100", "provided with",
        "can expect", "reinstated",
        "introduced", "available", "developed", "has access", "have access", "access to",
      ]
    ),
    (
      .negator,
      [
        "not", "no", "never", "without", "nor", "neither", "cannot", "unable to", "little",
        "don t", "doesn t", "didn t", "isn t", "aren t", "wasn t", "weren t", "hasn t", "haven t",
        "hadn t", "won t", "wouldn t", "couldn t", "can t", "lack of", "absence of", "none",
      ]
    ),
    (.contrast, ["although", "though", "whilst", "while", "despite", "yet", "except"]),
    // "however" and "but" concede what precedes them; the others subordinate a clause.
    (.concession, ["however", "but"]),
    (
      .hedge,
      [
        "we were told", "told us", "we were advised", "advised us", "expected", "expect", "expects",
        "expectation", "plans to",
        "planned", "intend*", "aims to", "aim is", "would", "will", "is being", "are being",
        "being developed", "being implemented", "in development", "piloted", "piloting",
        "it is important", "is important that", "is essential", "it is essential", "it is vital",
        "had these", "had this", "have a responsibility", "has a responsibility",
        "responsibility to",
        "plans in place", "has plans", "have plans", "plan to", "plans", "is due to", "are due to",
        "would have", "could have", "may have",
      ]
    ),
    (
      .ignore,
      [
        "not only", "whether or not", "no longer than", "no later than", "no more than", "low mood",
        "low level", "detailed later",
        "detailed below", "detailed in", "detailed further",
      ]
    ),
  ])
}
