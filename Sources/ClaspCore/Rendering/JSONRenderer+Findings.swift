extension JSONRenderer {
  /// Appends the `findings.jsonl` line of `record`: one compact, key-sorted JSON object and a
  /// newline. `area` is the area id and `areaName` its name in the analysis; `year` is null when
  /// the report states none.
  ///
  /// ```json
  /// {"area":"derby","areaName":"Derby","citedRecommendations":["rec:4.1"],"evidence":["..."],"matches":[{"end":58,"pattern":"supervision","start":47,"text":"supervision"}],"polarity":"negative","report":"derby","section":"child_protection","theme":"supervision","unit":"para:3.2","year":2015}
  /// ```
  static func writeFindingLine(
    _ record: EvidenceRecord, in analysis: Analysis, into out: inout [UInt8]
  ) {
    let finding = record.finding
    func key(_ name: StaticString, first: Bool = false) {
      if !first { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      out.append(contentsOf: "\":".utf8)
    }
    func strings(_ values: [String]) {
      out.append(UInt8(ascii: "["))
      for (i, value) in values.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONWriter.writeString(value, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    }
    out.append(UInt8(ascii: "{"))
    key("area", first: true)
    JSONWriter.writeString(record.area.rawValue, into: &out)
    key("areaName")
    JSONWriter.writeString(analysis.area(record.area)?.name ?? finding.area, into: &out)
    key("citedRecommendations")
    strings(finding.citedRecommendations.map(\.rawValue))
    key("evidence")
    strings(finding.evidence)
    key("matches")
    out.append(UInt8(ascii: "["))
    for (i, match) in finding.matches.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "{"))
      key("end", first: true)
      out.append(contentsOf: String(match.end).utf8)
      key("pattern")
      JSONWriter.writeString(match.pattern, into: &out)
      key("start")
      out.append(contentsOf: String(match.start).utf8)
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
    key("year")
    out.append(contentsOf: (record.year.map(String.init) ?? "null").utf8)
    out.append(contentsOf: "}\n".utf8)
  }
}
