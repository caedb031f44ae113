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
    func key(_ name: StaticString, first: Bool = false) {
      if !first { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      out.append(contentsOf: "\":".utf8)
    }
    func strings(_ values: some Collection<String>) {
      out.append(UInt8(ascii: "["))
      for (i, value) in values.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONWriter.writeString(value, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    }
    out += block.jsonPrefix
    key("citedRecommendations", first: true)
    strings(finding.citedRecommendations.lazy.map(\.rawValue))
    key("evidence")
    strings(finding.evidence)
    key("matches")
    out.append(UInt8(ascii: "["))
    for (i, match) in finding.matches.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "{"))
      key("end", first: true)
      JSONWriter.writeInteger(match.end, into: &out)
      key("pattern")
      JSONWriter.writeString(match.pattern, into: &out)
      key("start")
      JSONWriter.writeInteger(match.start, into: &out)
      key("text")
      JSONWriter.writeString(match.text, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    out.append(UInt8(ascii: "]"))
    key("polarity")
    JSONWriter.writeString(finding.polarity.rawValue, into: &out)
    key("report")
    JSONWriter.writeString(finding.report, into: &out)
    key("section")
    JSONWriter.writeString(finding.section.rawValue, into: &out)
    key("theme")
    JSONWriter.writeString(finding.theme.rawValue, into: &out)
    key("unit")
    JSONWriter.writeString(finding.unit.rawValue, into: &out)
    out += block.jsonSuffix
  }
}
