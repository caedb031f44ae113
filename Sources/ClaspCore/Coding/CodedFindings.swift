/// A report's findings as the coder found them, evidence as byte ranges of the units' text.
///
/// Each finding is its unit, theme and polarity, and its evidence sentences and matched terms as
/// byte ranges of the unit's text. No `String` is made per finding: `findings` makes the `Finding`
/// values when they are wanted, and a run's evidence spool is written from the ranges directly.
///
/// ```swift
/// let coded = coder.coded(report)
/// coded.count                // findings, in unit order then codebook order
/// coded.findings[0].evidence // the first finding's sentences, as `String`s
/// ```
public struct CodedFindings: Sendable {
  /// One finding: indices into the report's units, the coder's themes, `sentences` and `terms`.
  struct Record: Sendable {
    let unit: Int
    let theme: Int
    let polarity: Polarity
    /// The finding's evidence sentences in `sentences`.
    let evidence: Range<Int>
    /// The finding's matched terms in `terms`.
    let matches: Range<Int>
  }

  /// A matched term: a pattern of the coder's set and the byte range it matched.
  struct Term: Sendable {
    let pattern: Int
    let start: Int
    let end: Int
  }

  /// The reviewed area as printed in the report title.
  let area: String
  /// The area slug.
  let report: String
  /// The coded units (a report's, or one unit's).
  let units: [ReportUnit]
  /// The coder's theme ids, by codebook position.
  let themeIDs: [ThemeID]
  /// The sources of the coder's patterns, by pattern index.
  let sources: [String]
  private(set) var records: [Record] = []
  /// Byte ranges of evidence sentences in their unit's text.
  private(set) var sentences: [Range<Int>] = []
  private(set) var terms: [Term] = []

  init(area: String, report: String, units: [ReportUnit], themeIDs: [ThemeID], sources: [String]) {
    self.area = area
    self.report = report
    self.units = units
    self.themeIDs = themeIDs
    self.sources = sources
  }

  /// How many findings there are.
  public var count: Int { records.count }

  /// The findings, in unit order then codebook order.
  public var findings: [Finding] {
    var out: [Finding] = []
    out.reserveCapacity(records.count)
    var bytes: [UInt8] = []
    var loaded = -1
    for record in records {
      if record.unit != loaded {
        bytes = Array(units[record.unit].text.utf8)
        loaded = record.unit
      }
      out.append(finding(record, text: bytes))
    }
    return out
  }

  /// Finding `index`.
  func finding(at index: Int) -> Finding {
    let record = records[index]
    return finding(record, text: Array(units[record.unit].text.utf8))
  }

  /// The finding of `record`, whose unit's text is `bytes`.
  private func finding(_ record: Record, text bytes: [UInt8]) -> Finding {
    let unit = units[record.unit]
    return Finding(
      area: area, report: report, unit: unit.id, section: unit.section,
      theme: themeIDs[record.theme], polarity: record.polarity,
      evidence: sentences[record.evidence].map { String(decoding: bytes[$0], as: UTF8.self) },
      matches: terms[record.matches].map {
        MatchedTerm(
          pattern: sources[$0.pattern],
          text: String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), start: $0.start,
          end: $0.end)
      },
      citedRecommendations: unit.citedRecommendations)
  }

  /// Adds a finding of `units[unit]` and `themeIDs[theme]`, whose evidence is `sentences` and whose
  /// matched terms are `terms` (byte ranges of the unit's text).
  mutating func append(
    unit: Int, theme: Int, polarity: Polarity, sentences evidence: some Sequence<Range<Int>>,
    terms matched: some Sequence<Term>
  ) {
    let sentenceStart = sentences.count
    sentences.append(contentsOf: evidence)
    let termStart = terms.count
    terms.append(contentsOf: matched)
    records.append(
      Record(
        unit: unit, theme: theme, polarity: polarity, evidence: sentenceStart..<sentences.count,
        matches: termStart..<terms.count))
  }
}

extension CodedFindings: EvidenceBlockEncoding.Source {
  func write<Out: EvidenceBlockEncoding.Output>(_ i: Int, to out: inout Out) {
    let record = records[i]
    let unit = units[record.unit]
    out.string(area)
    out.string(report)
    out.string(unit.id.rawValue)
    out.byte(EvidenceBlockEncoding.sectionIndex(unit.section))
    out.string(themeIDs[record.theme].rawValue)
    out.byte(EvidenceBlockEncoding.polarityIndex(record.polarity))
    func write(_ text: UnsafeBufferPointer<UInt8>) {
      out.int(record.evidence.count)
      for s in record.evidence {
        out.bytes(of: UnsafeBufferPointer(rebasing: text[sentences[s]]))
      }
      out.int(record.matches.count)
      for t in record.matches {
        let term = terms[t]
        out.string(sources[term.pattern])
        out.bytes(of: UnsafeBufferPointer(rebasing: text[term.start..<term.end]))
        out.int(term.start)
        out.int(term.end)
      }
    }
    if unit.text.utf8.withContiguousStorageIfAvailable(write) == nil {
      Array(unit.text.utf8).withUnsafeBufferPointer(write)
    }
    out.cited(unit.citedRecommendations)
  }
}
