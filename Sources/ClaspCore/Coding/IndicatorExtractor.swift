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
    let organisations = IndicatorOrganisations(report: report, passages: passages.map(\.bytes))
    return passages.flatMap {
      extract($0, area: report.metadata.area, organisations: organisations)
    }
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
  }

  static func passages(of report: Report) -> [Passage] {
    var out: [Passage] = []
    for section in report.sections {
      guard let text = section.text else { continue }
      let bytes = Array(text.utf8)
      var paragraph: [UInt8] = []
      var start = 0
      var k = 0
      var lineStart = 0
      // The text's lines as `String.split(separator: "\n")` gives them: "\r\n" is one character.
      for i in 0...bytes.count
      where i == bytes.count || bytes[i] == 10 && (i == 0 || bytes[i - 1] != 13) {
        let line = bytes[lineStart..<i]
        defer {
          lineStart = i + 1
          k += 1
        }
        if isBlank(line) {
          if !paragraph.isEmpty {
            out.append(
              Passage(
                bytes: paragraph, unitID: nil, section: section.id,
                firstLine: section.lines.first + 1 + start, contiguous: true))
          }
          paragraph = []
          continue
        }
        if paragraph.isEmpty { start = k } else { paragraph.append(10) }
        paragraph.append(contentsOf: line)
      }
      if !paragraph.isEmpty {
        out.append(
          Passage(
            bytes: paragraph, unitID: nil, section: section.id,
            firstLine: section.lines.first + 1 + start, contiguous: true))
      }
    }
    for unit in report.units {
      let bytes = Array(unit.text.utf8)
      var breaks = 0
      for b in bytes where b == 10 { breaks &+= 1 }
      out.append(
        Passage(
          bytes: bytes, unitID: unit.id, section: unit.section, firstLine: unit.lines.first,
          contiguous: unit.lines.last - unit.lines.first == breaks))
    }
    return out
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

  func extract(_ passage: Passage, area: String, organisations: IndicatorOrganisations)
    -> [Indicator]
  {
    let bytes = passage.bytes
    // Most units quote no number; they cost one pass over their bytes.
    guard bytes.contains(where: IndicatorNumberScanner.isDigit) else { return [] }
    let sentences = SentenceSplitter.ranges(in: bytes)
    let scans = sentences.map { IndicatorNumberScanner.scan(bytes, in: $0) }
    // Cues are matched only in sentences with numbers and the sentence before each.
    var relevant = [Bool](repeating: false, count: sentences.count)
    for k in sentences.indices where !scans[k].numbers.isEmpty {
      relevant[k] = true
      if k > 0 { relevant[k - 1] = true }
    }
    guard relevant.contains(true) else { return [] }
    // A sentence starts after white space, a bullet's "- " or a line break and ends before white
    // space, so its words are the text's words that start in it.
    var words: [Word] = []
    var sentenceOfWord: [Int] = []
    for k in sentences.indices where relevant[k] {
      let inSentence = WordTokenizer.words(bytes, in: sentences[k])
      words += inSentence
      sentenceOfWord += repeatElement(k, count: inSentence.count)
    }
    let matches = cues.matches(in: bytes, words: words, sentenceOfWord: sentenceOfWord)
    var out: [Indicator] = []
    // Line breaks before the sentence at hand, counted on from the last sentence's start.
    var counted = 0
    var breaks = 0
    for (k, range) in sentences.enumerated() where !scans[k].numbers.isEmpty {
      let scan = scans[k]
      let context = (k > 0 ? sentences[k - 1].lowerBound : range.lowerBound)..<range.upperBound
      let sentence = SentenceContext(
        bytes: bytes, range: range, context: context,
        matches: matches.filter { $0.start >= range.lowerBound && $0.end <= range.upperBound },
        contextMatches: matches.filter {
          $0.start >= context.lowerBound && $0.end <= context.upperBound
        },
        words: words[wordRange(words, range)], periods: scan.periods)
      for b in bytes[counted..<range.lowerBound] where b == 10 { breaks += 1 }
      counted = range.lowerBound
      let line = passage.firstLine + (passage.contiguous ? breaks : 0)
      for figure in figures(in: sentence, numbers: scan.numbers, organisations: organisations) {
        out.append(
          Indicator(
            area: area, kind: figure.kind, value: figure.number.value, unit: figure.unit,
            base: figure.number.base, text: text(bytes, figure.number.range), role: figure.role,
            level: figure.level, target: figure.target, comparator: figure.comparator,
            organisation: figure.organisation, period: figure.period, claimed: figure.claimed,
            subject: Self.trimmedClause(bytes, figure.clause), sentence: text(bytes, range),
            unitID: passage.unitID, section: passage.section, line: line))
      }
    }
    return out
  }

  func wordRange(_ words: [Word], _ range: Range<Int>) -> Range<Int> {
    let lo = words.firstIndex { $0.start >= range.lowerBound } ?? words.count
    let hi = words[lo...].firstIndex { $0.start >= range.upperBound } ?? words.count
    return lo..<hi
  }

  func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The clause without its leading conjunction or comma and trailing punctuation.
  static func trimmedClause(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    var lo = range.lowerBound
    var hi = range.upperBound
    func skipLeading() {
      while lo < hi, bytes[lo] == 32 || bytes[lo] == 44 || bytes[lo] == 59 { lo += 1 }
    }
    skipLeading()
    for word in ["and ", "while ", "whilst ", "whereas ", "but "] {
      let w = Array(word.utf8)
      if hi - lo > w.count, Array(bytes[lo..<lo + w.count]).map(IndicatorNumberScanner.lower) == w {
        lo += w.count
        skipLeading()
        break
      }
    }
    while hi > lo, [32, 44, 46, 59, 58].contains(bytes[hi - 1]) { hi -= 1 }
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }
}
