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
      guard let text = section.text else { continue }
      let bytes = Array(text.utf8)
      var paragraph: [UInt8] = []
      var start = 0
      var k = 0
      var lineStart = 0
      func emit() {
        let survey = paragraph.withUnsafeBufferPointer(Self.survey)
        guard survey.hasDigit || survey.opening != nil else { return }
        out.append(
          Passage(
            bytes: paragraph, unitID: nil, section: section.id,
            firstLine: section.lines.first + 1 + start, contiguous: true,
            hasDigit: survey.hasDigit, opening: survey.opening))
      }
      // The text's lines as `String.split(separator: "\n")` gives them: "\r\n" is one character.
      for i in 0...bytes.count
      where i == bytes.count || bytes[i] == 10 && (i == 0 || bytes[i - 1] != 13) {
        let line = bytes[lineStart..<i]
        defer {
          lineStart = i + 1
          k += 1
        }
        if isBlank(line) {
          if !paragraph.isEmpty { emit() }
          paragraph.removeAll(keepingCapacity: true)
          continue
        }
        if paragraph.isEmpty { start = k } else { paragraph.append(10) }
        paragraph.append(contentsOf: line)
      }
      if !paragraph.isEmpty { emit() }
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

  /// True when every character of `line` is white space (`Character.isWhitespace`).
  static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
    var ascii = true
    for b in line {
      if b >= 0x80 {
        ascii = false
      } else if b != 32 && !(9...13).contains(b) {
        // An ASCII letter or mark starts its character or follows a non-space prefix in it.
        return false
      }
    }
    return ascii || String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
  }

  // MARK: Sentences

  /// Buffers one report's passages reuse.
  struct Scratch {
    var sentences: [Range<Int>] = []
    /// The sentences that hold a number: index, scan and their words' range in `words`.
    var numbered: [(sentence: Int, scan: IndicatorNumberScanner.Result, words: Range<Int>)] = []
    /// The words of the sentences with numbers and of the sentence before each (not folded).
    var words: [Word] = []
    var sentenceOfWord: [Int] = []
  }

  /// Appends the figures of `passage` to `out`.
  func extract(
    _ passage: Passage, area: String, organisations: IndicatorOrganisations,
    scratch: inout Scratch, into out: inout [Indicator]
  ) {
    let bytes = passage.bytes
    scratch.numbered.removeAll(keepingCapacity: true)
    scratch.words.removeAll(keepingCapacity: true)
    scratch.sentenceOfWord.removeAll(keepingCapacity: true)
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
      // Cues are matched only in sentences with numbers and the sentence before each. A sentence
      // starts after white space, a bullet's "- " or a line break and ends before white space, so
      // its words are the text's words that start in it.
      var tokenised = -1
      for n in scratch.numbered.indices {
        let k = scratch.numbered[n].sentence
        for j in max(k - 1, tokenised + 1)...k {
          let first = scratch.words.count
          WordTokenizer.appendUnfoldedWords(buffer, in: scratch.sentences[j], to: &scratch.words)
          let count = scratch.words.count - first
          for _ in 0..<count { scratch.sentenceOfWord.append(j) }
          if j == k { scratch.numbered[n].words = first..<scratch.words.count }
        }
        tokenised = k
      }
    }
    guard !scratch.numbered.isEmpty else { return }
    let sentences = scratch.sentences
    let matches = cues.matches(
      in: bytes, words: scratch.words, sentenceOfWord: scratch.sentenceOfWord)
    // Line breaks before the sentence at hand, counted on from the last sentence's start.
    var counted = 0
    var breaks = 0
    for (k, scan, wordRange) in scratch.numbered {
      let range = sentences[k]
      let context = (k > 0 ? sentences[k - 1].lowerBound : range.lowerBound)..<range.upperBound
      let sentence = SentenceContext(
        bytes: bytes, range: range, context: context,
        matches: matches.filter { $0.start >= range.lowerBound && $0.end <= range.upperBound },
        contextMatches: matches.filter {
          $0.start >= context.lowerBound && $0.end <= context.upperBound
        },
        words: scratch.words[wordRange], periods: scan.periods)
      for b in bytes[counted..<range.lowerBound] where b == 10 { breaks += 1 }
      counted = range.lowerBound
      let line = passage.firstLine + (passage.contiguous ? breaks : 0)
      // The figures of one sentence share its text.
      var sentenceText: String?
      for figure in figures(in: sentence, numbers: scan.numbers, organisations: organisations) {
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
        w.indices.allSatisfy({ IndicatorNumberScanner.lower(bytes[lo + $0]) == w[$0] })
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
