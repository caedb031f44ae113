/// Extracts the figures a report quotes and classifies them with an indicator table: the coding stage
/// `Report -> [Indicator]`.
///
/// It reads the prose sections (summary, method, context) and every numbered unit, sentence by
/// sentence (`SentenceSplitter`). In each sentence it finds the numbers (`IndicatorNumberScanner`),
/// marks those introduced as targets or comparators ("target of", "England average of", "89.7% England
/// average") and pairs each with the nearest figure before it (else after it) in the same clause. The
/// sentence is then cut into one clause per figure at the first `;`, else the first "and", "while" or
/// "but", else the last comma between one figure's group and the next, so a figure's kind, organisation
/// and period come from its own clause and several figures in one sentence keep their own subjects
/// and comparators. A figure whose clause is only "N% of X" before "and M% of Y are trained ..." shares
/// the next clause's predicate. Bare numbers are kept only when a score or count kind claims them.
///
/// ```swift
/// let extractor = IndicatorExtractor(table: try IndicatorTable.bundledDefault())
/// let figures = extractor.indicators(in: try ReportLoader.load(path: "Data/reports/derby.txt"))
/// figures.first { $0.kind == "sdq_average" }?.value  // 16.3
/// ```
public struct IndicatorExtractor: Sendable {
  /// The table the extractor classifies with.
  public let table: IndicatorTable
  let cues: PatternSet
  let kinds: [CompiledKind]
  let references: [CompiledReference]
  let claimCues: PatternMask
  let periodCues: PatternMask
  let continuationCues: PatternMask
  /// The indices in `kinds` of the kinds with context groups.
  let contextKinds: [Int]

  struct CompiledKind: Sendable {
    let kind: IndicatorKind
    let clause: [PatternMask]
    let context: [PatternMask]
    let exclude: PatternMask
  }

  struct CompiledReference: Sendable {
    let rule: IndicatorReferenceRule
    let before: PatternMask
    let after: PatternMask
  }

  /// Compiles every phrase of `table` once into one pattern set.
  public init(table: IndicatorTable) {
    self.table = table
    var patterns: [Pattern] = []
    var index: [String: Int] = [:]
    func ids(_ phrases: [String]) -> PatternMask {
      PatternMask(
        phrases.map { phrase in
          if let i = index[phrase] { return i }
          // The table's initialiser has checked that every phrase parses.
          patterns.append(try! Pattern(parsing: phrase))
          index[phrase] = patterns.count - 1
          return patterns.count - 1
        })
    }
    kinds = table.kinds.map {
      CompiledKind(
        kind: $0, clause: $0.clause.map(ids), context: $0.context.map(ids), exclude: ids($0.exclude)
      )
    }
    references = table.references.map {
      CompiledReference(rule: $0, before: ids($0.before), after: ids($0.after))
    }
    claimCues = ids(table.claimCues)
    periodCues = ids(table.periodCues)
    continuationCues = ids(table.continuationCues)
    contextKinds = table.kinds.indices.filter { !table.kinds[$0].context.isEmpty }
    cues = PatternSet(patterns)
  }

  /// Every figure of `report`, in document order: prose sections first, then units.
  /// - Complexity: O(n) in the report's length for a fixed table.
  public func indicators(in report: Report) -> [Indicator] {
    let passages = Self.passages(of: report)
    let organisations = IndicatorOrganisations(report: report, passages: passages)
    var scratch = Scratch()
    var out: [Indicator] = []
    for passage in passages where passage.hasDigit {
      extract(
        passage, area: report.metadata.area, organisations: organisations, scratch: &scratch,
        into: &out)
    }
    return out
  }

  // MARK: Passages

  /// A paragraph of prose or a unit's text, with where it stands.
  struct Passage {
    let bytes: [UInt8]
    let unitID: UnitID?
    let section: SectionID
    let firstLine: Int
    /// True when line `k` of the text is source line `firstLine + k`.
    let contiguous: Bool
    /// True when the text holds a digit: only then can it quote a figure.
    let hasDigit: Bool
    /// The first `(` before a capital letter, where an acronym's definition may start.
    let opening: Int?
  }

  /// The passages of `report` that hold a digit or an opening bracket before a capital, in document
  /// order: the others can neither quote a figure nor define an acronym.
  static func passages(of report: Report) -> [Passage] {
    var out: [Passage] = []
    for section in report.sections {
      guard var text = section.text else { continue }
      text.makeContiguousUTF8()
      text.utf8.withContiguousStorageIfAvailable { bytes in
        appendParagraphs(of: bytes, section: section, to: &out)
      }
    }
    for unit in report.units {
      // Most units hold neither: survey the text in place and copy only the others.
      var text = unit.text
      let survey =
        text.utf8.withContiguousStorageIfAvailable(Self.survey)
        ?? {
          text.makeContiguousUTF8()
          return text.utf8.withContiguousStorageIfAvailable(Self.survey)!
        }()
      guard survey.hasDigit || survey.opening != nil else { continue }
      let bytes = Array(text.utf8)
      var breaks = 0
      for b in bytes where b == 10 { breaks &+= 1 }
      out.append(
        Passage(
          bytes: bytes, unitID: unit.id, section: unit.section, firstLine: unit.lines.first,
          contiguous: unit.lines.last - unit.lines.first == breaks, hasDigit: survey.hasDigit,
          opening: survey.opening))
    }
    return out
  }

  /// Appends the paragraphs of a prose section's text `bytes` (runs of lines that are not blank)
  /// that hold a digit or an opening bracket before a capital.
  ///
  /// The text's lines are as `String.split(separator: "\n")` gives them ("\r\n" is one character,
  /// not a break), so a paragraph, its lines joined by line breaks, is the run of the text from its
  /// first line's start to its last line's end: it is surveyed in place and copied only when kept.
  static func appendParagraphs(
    of bytes: UnsafeBufferPointer<UInt8>, section: Section, to out: inout [Passage]
  ) {
    let n = bytes.count
    // The paragraph under way: its first byte and line index, and its end; -1 for none.
    var start = -1
    var startLine = 0
    var end = 0
    func emit() {
      let paragraph = UnsafeBufferPointer(rebasing: bytes[start..<end])
      let survey = Self.survey(paragraph)
      guard survey.hasDigit || survey.opening != nil else { return }
      out.append(
        Passage(
          bytes: Array(paragraph), unitID: nil, section: section.id,
          firstLine: section.lines.first + 1 + startLine, contiguous: true,
          hasDigit: survey.hasDigit, opening: survey.opening))
    }
    var lineStart = 0
    var k = 0
    while lineStart <= n {
      // The line ends at the next "\n" that does not follow a "\r" (found by memchr).
      var i = ASCIIBytes.index(of: 10, in: bytes, from: lineStart) ?? n
      while i < n, i > 0 && bytes[i - 1] == 13 {
        i = ASCIIBytes.index(of: 10, in: bytes, from: i + 1) ?? n
      }
      if isBlank(bytes, lineStart..<i) {
        if start >= 0 { emit() }
        start = -1
      } else {
        if start < 0 {
          start = lineStart
          startLine = k
        }
        end = i
      }
      lineStart = i + 1
      k += 1
    }
    if start >= 0 { emit() }
  }

  /// Whether `bytes` holds a digit, and its first `(` followed by an ASCII capital.
  static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasDigit: Bool, opening: Int?) {
    let n = bytes.count
    var hasDigit = false
    var opening: Int?
    var i = 0
    while i < n {
      // Skip eight bytes at a time while none is a digit or a `(`.
      if n - i >= 8 {
        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
        if !IndicatorNumberScanner.mayHoldDigitOrOpening(word) {
          i += 8
          continue
        }
      }
      let b = bytes[i]
      if b &- 48 < 10 {
        hasDigit = true
        if opening != nil { break }
      } else if b == 40, opening == nil, i + 1 < n, bytes[i + 1] >= 65, bytes[i + 1] <= 90 {
        opening = i
        if hasDigit { break }
      }
      i += 1
    }
    return (hasDigit, opening)
  }

  /// True when every character of `bytes[range]` is white space (`Character.isWhitespace`).
  static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var ascii = true
    for i in range {
      let b = bytes[i]
      if b >= 0x80 {
        ascii = false
      } else if b != 32 && !(9...13).contains(b) {
        // An ASCII letter or mark starts its character or follows a non-space prefix in it.
        return false
      }
    }
    return ascii
      || String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).allSatisfy(
        \.isWhitespace)
  }

  // MARK: Sentences

  /// A word of a passage as `WordTokenizer.words(_:in:)` finds it, without its folded form: a
  /// plain value, so copying words or a slice of them retains nothing per word.
  struct PassageWord {
    let start: Int
    let end: Int
    /// True when the word as printed contains an uppercase ASCII letter.
    let hasUppercase: Bool
  }

  /// Appends the words of `bytes[range]` to `out`, as `WordTokenizer.words(_:in:)` finds them.
  static func appendWords(
    _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, to out: inout [PassageWord]
  ) {
    var i = range.lowerBound
    var start = -1
    var upper = false
    while i < range.upperBound {
      let b = bytes[i]
      let isWord: Bool
      if b < 0x80 {
        isWord = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
      } else {
        isWord = WordTokenizer.isWordByte(b, at: i, in: bytes)
      }
      if isWord {
        if start < 0 { start = i }
        if b >= 65 && b <= 90 { upper = true }
        i += b < 0x80 ? 1 : WordTokenizer.sequenceWidth(b)
      } else {
        if start >= 0 {
          out.append(PassageWord(start: start, end: i, hasUppercase: upper))
          start = -1
          upper = false
        }
        i += b < 0x80 ? 1 : WordTokenizer.sequenceWidth(b)
      }
    }
    if start >= 0 {
      out.append(PassageWord(start: start, end: range.upperBound, hasUppercase: upper))
    }
  }

  /// Buffers one report's passages reuse.
  struct Scratch {
    var sentences: [Range<Int>] = []
    /// The sentences that hold a number: index, scan and their words' range in `words`.
    var numbered: [(sentence: Int, scan: IndicatorNumberScanner.Result, words: Range<Int>)] = []
    /// The words of the sentences with numbers (not folded).
    var words: [PassageWord] = []
    /// `words` as the cue set's vocabulary classifies them, each with its sentence.
    var scanned = ScannedText()
    var matches: [PatternSet.Match] = []
    /// The sentence before one with numbers, when a kind needs it: words, classified, matches
    /// (then the sentence's own).
    var contextWords: [PassageWord] = []
    var context = ScannedText()
    var contextMatches: [PatternSet.Match] = []
    var organisations = IndicatorOrganisations.Scratch()
  }

  /// Tokenises sentence `k` of `bytes` into `scratch.words` and classifies its words into
  /// `scratch.scanned`.
  func scanWords(
    _ bytes: UnsafeBufferPointer<UInt8>, sentence k: Int, into scratch: inout Scratch
  ) {
    appendClassifiedWords(
      bytes, sentence: k, in: scratch.sentences[k], words: &scratch.words, into: &scratch.scanned)
  }

  /// Appends the words of `bytes[range]`, sentence `k`, to `words` and, classified by the cues'
  /// vocabulary, to `text`.
  func appendClassifiedWords(
    _ bytes: UnsafeBufferPointer<UInt8>, sentence k: Int, in range: Range<Int>,
    words: inout [PassageWord], into text: inout ScannedText
  ) {
    let first = words.count
    Self.appendWords(bytes, in: range, to: &words)
    for w in first..<words.count {
      let word = words[w]
      let found = cues.vocabulary.classify(bytes, start: word.start, end: word.end, into: &text.ids)
      text.words.append(
        ScannedText.Word(
          start: word.start, end: word.end, idStart: found.ids.lowerBound,
          idEnd: found.ids.upperBound, isHead: found.head, hasUppercase: word.hasUppercase,
          isNumber: false, sentence: k))
    }
  }

  /// True when some kind that looks at the sentence before has every clause group among `matches`,
  /// so that it may need them.
  func needsContext(_ matches: ArraySlice<PatternSet.Match>) -> Bool {
    contextKinds.contains { k in
      kinds[k].clause.allSatisfy { group in matches.contains { group.contains($0.pattern) } }
    }
  }

  /// Appends the figures of `passage` to `out`.
  func extract(
    _ passage: Passage, area: String, organisations: IndicatorOrganisations,
    scratch: inout Scratch, into out: inout [Indicator]
  ) {
    let bytes = passage.bytes
    scratch.numbered.removeAll(keepingCapacity: true)
    scratch.words.removeAll(keepingCapacity: true)
    scratch.scanned.words.removeAll(keepingCapacity: true)
    scratch.matches.removeAll(keepingCapacity: true)
    bytes.withUnsafeBufferPointer { buffer in
      SentenceSplitter.ranges(in: buffer, into: &scratch.sentences)
      for k in scratch.sentences.indices {
        let range = scratch.sentences[k]
        // A sentence without a digit has no number: skip the scanner.
        guard IndicatorNumberScanner.containsDigit(buffer, range) else { continue }
        let scan = IndicatorNumberScanner.scan(bytes, in: range)
        guard !scan.numbers.isEmpty else { continue }
        scratch.numbered.append((k, scan, 0..<0))
      }
      guard !scratch.numbered.isEmpty else { return }
      // Cues are matched in the sentences with numbers. A sentence starts after white space, a
      // bullet's "- " or a line break and ends before white space, so its words are the text's
      // words that start in it.
      cues.vocabulary.reset(&scratch.scanned.ids)
      for n in scratch.numbered.indices {
        let k = scratch.numbered[n].sentence
        let first = scratch.words.count
        scanWords(buffer, sentence: k, into: &scratch)
        scratch.numbered[n].words = first..<scratch.words.count
      }
    }
    guard !scratch.numbered.isEmpty else { return }
    cues.matches(in: scratch.scanned, into: &scratch.matches)
    let sentences = scratch.sentences
    let matches = scratch.matches
    // Line breaks before the sentence at hand, counted on from the last sentence's start.
    var counted = 0
    var breaks = 0
    // A match never spans sentences and the matches come in word order, so a sentence's matches
    // are a run of them.
    var own = 0
    for (k, scan, wordRange) in scratch.numbered {
      let range = sentences[k]
      let context = (k > 0 ? sentences[k - 1].lowerBound : range.lowerBound)..<range.upperBound
      while own < matches.count, matches[own].start < range.lowerBound { own += 1 }
      var end = own
      while end < matches.count, matches[end].start < range.upperBound { end += 1 }
      let sentenceMatches = matches[own..<end]
      // The sentence before matters only to a kind whose clause phrases the sentence has: match
      // its cues then, on their own (a match never spans sentences, so they are the same).
      var contextMatches = sentenceMatches
      if k > 0, needsContext(sentenceMatches) {
        scratch.contextWords.removeAll(keepingCapacity: true)
        scratch.context.words.removeAll(keepingCapacity: true)
        scratch.contextMatches.removeAll(keepingCapacity: true)
        cues.vocabulary.reset(&scratch.context.ids)
        bytes.withUnsafeBufferPointer { buffer in
          appendClassifiedWords(
            buffer, sentence: k - 1, in: sentences[k - 1], words: &scratch.contextWords,
            into: &scratch.context)
        }
        cues.matches(in: scratch.context, into: &scratch.contextMatches)
        scratch.contextMatches += sentenceMatches
        contextMatches = scratch.contextMatches[...]
      }
      let sentence = SentenceContext(
        bytes: bytes, range: range, context: context, matches: sentenceMatches,
        contextMatches: contextMatches, words: scratch.words[wordRange], periods: scan.periods)
      for b in bytes[counted..<range.lowerBound] where b == 10 { breaks += 1 }
      counted = range.lowerBound
      let line = passage.firstLine + (passage.contiguous ? breaks : 0)
      // The figures of one sentence share its text.
      var sentenceText: String?
      for figure in figures(
        in: sentence, numbers: scan.numbers, organisations: organisations,
        scratch: &scratch.organisations)
      {
        let whole = sentenceText ?? text(bytes, range)
        sentenceText = whole
        out.append(
          Indicator(
            area: area, kind: figure.kind, value: figure.number.value, unit: figure.unit,
            base: figure.number.base, text: text(bytes, figure.number.range), role: figure.role,
            level: figure.level, target: figure.target, comparator: figure.comparator,
            organisation: figure.organisation, period: figure.period, claimed: figure.claimed,
            subject: Self.trimmedClause(bytes, figure.clause), sentence: whole,
            unitID: passage.unitID, section: passage.section, line: line))
      }
    }
  }

  func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  static let leadingWords: [[UInt8]] = ["and ", "while ", "whilst ", "whereas ", "but "].map {
    Array($0.utf8)
  }

  /// The clause without its leading conjunction or comma and trailing punctuation.
  static func trimmedClause(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    var lo = range.lowerBound
    var hi = range.upperBound
    func skipLeading() {
      while lo < hi, bytes[lo] == 32 || bytes[lo] == 44 || bytes[lo] == 59 { lo += 1 }
    }
    skipLeading()
    for w in leadingWords {
      if hi - lo > w.count,
        w.indices.allSatisfy({ ASCIIBytes.lower(bytes[lo + $0]) == w[$0] })
      {
        lo += w.count
        skipLeading()
        break
      }
    }
    while hi > lo,
      bytes[hi - 1] == 32 || bytes[hi - 1] == 44 || bytes[hi - 1] == 46
        || bytes[hi - 1] == 59 || bytes[hi - 1] == 58
    {
      hi -= 1
    }
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }
}
