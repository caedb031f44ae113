extension JSONRenderer {
  /// Appends the `findings.jsonl` line of `record`: one compact, key-sorted JSON object and a
  /// newline. `area` is the area id and `areaName` its name in the analysis; `year` is null when
  /// the report states none.
  ///
  /// ```json
  /// {"area":"derby","areaName":"Derby","citedRecommendations":["rec:4.1"],"evidence":["..."],"matches":[{"end":58,"pattern":"supervision","start":47,"text":"supervision"}],"polarity":"negative","report":"derby","section":"child_protection","theme":"supervision","unit":"para:3.2","year":2015}
  /// ```
  static func writeFindingLine(
    _ record: EvidenceRecord, block: FindingLineParts.Block, into out: inout [UInt8]
  ) {
    let finding = record.finding
    // Keys and punctuation go out as few literal runs as possible: this runs for every finding.
    func literal(_ text: StaticString) {
      out.append(
        contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
    func strings(_ values: [String]) {
      for (i, value) in values.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONWriter.writeString(value, into: &out)
      }
    }
    out += block.jsonPrefix
    literal(#""citedRecommendations":["#)
    strings(finding.citedRecommendations.map(\.rawValue))
    literal(#"],"evidence":["#)
    strings(finding.evidence)
    literal(#"],"matches":["#)
    for (i, match) in finding.matches.enumerated() {
      literal(i > 0 ? #",{"end":"# : #"{"end":"#)
      JSONWriter.writeInteger(match.end, into: &out)
      literal(#","pattern":"#)
      JSONWriter.writeString(match.pattern, into: &out)
      literal(#","start":"#)
      JSONWriter.writeInteger(match.start, into: &out)
      literal(#","text":"#)
      JSONWriter.writeString(match.text, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    literal(#"],"polarity":"#)
    JSONWriter.writeString(finding.polarity.rawValue, into: &out)
    literal(#","report":"#)
    JSONWriter.writeString(finding.report, into: &out)
    literal(#","section":"#)
    JSONWriter.writeString(finding.section.rawValue, into: &out)
    literal(#","theme":"#)
    JSONWriter.writeString(finding.theme.rawValue, into: &out)
    literal(#","unit":"#)
    JSONWriter.writeString(finding.unit.rawValue, into: &out)
    out += block.jsonSuffix
  }
}
