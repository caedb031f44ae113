/// The compact byte form of a block's records in an `EvidenceSpool`.
///
/// LEB128 counts and integers, strings as a length and their UTF-8 bytes, section and polarity as
/// their index in `allCases`. The block's area and year are not repeated per record.
///
/// The per-finding renderers read this form directly (see `EncodedFindings`): no `String` is made
/// for a spooled finding on its way to the outputs.
enum EvidenceBlockEncoding {
  /// Why spooled bytes did not decode (only a corrupted spool can cause it).
  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  /// The bytes of `records`.
  static func encode(_ records: [EvidenceRecord]) -> [UInt8] {
    encode(records.map(\.finding), order: nil)
  }

  /// The bytes of the records `findings[order[i]]` (`findings` in their order when `order` is nil).
  static func encode(_ findings: [Finding], order: [Int]?) -> [UInt8] {
    findings.withUnsafeBufferPointer { findings in
      let source = FindingPointers(base: findings.baseAddress)
      guard let order else { return encode(source, at: findings.indices) }
      return order.withUnsafeBufferPointer { encode(source, at: $0) }
    }
  }

  /// The bytes of the records `coded[order[i]]` (`coded` in its order when `order` is nil): the
  /// same bytes as for `coded.findings`, written from the units' text without making them.
  static func encode(_ coded: CodedFindings, order: [Int]?) -> [UInt8] {
    guard let order else { return encode(coded, at: 0..<coded.count) }
    return order.withUnsafeBufferPointer { encode(coded, at: $0) }
  }

  /// Findings that can write their records.
  protocol Source {
    /// Writes the fields of record `i` to `out`.
    func write<Out: Output>(_ i: Int, to out: inout Out)
  }

  /// Where a record's fields go: a `Sizer`, then a `Writer` of the size it found.
  protocol Output {
    mutating func byte(_ value: UInt8)
    mutating func int(_ value: Int)
    /// A string, as its length and UTF-8 bytes.
    mutating func bytes(of text: UnsafeBufferPointer<UInt8>)
  }

  /// Findings read where they stand in an array's buffer: none is copied.
  private struct FindingPointers: Source {
    let base: UnsafePointer<Finding>?

    func write<Out: Output>(_ i: Int, to out: inout Out) {
      let finding = base! + i
      out.string(finding.pointee.area)
      out.string(finding.pointee.report)
      out.string(finding.pointee.unit.rawValue)
      out.byte(EvidenceBlockEncoding.sectionIndex(finding.pointee.section))
      out.string(finding.pointee.theme.rawValue)
      out.byte(EvidenceBlockEncoding.polarityIndex(finding.pointee.polarity))
      finding.pointee.evidence.withUnsafeBufferPointer { evidence in
        out.int(evidence.count)
        for i in evidence.indices { out.string(evidence[i]) }
      }
      finding.pointee.matches.withUnsafeBufferPointer { matches in
        out.int(matches.count)
        for i in matches.indices {
          out.string(matches[i].pattern)
          out.string(matches[i].text)
          out.int(matches[i].start)
          out.int(matches[i].end)
        }
      }
      out.cited(finding.pointee.citedRecommendations)
    }
  }

  /// The bytes of the records `i` of `source` for `i` in `indices`, in two passes: the exact size,
  /// then the bytes, written without growing the array.
  private static func encode<S: Source, Indices: Collection<Int>>(
    _ source: S, at indices: Indices
  ) -> [UInt8] {
    var sizer = Sizer()
    sizer.int(indices.count)
    for i in indices { source.write(i, to: &sizer) }
    let size = sizer.size
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var out = Writer(base: buffer.baseAddress!, capacity: size)
      out.int(indices.count)
      for i in indices { source.write(i, to: &out) }
      precondition(out.position == size, "encoded size mismatch")
      count = size
    }
  }

  /// The records of `bytes`, a block of `area` and `year`.
  static func decode(_ bytes: [UInt8], area: AreaID, year: Int?) throws -> [EvidenceRecord] {
    var view = EncodedFindings()
    try view.load(bytes)
    return view.records.indices.map { index in
      let record = view.records[index]
      let matches = view.matches[record.matches].map {
        MatchedTerm(
          pattern: view.string($0.pattern), text: view.string($0.text), start: $0.start, end: $0.end
        )
      }
      return EvidenceRecord(
        area: area, year: year,
        finding: Finding(
          area: view.string(record.areaName), report: view.string(record.report),
          unit: UnitID(rawValue: view.string(record.unit)), section: record.section,
          theme: ThemeID(rawValue: view.string(record.theme)), polarity: record.polarity,
          evidence: view.texts[record.evidence].map(view.string),
          matches: matches,
          citedRecommendations: view.texts[record.cited].map { UnitID(rawValue: view.string($0)) }))
    }
  }

  static let sections = SectionID.allCases
  static let polarities = Polarity.allCases

  static func sectionIndex(_ section: SectionID) -> UInt8 {
    UInt8(sections.firstIndex(of: section)!)
  }

  static func polarityIndex(_ polarity: Polarity) -> UInt8 {
    UInt8(polarities.firstIndex(of: polarity)!)
  }

  /// Counts the bytes a record takes.
  private struct Sizer: Output {
    var size = 0

    mutating func byte(_ value: UInt8) { size += 1 }

    mutating func int(_ value: Int) {
      precondition(value >= 0, "only counts and offsets are encoded")
      var rest = UInt(value) >> 7
      size += 1
      while rest > 0 {
        rest >>= 7
        size += 1
      }
    }

    mutating func bytes(of text: UnsafeBufferPointer<UInt8>) {
      int(text.count)
      size += text.count
    }
  }

  /// Writes into memory sized beforehand by a `Sizer`.
  private struct Writer: Output {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var position = 0

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
      self.base = base
      self.capacity = capacity
    }

    mutating func byte(_ value: UInt8) {
      precondition(position < capacity, "encoding overruns its size")
      base[position] = value
      position += 1
    }

    mutating func int(_ value: Int) {
      var rest = UInt(value)
      while rest >= 0x80 {
        byte(UInt8(truncatingIfNeeded: rest) | 0x80)
        rest >>= 7
      }
      byte(UInt8(rest))
    }

    mutating func bytes(of text: UnsafeBufferPointer<UInt8>) {
      int(text.count)
      precondition(text.count <= capacity - position, "encoding overruns its size")
      guard let source = text.baseAddress else { return }
      (base + position).update(from: source, count: text.count)
      position += text.count
    }
  }
}

extension EvidenceBlockEncoding.Output {
  /// A string, as its length and UTF-8 bytes.
  mutating func string(_ text: String) {
    // Borrowing the string's storage (no copy of the string to call `withUTF8` on).
    if text.utf8.withContiguousStorageIfAvailable({ bytes(of: $0) }) != nil { return }
    let copy = Array(text.utf8)
    copy.withUnsafeBufferPointer { bytes(of: $0) }
  }

  /// Cited recommendations, as their count and ids.
  mutating func cited(_ ids: [UnitID]) {
    ids.withUnsafeBufferPointer { cited in
      int(cited.count)
      for i in cited.indices { string(cited[i].rawValue) }
    }
  }
}

/// The findings of one encoded block as positions in its bytes: what the per-finding renderers
/// read, so that no `String` is made per field on the way out.
///
/// `load` checks every length and index against the bytes, so a corrupted spool throws rather than
/// reading out of bounds; the text is the UTF-8 the spool was written from.
///
/// ```swift
/// var view = EncodedFindings()
/// try view.load(bytes)              // keeps its arrays' capacity from block to block
/// view.string(view.records[0].unit) // "para:3.2"
/// ```
struct EncodedFindings {
  /// Where one string lies in `bytes`.
  struct Text {
    let start: Int
    let end: Int

    var count: Int { end - start }

    /// The text's bytes in `base`, the buffer of the view's `bytes`.
    @inline(__always)
    func bytes(in base: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: base[start..<end])
    }
  }

  /// A matched term; its pattern and text lie in `bytes`.
  struct Match {
    let pattern: Text
    let text: Text
    let start: Int
    let end: Int
  }

  /// One finding; `evidence` and `cited` index `texts`, `matches` indexes `matches`.
  struct Record {
    let areaName: Text
    let report: Text
    let unit: Text
    /// The section's index in `SectionID.allCases`.
    let sectionIndex: Int
    let theme: Text
    /// The polarity's index in `Polarity.allCases`.
    let polarityIndex: Int
    let evidence: Range<Int>
    let matches: Range<Int>
    let cited: Range<Int>

    var section: SectionID { EvidenceBlockEncoding.sections[sectionIndex] }
    var polarity: Polarity { EvidenceBlockEncoding.polarities[polarityIndex] }
  }

  /// The encoded block.
  private(set) var bytes: [UInt8] = []
  /// Its findings, in record order.
  private(set) var records: [Record] = []
  /// Evidence sentences and cited recommendations of all records.
  private(set) var texts: [Text] = []
  /// Matched terms of all records.
  private(set) var matches: [Match] = []

  /// Replaces the view's contents with the findings of `bytes`.
  ///
  /// - Throws: `EvidenceBlockEncoding.Malformed` when the bytes are not an encoded block.
  mutating func load(_ bytes: [UInt8]) throws {
    records.removeAll(keepingCapacity: true)
    texts.removeAll(keepingCapacity: true)
    matches.removeAll(keepingCapacity: true)
    self.bytes = bytes
    var reader = Reader(bytes: bytes)
    let count = try reader.int()
    for _ in 0..<count {
      let areaName = try reader.text()
      let report = try reader.text()
      let unit = try reader.text()
      let sectionIndex = Int(try reader.byte())
      guard sectionIndex < EvidenceBlockEncoding.sections.count else {
        throw EvidenceBlockEncoding.Malformed(description: "unknown section \(sectionIndex)")
      }
      let theme = try reader.text()
      let polarityIndex = Int(try reader.byte())
      guard polarityIndex < EvidenceBlockEncoding.polarities.count else {
        throw EvidenceBlockEncoding.Malformed(description: "unknown polarity \(polarityIndex)")
      }
      let evidenceStart = texts.count
      for _ in 0..<(try reader.int()) { texts.append(try reader.text()) }
      let evidence = evidenceStart..<texts.count
      let matchStart = matches.count
      for _ in 0..<(try reader.int()) {
        let pattern = try reader.text()
        let text = try reader.text()
        let start = try reader.int()
        let end = try reader.int()
        guard start <= end else {
          throw EvidenceBlockEncoding.Malformed(description: "match ends before it starts")
        }
        matches.append(Match(pattern: pattern, text: text, start: start, end: end))
      }
      let citedStart = texts.count
      for _ in 0..<(try reader.int()) { texts.append(try reader.text()) }
      records.append(
        Record(
          areaName: areaName, report: report, unit: unit, sectionIndex: sectionIndex, theme: theme,
          polarityIndex: polarityIndex, evidence: evidence,
          matches: matchStart..<matches.count, cited: citedStart..<texts.count))
    }
    guard reader.isAtEnd else {
      throw EvidenceBlockEncoding.Malformed(description: "trailing bytes")
    }
  }

  /// The string at `text`.
  func string(_ text: Text) -> String {
    String(decoding: bytes[text.start..<text.end], as: UTF8.self)
  }

  private struct Reader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() throws -> UInt8 {
      guard position < bytes.count else {
        throw EvidenceBlockEncoding.Malformed(description: "truncated record")
      }
      defer { position += 1 }
      return bytes[position]
    }

    mutating func int() throws -> Int {
      var value: UInt = 0
      var shift: UInt = 0
      while true {
        guard position < bytes.count, shift < 64 else {
          throw EvidenceBlockEncoding.Malformed(description: "truncated integer")
        }
        let byte = bytes[position]
        position += 1
        value |= UInt(byte & 0x7f) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      guard value <= UInt(Int.max) else {
        throw EvidenceBlockEncoding.Malformed(description: "integer out of range")
      }
      return Int(value)
    }

    mutating func text() throws -> EncodedFindings.Text {
      let length = try int()
      guard length <= bytes.count - position else {
        throw EvidenceBlockEncoding.Malformed(description: "truncated string")
      }
      defer { position += length }
      return EncodedFindings.Text(start: position, end: position + length)
    }
  }
}
