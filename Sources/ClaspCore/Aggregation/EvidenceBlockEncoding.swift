/// The compact byte form of a block's records in an `EvidenceSpool`.
///
/// LEB128 counts and integers, strings as a length and their UTF-8 bytes. The block's area and year
/// are not repeated per record.
enum EvidenceBlockEncoding {
  /// Why spooled bytes did not decode (only a corrupted spool can cause it).
  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  static func encode(_ records: [EvidenceRecord]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(records.count * 512)
    writeInt(records.count, into: &out)
    for record in records {
      let finding = record.finding
      writeString(finding.area, into: &out)
      writeString(finding.report, into: &out)
      writeString(finding.unit.rawValue, into: &out)
      writeString(finding.section.rawValue, into: &out)
      writeString(finding.theme.rawValue, into: &out)
      writeString(finding.polarity.rawValue, into: &out)
      writeInt(finding.evidence.count, into: &out)
      for sentence in finding.evidence { writeString(sentence, into: &out) }
      writeInt(finding.matches.count, into: &out)
      for match in finding.matches {
        writeString(match.pattern, into: &out)
        writeString(match.text, into: &out)
        writeInt(match.start, into: &out)
        writeInt(match.end, into: &out)
      }
      writeInt(finding.citedRecommendations.count, into: &out)
      for unit in finding.citedRecommendations { writeString(unit.rawValue, into: &out) }
    }
    return out
  }

  static func decode(_ bytes: [UInt8], area: AreaID, year: Int?) throws -> [EvidenceRecord] {
    var reader = Reader(bytes: bytes)
    let count = try reader.int()
    var out: [EvidenceRecord] = []
    out.reserveCapacity(count)
    for _ in 0..<count {
      let areaName = try reader.string()
      let report = try reader.string()
      let unit = UnitID(rawValue: try reader.string())
      let sectionName = try reader.string()
      guard let section = SectionID(rawValue: sectionName) else {
        throw Malformed(description: "unknown section '\(sectionName)'")
      }
      let theme = ThemeID(rawValue: try reader.string())
      let polarityName = try reader.string()
      guard let polarity = Polarity(rawValue: polarityName) else {
        throw Malformed(description: "unknown polarity '\(polarityName)'")
      }
      let evidence = try (0..<reader.int()).map { _ in try reader.string() }
      let matches = try (0..<reader.int()).map { _ in
        let pattern = try reader.string()
        let text = try reader.string()
        let start = try reader.int()
        let end = try reader.int()
        guard start <= end else { throw Malformed(description: "match ends before it starts") }
        return MatchedTerm(pattern: pattern, text: text, start: start, end: end)
      }
      let cited = try (0..<reader.int()).map { _ in UnitID(rawValue: try reader.string()) }
      out.append(
        EvidenceRecord(
          area: area, year: year,
          finding: Finding(
            area: areaName, report: report, unit: unit, section: section, theme: theme,
            polarity: polarity, evidence: evidence, matches: matches, citedRecommendations: cited)))
    }
    guard reader.isAtEnd else { throw Malformed(description: "trailing bytes") }
    return out
  }

  private static func writeInt(_ value: Int, into out: inout [UInt8]) {
    precondition(value >= 0, "only counts and offsets are encoded")
    var rest = UInt(value)
    while rest >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    out.append(UInt8(rest))
  }

  private static func writeString(_ text: String, into out: inout [UInt8]) {
    writeInt(text.utf8.count, into: &out)
    out.append(contentsOf: text.utf8)
  }

  private struct Reader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func int() throws -> Int {
      var value: UInt = 0
      var shift: UInt = 0
      while true {
        guard position < bytes.count, shift < 64 else {
          throw Malformed(description: "truncated integer")
        }
        let byte = bytes[position]
        position += 1
        value |= UInt(byte & 0x7f) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      guard value <= UInt(Int.max) else { throw Malformed(description: "integer out of range") }
      return Int(value)
    }

    mutating func string() throws -> String {
      let length = try int()
      guard length <= bytes.count - position else {
        throw Malformed(description: "truncated string")
      }
      defer { position += length }
      return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }
  }
}
