extension JSONRenderer {
  /// Appends the `findings.jsonl` line of `record`.
  ///
  /// One compact, key-sorted JSON object and a newline. `area` is the area id and `areaName` its
  /// name in the analysis; `year` is null when the report states none.
  ///
  /// ```json
  /// {"area":"derby","areaName":"Derby","citedRecommendations":["rec:4.1"],"evidence":["..."],"matches":[{"end":58,"pattern":"supervision","start":47,"text":"supervision"}],"polarity":"negative","report":"derby","section":"child_protection","theme":"supervision","unit":"para:3.2","year":2015}
  /// ```
  static func writeFindingLine(
    _ record: EvidenceRecord, block: FindingLineParts.Block, into out: inout [UInt8]
  ) {
    // The line needs no theme label, so parts without the codebook's themes serve.
    let parts = FindingLineParts(themes: [])
    var findings = EncodedFindings()
    // Bytes just encoded always decode.
    try! findings.load(EvidenceBlockEncoding.encode([record]))
    findings.bytes.withUnsafeBufferPointer { bytes in
      writeFindingLine(
        0, of: findings, in: bytes, theme: parts.theme(findings.records[0].theme.bytes(in: bytes)),
        block: block, parts: parts, into: &out)
    }
  }

  /// Appends the `findings.jsonl` line of the finding at `index` of `findings`, whose bytes are
  /// `bytes`; `theme` holds its theme's parts and `block` its block's.
  static func writeFindingLine(
    _ index: Int, of findings: EncodedFindings, in bytes: UnsafeBufferPointer<UInt8>,
    theme: FindingLineParts.Theme, block: FindingLineParts.Block, parts: FindingLineParts,
    into out: inout some ByteOutput
  ) {
    let record = findings.records[index]
    // Keys and punctuation go out as few literal runs as possible: this runs for every finding.
    func literal(_ text: StaticString) { out.append(literal: text) }
    func strings(_ texts: Range<Int>) {
      for i in texts {
        if i > texts.lowerBound { out.append(UInt8(ascii: ",")) }
        JSONWriter.writeString(findings.texts[i].bytes(in: bytes), into: &out)
      }
    }
    out += block.jsonPrefix
    literal(#""citedRecommendations":["#)
    strings(record.cited)
    literal(#"],"evidence":["#)
    strings(record.evidence)
    literal(#"],"matches":["#)
    for i in record.matches {
      let match = findings.matches[i]
      literal(i > record.matches.lowerBound ? #",{"end":"# : #"{"end":"#)
      JSONWriter.writeInteger(match.end, into: &out)
      literal(#","pattern":"#)
      JSONWriter.writeString(match.pattern.bytes(in: bytes), into: &out)
      literal(#","start":"#)
      JSONWriter.writeInteger(match.start, into: &out)
      literal(#","text":"#)
      JSONWriter.writeString(match.text.bytes(in: bytes), into: &out)
      out.append(UInt8(ascii: "}"))
    }
    literal(#"],"polarity":"#)
    out += parts.polarities[record.polarityIndex].json
    literal(#","report":"#)
    JSONWriter.writeString(record.report.bytes(in: bytes), into: &out)
    literal(#","section":"#)
    out += parts.sections[record.sectionIndex].json
    literal(#","theme":"#)
    out += theme.json
    literal(#","unit":"#)
    JSONWriter.writeString(record.unit.bytes(in: bytes), into: &out)
    out += block.jsonSuffix
  }
}
