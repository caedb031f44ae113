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

  /// The codebook whose themes are coded, in its order.
  public let codebook: Codebook
  /// The cue words that decide polarity.
  public let lexicon: PolarityLexicon
  private let set: PatternSet
  /// For each compiled pattern: its theme's index in the codebook and what it does.
  private let owners: [(theme: Int, role: Role)]

  /// Compiles `codebook`'s patterns (which `Codebook.load` has already validated) and `lexicon`'s cues.
  public init(codebook: Codebook, lexicon: PolarityLexicon = .standard) {
    self.codebook = codebook
    self.lexicon = lexicon
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
    let text = UnitText(unit.text)
    guard !text.words.isEmpty, !text.sentences.isEmpty else { return [] }
    let matches = set.matches(
      in: text.bytes, words: text.words, sentenceOfWord: text.sentenceOfWord)
    var byTheme = [[PatternSet.Match]](repeating: [], count: codebook.themes.count)
    for m in matches { byTheme[owners[m.pattern].theme].append(m) }
    let hits = codebook.themes.indices.compactMap {
      detect(theme: $0, in: text, matches: byTheme[$0])
    }
    guard !hits.isEmpty else { return [] }

    let tones =
      unit.id.kind == .recommendation
      ? []
      : SentenceTone.tones(
        bytes: text.bytes, words: text.words, sentenceOfWord: text.sentenceOfWord,
        sentenceCount: text.sentences.count, lexicon: lexicon)
    return hits.map { hit in
      let polarity =
        unit.id.kind == .recommendation
        ? .negative : polarity(of: hit, in: text, tones: tones)
      return Finding(
        area: area, report: report, unit: unit.id, section: unit.section,
        theme: codebook.themes[hit.theme].id, polarity: polarity,
        evidence: hit.sentences.map {
          String(decoding: text.bytes[text.sentences[$0]], as: UTF8.self)
        },
        matches: hit.matches.map {
          MatchedTerm(
            pattern: set.patterns[$0.pattern].source,
            text: String(decoding: text.bytes[$0.start..<$0.end], as: UTF8.self), start: $0.start,
            end: $0.end)
        },
        citedRecommendations: unit.citedRecommendations)
    }
  }

  /// A unit's text split once into bytes, words and sentences.
  struct UnitText {
    let bytes: [UInt8]
    let words: [Word]
    let sentences: [Range<Int>]
    let sentenceOfWord: [Int]
    /// Sentences other than bare citations, in order.
    let content: [Int]

    init(_ text: String) {
      bytes = Array(text.utf8)
      words = WordTokenizer.words(bytes)
      sentences = SentenceSplitter.ranges(in: bytes)
      sentenceOfWord = Coder.sentenceIndex(of: words, in: sentences)
      content = Coder.contentSentences(
        words: words, sentenceOfWord: sentenceOfWord, bytes: bytes, count: sentences.count)
    }
  }

  /// A theme found substantive in a unit.
  struct ThemeHit {
    /// The theme's index in the codebook.
    let theme: Int
    /// The sentences that carry it, in order.
    let sentences: [Int]
    /// The matches that count, with context matches of the sentences that needed them.
    let matches: [PatternSet.Match]
  }

  /// Applies theme `t`'s rules (see `ThemeRules`) to its matches in `text`.
  func detect(theme t: Int, in text: UnitText, matches mine: [PatternSet.Match]) -> ThemeHit? {
    guard !mine.isEmpty else { return nil }
    let rules = codebook.themes[t].rules
    let excluded = mine.filter { owners[$0.pattern].role == .exclude }
    var contextBySentence: [Int: Set<Int>] = [:]
    var contextMatches: [Int: [PatternSet.Match]] = [:]
    for m in mine {
      if case .context(let g) = owners[m.pattern].role {
        let s = text.sentenceOfWord[m.firstWord]
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
      let s = text.sentenceOfWord[m.firstWord]
      guard text.content.contains(s) else { continue }
      if role == .include, !rules.context.isEmpty,
        contextBySentence[s, default: []].count < rules.context.count
      {
        continue
      }
      if role == .strong { strongSentences.insert(s) } else { includeSentences.insert(s) }
      counted.append(m)
    }
    let substantive =
      !strongSentences.isEmpty || includeSentences.count >= rules.minSentences
      || (text.content.first.map(includeSentences.contains) ?? false)
      || (text.content.count <= 2 && !includeSentences.isEmpty)
    guard substantive else { return nil }
    if !rules.context.isEmpty {
      for s in includeSentences.sorted() { counted.append(contentsOf: contextMatches[s] ?? []) }
    }
    counted.sort { ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern) }
    return ThemeHit(
      theme: t, sentences: strongSentences.union(includeSentences).sorted(), matches: counted)
  }

  /// The polarity of a paragraph's theme from the tones of the sentences that bear on it.
  func polarity(of hit: ThemeHit, in text: UnitText, tones: [SentenceTone])
    -> Polarity
  {
    // The sentences that carry the theme, and any that continue one of them ("This means...",
    // "However..."): a theme's evaluation often follows the sentence that names it.
    var chosen = Set(hit.sentences)
    for s in hit.sentences {
      var next = s + 1
      while next < text.sentences.count, !chosen.contains(next),
        Self.continues(text.bytes[text.sentences[next]])
      {
        chosen.insert(next)
        next += 1
      }
    }
    // A plain statement answered by a "However, ..." concern is conceded as a strength, as within
    // a sentence.
    let local = Self.polarity(
      of: chosen.sorted().map { s in
        var tone = tones[s]
        if tone.lean == .neutral, !tone.hedged, s + 1 < tones.count,
          tones[s + 1].opensWithConcession, tones[s + 1].lean == .negative
        {
          tone.clauses = [.positive]
        }
        return tone
      })
    // Sentences that carry a theme without evaluating it take the unit's overall tone.
    return local == .neutral ? Self.polarity(of: text.content.map { tones[$0] }) : local
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
    "this", "these", "that", "it", "they", "however", "but", "although", "though", "despite",
    "as a result",
    "consequently", "therefore", "overall", "in addition", "also", "nevertheless", "similarly",
    "such",
  ].map { Array($0.utf8) }

  /// True when `sentence` opens with a word that refers back to or contrasts with the sentence before.
  static func continues(_ sentence: ArraySlice<UInt8>) -> Bool {
    let lower = sentence.prefix(16).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    return continuations.contains { opener in
      lower.starts(with: opener)
        && (lower.count == opener.count || !SentenceSplitter.isLetter(lower[opener.count]))
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

  static let citationWords: Set<[UInt8]> = [
    Array("recommendation".utf8), Array("recommendations".utf8), Array("and".utf8),
  ]

  /// The sentences that say something: all but citations such as "(Recommendations 1.3 and 6.2)".
  static func contentSentences(
    words: [Word], sentenceOfWord: [Int], bytes: [UInt8], count: Int
  ) -> [Int] {
    var hasContent = Array(repeating: false, count: count)
    for (i, w) in words.enumerated() where !citationWords.contains(w.folded) {
      if !w.folded.allSatisfy({ $0 >= 48 && $0 <= 57 }) { hasContent[sentenceOfWord[i]] = true }
    }
    return (0..<count).filter { hasContent[$0] }
  }
}
