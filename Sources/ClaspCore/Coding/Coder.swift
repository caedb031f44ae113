/// Codes the units of a report with the themes of a codebook, a polarity and evidence for each.
///
/// All theme patterns are compiled once, at `init`, into one `PatternSet`; each unit is then split into
/// sentences and matched in one pass. A theme is coded only where it is the point of a sentence (see
/// `ThemeRules`); its polarity comes from the cues of the sentences that carry it, and recommendations
/// are always concerns.
///
/// ```swift
/// let coder = Coder(codebook: try Codebook.bundledDefault())
/// for finding in coder.findings(in: try ReportLoader.load(path: "Data/reports/derby.txt")) {
///   print(finding.unit, finding.theme, finding.polarity)
/// }
/// ```
public struct Coder: Sendable {
  private enum Role: Sendable, Hashable {
    case strong, include, exclude
    case context(Int)
  }

  /// Which sentences decide a theme's polarity.
  enum PolarityScope: Sendable {
    /// The sentences that carry the theme.
    case matched
    /// Those, plus a sentence that follows one and continues it ("This means...", "However...").
    case matchedAndFollowing
    /// Every sentence of the unit.
    case unit
  }

  public let codebook: Codebook
  public let lexicon: PolarityLexicon
  let scope: PolarityScope
  private let set: PatternSet
  /// For each compiled pattern: its theme's index in the codebook and what it does.
  private let owners: [(theme: Int, role: Role)]

  /// Compiles `codebook`'s patterns (which `Codebook.load` has already validated).
  public init(codebook: Codebook, lexicon: PolarityLexicon = .standard) {
    self.init(codebook: codebook, lexicon: lexicon, scope: .matchedAndFollowing)
  }

  init(codebook: Codebook, lexicon: PolarityLexicon, scope: PolarityScope) {
    self.codebook = codebook
    self.lexicon = lexicon
    self.scope = scope
    var patterns: [Pattern] = []
    var owners: [(theme: Int, role: Role)] = []
    func add(_ list: [String], _ theme: Int, _ role: Role) {
      for source in list {
        guard let p = try? Pattern(parsing: source) else { continue }
        patterns.append(p)
        owners.append((theme, role))
      }
    }
    for (t, theme) in codebook.themes.enumerated() {
      add(theme.rules.strong, t, .strong)
      add(theme.rules.include, t, .include)
      add(theme.rules.exclude, t, .exclude)
      for (g, group) in theme.rules.context.enumerated() { add(group, t, .context(g)) }
    }
    self.set = PatternSet(patterns)
    self.owners = owners
  }

  /// The findings of every unit of `report`, in unit order then codebook order.
  public func findings(in report: Report) -> [Finding] {
    report.units.flatMap {
      findings(in: $0, area: report.metadata.area, report: report.metadata.slug)
    }
  }

  /// The findings of one unit; `area` and `report` (the slug) are copied into each finding.
  public func findings(in unit: ReportUnit, area: String, report: String) -> [Finding] {
    let bytes = Array(unit.text.utf8)
    let words = WordTokenizer.words(bytes)
    let sentences = SentenceSplitter.ranges(in: bytes)
    guard !words.isEmpty, !sentences.isEmpty else { return [] }
    let sentenceOfWord = Self.sentenceIndex(of: words, in: sentences)
    let content = Self.contentSentences(words: words, sentenceOfWord: sentenceOfWord, bytes: bytes,
      count: sentences.count)
    let matches = set.matches(in: bytes, words: words, sentenceOfWord: sentenceOfWord)
    var tones: [SentenceTone]?

    var out: [Finding] = []
    for (t, theme) in codebook.themes.enumerated() {
      let mine = matches.filter { owners[$0.pattern].theme == t }
      if mine.isEmpty { continue }
      let excluded = mine.filter { owners[$0.pattern].role == .exclude }
      var contextBySentence: [Int: Set<Int>] = [:]
      var contextMatches: [Int: [PatternSet.Match]] = [:]
      for m in mine {
        if case .context(let g) = owners[m.pattern].role {
          let s = sentenceOfWord[m.firstWord]
          contextBySentence[s, default: []].insert(g)
          contextMatches[s, default: []].append(m)
        }
      }
      var strongSentences = Set<Int>()
      var includeSentences = Set<Int>()
      var counted: [PatternSet.Match] = []
      for m in mine {
        let role = owners[m.pattern].role
        guard role == .strong || role == .include else { continue }
        if excluded.contains(where: { $0.start < m.end && m.start < $0.end }) { continue }
        let s = sentenceOfWord[m.firstWord]
        guard content.contains(s) else { continue }
        if role == .include, !theme.rules.context.isEmpty,
          contextBySentence[s, default: []].count < theme.rules.context.count
        {
          continue
        }
        if role == .strong { strongSentences.insert(s) } else { includeSentences.insert(s) }
        counted.append(m)
      }
      let all = strongSentences.union(includeSentences)
      let substantive =
        !strongSentences.isEmpty || includeSentences.count >= theme.rules.minSentences
        || (content.first.map(includeSentences.contains) ?? false)
        || (content.count <= 2 && !includeSentences.isEmpty)
      guard substantive else { continue }

      let evidenceSentences = all.sorted()
      for s in includeSentences.sorted() where !theme.rules.context.isEmpty {
        counted.append(contentsOf: contextMatches[s] ?? [])
      }
      counted.sort { ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern) }
      let polarity: Polarity
      if unit.id.kind == .recommendation {
        polarity = .negative
      } else {
        if tones == nil {
          tones = SentenceTone.tones(
            bytes: bytes, words: words, sentenceOfWord: sentenceOfWord, sentenceCount: sentences.count,
            lexicon: lexicon)
        }
        let toneSentences: [Int]
        switch scope {
        case .matched: toneSentences = evidenceSentences
        case .unit: toneSentences = content
        case .matchedAndFollowing:
          var set = Set(evidenceSentences)
          for s in evidenceSentences {
            var next = s + 1
            while next < sentences.count, !set.contains(next), Self.continues(bytes[sentences[next]]) {
              set.insert(next)
              next += 1
            }
          }
          toneSentences = set.sorted()
        }
        polarity = Self.polarity(of: toneSentences.map { tones![$0] })
      }
      out.append(
        Finding(
          area: area, report: report, unit: unit.id, section: unit.section, theme: theme.id,
          polarity: polarity,
          evidence: evidenceSentences.map { String(decoding: bytes[sentences[$0]], as: UTF8.self) },
          matches: counted.map {
            MatchedTerm(
              pattern: set.patterns[$0.pattern].source,
              text: String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), start: $0.start, end: $0.end)
          },
          citedRecommendations: unit.citedRecommendations))
    }
    return out
  }

  /// A theme's polarity from the tones of the sentences that carry it.
  ///
  /// A concern and a seen strength make `mixed`; a concern with only reported or intended strengths
  /// ("we were told ... however") stays `negative`.
  static func polarity(of tones: [SentenceTone]) -> Polarity {
    var strength = false
    var hedgedStrength = false
    var concern = false
    for tone in tones {
      switch tone.lean {
      case .positive:
        if tone.hedged { hedgedStrength = true } else { strength = true }
      case .negative: concern = true
      case .mixed:
        concern = true
        if tone.hedged { hedgedStrength = true } else { strength = true }
      case .neutral: break
      }
    }
    if concern { return strength ? .mixed : .negative }
    if strength || hedgedStrength { return .positive }
    return .neutral
  }

  /// Openings by which a sentence continues the one before it.
  static let continuations: [[UInt8]] = [
    "this", "these", "that", "it", "they", "however", "but", "although", "though", "despite", "as a result",
    "consequently", "therefore", "overall", "in addition", "also", "nevertheless", "similarly", "such",
  ].map { Array($0.utf8) }

  /// True when `sentence` opens with a word that refers back to or contrasts with the sentence before.
  static func continues(_ sentence: ArraySlice<UInt8>) -> Bool {
    let lower = sentence.prefix(16).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    return continuations.contains { opener in
      lower.starts(with: opener) && (lower.count == opener.count || !SentenceSplitter.isLetter(lower[opener.count]))
    }
  }

  /// The sentence index of each word, by the sentence range that holds its first byte.
  static func sentenceIndex(of words: [Word], in sentences: [Range<Int>]) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(words.count)
    var s = 0
    for w in words {
      while s + 1 < sentences.count, sentences[s + 1].lowerBound <= w.start { s += 1 }
      out.append(s)
    }
    return out
  }

  /// The sentences that say something: all but citations such as "(Recommendations 1.3 and 6.2)".
  static func contentSentences(
    words: [Word], sentenceOfWord: [Int], bytes: [UInt8], count: Int
  ) -> [Int] {
    var hasContent = Array(repeating: false, count: count)
    let filler: Set<[UInt8]> = [Array("recommendation".utf8), Array("recommendations".utf8), Array("and".utf8)]
    for (i, w) in words.enumerated() where !filler.contains(w.folded) {
      if !w.folded.allSatisfy({ $0 >= 48 && $0 <= 57 }) { hasContent[sentenceOfWord[i]] = true }
    }
    return (0..<count).filter { hasContent[$0] }
  }
}
