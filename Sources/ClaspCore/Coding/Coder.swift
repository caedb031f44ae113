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
  /// The codebook's patterns followed by the lexicon's cues, so one pass finds both.
  private let set: PatternSet
  /// Each pattern's source, as a finding's matched terms name it.
  private let sources: [String]
  /// Per theme, what `detect` needs of its rules: its context groups and the sentences an include
  /// match needs, so coding a unit copies no `ThemeRules`.
  private let themes: [(groups: Int, minSentences: Int)]
  /// The themes' ids, by codebook position.
  private let themeIDs: [ThemeID]
  /// How many of `set`'s patterns are the codebook's; a cue's index is offset by this.
  private let themePatternCount: Int
  /// For each compiled codebook pattern: its theme's index in the codebook and what it does.
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
    self.themePatternCount = patterns.count
    self.set = PatternSet(patterns + lexicon.set.patterns)
    self.sources = set.patterns.map(\.source)
    self.themes = codebook.themes.map { ($0.rules.context.count, $0.rules.minSentences) }
    self.themeIDs = codebook.themes.map(\.id)
    self.owners = owners
  }

  /// The findings of every unit of `report`, in unit order then codebook order.
  public func findings(in report: Report) -> [Finding] {
    coded(report).findings
  }

  /// The findings of every unit of `report`, in unit order then codebook order, as byte ranges of
  /// the units' texts (see `CodedFindings`).
  public func coded(_ report: Report) -> CodedFindings {
    var text = UnitText(themes: codebook.themes.count)
    text.reserve(bytes: report.units.reduce(0) { max($0, $1.text.utf8.count) })
    var out = CodedFindings(
      area: report.metadata.area, report: report.metadata.slug, units: report.units,
      themeIDs: themeIDs, sources: sources)
    for (index, unit) in report.units.enumerated() {
      code(unit, at: index, text: &text, into: &out)
    }
    return out
  }

  /// The findings of one unit; `area` and `report` (the slug) are copied into each finding.
  public func findings(in unit: ReportUnit, area: String, report: String) -> [Finding] {
    var text = UnitText(themes: codebook.themes.count)
    var out = CodedFindings(
      area: area, report: report, units: [unit], themeIDs: themeIDs, sources: sources)
    code(unit, at: 0, text: &text, into: &out)
    return out.findings
  }

  /// Appends the findings of `unit`, `out.units[index]`, to `out`, using `text`'s buffers (reused
  /// from unit to unit).
  func code(_ unit: ReportUnit, at index: Int, text: inout UnitText, into out: inout CodedFindings)
  {
    text.load(unit.text, vocabulary: set.vocabulary)
    guard !text.words.isEmpty, !text.sentences.isEmpty else { return }
    text.matches.empty()
    set.matches(in: text.scanned, into: &text.matches)
    for t in text.byTheme.indices { text.byTheme[t].empty() }
    text.cues.empty()
    var anyTheme = false
    for m in text.matches {
      if m.pattern < themePatternCount {
        text.byTheme[owners[m.pattern].theme].append(m)
        anyTheme = true
      } else {
        text.cues.append(
          PatternSet.Match(
            pattern: m.pattern - themePatternCount, firstWord: m.firstWord, lastWord: m.lastWord,
            start: m.start, end: m.end))
      }
    }
    guard anyTheme else { return }
    // `unit.id.kind == .recommendation`, without making the prefix a `String`.
    let isRecommendation = unit.id.rawValue.hasPrefix(Self.recommendationPrefix)
    var toned = false
    for t in codebook.themes.indices where !text.byTheme[t].isEmpty {
      guard detect(theme: t, in: &text) else { continue }
      // The tones are worked out once per unit, for its first substantive theme.
      if !isRecommendation && !toned {
        SentenceTone.summaries(
          bytes: text.bytes, words: text.words, sentenceCount: text.sentences.count,
          cues: text.cues, lexicon: lexicon, into: &text.tones, scratch: &text.toneScratch)
        toned = true
      }
      let polarity = isRecommendation ? .negative : polarity(in: text)
      let sentences = text.sentences
      out.append(
        unit: index, theme: t, polarity: polarity,
        sentences: text.hitSentences.lazy.map { sentences[$0] },
        terms: text.counted.lazy.map {
          CodedFindings.Term(pattern: $0.pattern, start: $0.start, end: $0.end)
        })
    }
  }

  /// A unit's text split into bytes, words (with their pattern words) and sentences, and its
  /// matches; the buffers are reused from one unit to the next.
  struct UnitText {
    var bytes: [UInt8] = []
    var scanned = ScannedText()
    /// Per sentence: true unless it is a bare citation.
    var isContent: [Bool] = []
    /// Sentences other than bare citations, in order.
    var content: [Int] = []
    /// The matches of the coder's set, then split into theme matches by theme and cues.
    var matches: [PatternSet.Match] = []
    var byTheme: [[PatternSet.Match]]
    var cues: [PatternSet.Match] = []
    /// `detect`'s lists for the theme at hand.
    var excluded: [PatternSet.Match] = []
    var context: [(sentence: Int, group: Int, match: PatternSet.Match)] = []
    var strongSentences: [Int] = []
    var includeSentences: [Int] = []
    /// The matches that count for the theme `detect` found substantive, context matches included,
    /// sorted; the sentences that carry it, sorted.
    var counted: [PatternSet.Match] = []
    var hitSentences: [Int] = []
    /// Each sentence's tone, once a theme is found substantive (none in a recommendation).
    var tones: [SentenceTone.Summary] = []
    var toneScratch = SentenceTone.Scratch()
    /// The words, each with its sentence.
    var words: [ScannedText.Word] { scanned.words }
    /// The sentences' byte ranges.
    var sentences: [Range<Int>] { scanned.sentences }

    init(themes: Int) {
      byTheme = Array(repeating: [], count: themes)
    }

    /// Gives the buffers room for a unit of `bytes` bytes of typical text at once, rather than
    /// growing them one doubling at a time over a report's first units.
    mutating func reserve(bytes count: Int) {
      let words = count / 4 + 1
      let sentences = count / 16 + 1
      bytes.reserveCapacity(count)
      scanned.words.reserveCapacity(words)
      scanned.sentences.reserveCapacity(sentences)
      isContent.reserveCapacity(sentences)
      content.reserveCapacity(sentences)
      matches.reserveCapacity(words / 2)
      cues.reserveCapacity(words / 2)
      for t in byTheme.indices { byTheme[t].reserveCapacity(16) }
      tones.reserveCapacity(sentences)
      toneScratch.taken.reserveCapacity(words)
      toneScratch.kept.reserveCapacity(words / 2)
      counted.reserveCapacity(32)
      hitSentences.reserveCapacity(sentences)
      strongSentences.reserveCapacity(sentences)
      includeSentences.reserveCapacity(sentences)
      excluded.reserveCapacity(16)
      context.reserveCapacity(32)
    }

    /// Splits `text` into words (classified by `vocabulary`) and sentences.
    mutating func load(_ text: String, vocabulary: WordVocabulary) {
      bytes.removeAll(keepingCapacity: true)
      bytes.append(contentsOf: text.utf8)
      bytes.withUnsafeBufferPointer { vocabulary.scan($0, into: &scanned) }
      let sentences = scanned.sentences
      isContent.removeAll(keepingCapacity: true)
      isContent.append(contentsOf: repeatElement(false, count: sentences.count))
      let (bytes, words) = (self.bytes, scanned.words)
      isContent.withUnsafeMutableBufferPointer { isContent in
        for w in words where !isContent[w.sentence] && !w.isNumber {
          if !Coder.isCitationWord(bytes, w) { isContent[w.sentence] = true }
        }
      }
      content.removeAll(keepingCapacity: true)
      for s in isContent.indices where isContent[s] { content.append(s) }
    }
  }

  /// Applies theme `t`'s rules (see `ThemeRules`) to its matches in `text`, whose lists it uses;
  /// true when the theme is substantive, its sentences then in `text.hitSentences` and the matches
  /// that count (with context matches of the sentences that needed them) in `text.counted`.
  ///
  /// A theme's matches come in word order, so the sentences that carry it come sorted and only
  /// repeats in a row need dropping; nothing is allocated once the buffers have grown.
  func detect(theme t: Int, in text: inout UnitText) -> Bool {
    let mine = text.byTheme[t]
    let groups = themes[t].groups
    text.excluded.empty()
    text.context.empty()
    text.strongSentences.empty()
    text.includeSentences.empty()
    for m in mine {
      switch owners[m.pattern].role {
      case .exclude: text.excluded.append(m)
      case .context(let g): text.context.append((text.scanned.words[m.firstWord].sentence, g, m))
      case .strong, .include: break
      }
    }
    // Without a strong or include match a theme is never substantive (`minSentences` is at least 1).
    guard text.excluded.count + text.context.count < mine.count else { return false }
    /// True when sentence `s` has a context match of every group.
    func hasAllContext(_ s: Int) -> Bool {
      var seen = 0
      let context = text.context
      for (k, c) in context.enumerated() where c.sentence == s {
        if !context[..<k].contains(where: { $0.sentence == s && $0.group == c.group }) { seen += 1 }
      }
      return seen >= groups
    }
    text.counted.empty()
    for m in mine {
      let strong: Bool
      switch owners[m.pattern].role {
      case .strong: strong = true
      case .include: strong = false
      case .exclude, .context: continue
      }
      if text.excluded.contains(where: { $0.start < m.end && m.start < $0.end }) { continue }
      let s = text.scanned.words[m.firstWord].sentence
      guard text.isContent[s] else { continue }
      if !strong, groups > 0, !hasAllContext(s) { continue }
      if strong {
        if text.strongSentences.last != s { text.strongSentences.append(s) }
      } else if text.includeSentences.last != s {
        text.includeSentences.append(s)
      }
      text.counted.append(m)
    }
    let strongSentences = text.strongSentences
    let includeSentences = text.includeSentences
    let substantive =
      !strongSentences.isEmpty || includeSentences.count >= themes[t].minSentences
      || (text.content.first.map(includeSentences.contains) ?? false)
      || (text.content.count <= 2 && !includeSentences.isEmpty)
    guard substantive else { return false }
    if groups > 0 {
      for c in text.context where includeSentences.contains(c.sentence) {
        text.counted.append(c.match)
      }
    }
    text.counted.sort { ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern) }
    text.hitSentences.empty()
    Self.mergedUnique(strongSentences, includeSentences, into: &text.hitSentences)
    return true
  }

  /// Appends the union of two sorted lists without repeats, sorted, to `out`.
  static func mergedUnique(_ a: [Int], _ b: [Int], into out: inout [Int]) {
    out.reserveCapacity(out.count + a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      let next = j == b.count || i < a.count && a[i] <= b[j] ? a[i] : b[j]
      if out.last != next { out.append(next) }
      if i < a.count, a[i] == next { i += 1 }
      if j < b.count, b[j] == next { j += 1 }
    }
  }

  /// The polarity of the theme `detect` found substantive in `text` (its sentences in
  /// `text.hitSentences`), from the tones of the sentences that bear on it.
  func polarity(in text: UnitText) -> Polarity {
    let tones = text.tones
    let sentences = text.hitSentences
    // The sentences that carry the theme, and any that continue one of them ("This means...",
    // "However..."): a theme's evaluation often follows the sentence that names it. A plain statement
    // answered by a "However, ..." concern is conceded as a strength, as within a sentence.
    var local = PolarityTally()
    func add(_ s: Int) {
      let tone = tones[s]
      let lean = tone.lean
      if lean == .neutral, !tone.hedged, s + 1 < tones.count,
        tones[s + 1].opensWithConcession, tones[s + 1].lean == .negative
      {
        local.add(lean: .positive, hedged: false)
      } else {
        local.add(lean: lean, hedged: tone.hedged)
      }
    }
    // `sentences` is sorted: a continuation runs up to the next sentence that carries the theme.
    for (k, s) in sentences.enumerated() {
      add(s)
      let stop = k + 1 < sentences.count ? sentences[k + 1] : text.sentences.count
      var next = s + 1
      while next < stop, Self.continues(text.bytes, text.sentences[next]) {
        add(next)
        next += 1
      }
    }
    if local.polarity != .neutral { return local.polarity }
    // Sentences that carry a theme without evaluating it take the unit's overall tone.
    var overall = PolarityTally()
    for s in text.content { overall.add(lean: tones[s].lean, hedged: tones[s].hedged) }
    return overall.polarity
  }

  /// Strengths and concerns seen across sentences, for `polarity(of:)`.
  struct PolarityTally {
    var strength = false
    var hedgedStrength = false
    var concern = false

    mutating func add(lean: Polarity, hedged: Bool) {
      switch lean {
      case .positive:
        if hedged { hedgedStrength = true } else { strength = true }
      case .negative: concern = true
      case .mixed:
        concern = true
        if hedged { hedgedStrength = true } else { strength = true }
      case .neutral: break
      }
    }

    var polarity: Polarity {
      if concern { return strength ? .mixed : .negative }
      if strength || hedgedStrength { return .positive }
      return .neutral
    }
  }

  /// How the id of a recommendation starts.
  static let recommendationPrefix = UnitKind.recommendation.rawValue + ":"

  /// Openings by which a sentence continues the one before it.
  static let continuations: [[UInt8]] = [
    "this", "these", "that", "it", "they", "however", "but", "although", "though", "despite",
    "as a result",
    "consequently", "therefore", "overall", "in addition", "also", "nevertheless", "similarly",
    "such",
  ].map { Array($0.utf8) }

  /// True when `sentence` opens with a word that refers back to or contrasts with the sentence before.
  static func continues(_ bytes: [UInt8], _ sentence: Range<Int>) -> Bool {
    let length = min(sentence.count, 16)
    return continuations.contains { opener in
      guard opener.count <= length else { return false }
      for k in opener.indices where ASCIIBytes.lower(bytes[sentence.lowerBound + k]) != opener[k] {
        return false
      }
      return length == opener.count
        || !ASCIIBytes.isLetter(
          ASCIIBytes.lower(bytes[sentence.lowerBound + opener.count]))
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

  static let citationWords: [[UInt8]] = [
    Array("recommendation".utf8), Array("recommendations".utf8), Array("and".utf8),
  ]

  /// True when `bytes[word]` is a citation word, in any case.
  static func isCitationWord(_ bytes: [UInt8], _ word: ScannedText.Word) -> Bool {
    let length = word.end - word.start
    guard length == 3 || length == 14 || length == 15 else { return false }
    return citationWords.contains { c in
      c.count == length
        && c.indices.allSatisfy { ASCIIBytes.lower(bytes[word.start + $0]) == c[$0] }
    }
  }
}

extension Array {
  /// Removes every element but keeps the storage, doing nothing when there is none to remove.
  fileprivate mutating func empty() {
    if !isEmpty { removeAll(keepingCapacity: true) }
  }
}
