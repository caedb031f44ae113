/// Decides whether normalised text is a CQC CLAS review before any of it is parsed, so other
/// documents are rejected with a reason instead of being half-parsed into nonsense.
enum ReviewRecognition {
  /// Throws when `source` is not a CLAS review; returns the area its title names.
  /// - Throws: `StructureError.notCLASReview` with the reason.
  @discardableResult
  static func check(_ source: SourceText) throws -> String {
    let head = Head(source.lines.prefix(80))
    // The joint Ofsted/CQC inspections (2009-2012) share the subject and much of the vocabulary.
    if head.contains("inspection of safeguarding and looked after children")
      || head.contains("ofsted") && head.contains("joint inspection")
    {
      throw StructureError.notCLASReview(
        path: source.path,
        reason:
          "it is a joint Ofsted and CQC inspection of safeguarding and looked after children services, a different programme"
      )
    }
    guard
      head.contains("looked after and safeguarding")
        || head.contains("looked-after and safeguarding")
    else {
      throw StructureError.notCLASReview(
        path: source.path,
        reason: "no \"Children Looked After and Safeguarding\" title in its first 80 lines")
    }
    guard let area = MetadataParser.area(in: source.lines[...]) else {
      throw StructureError.notCLASReview(path: source.path, reason: "its title names no area")
    }
    // A text that only mentions the programme (a news item, a letter) has neither the header
    // fields nor the outline; a copy cut short after its first page still has the fields.
    let hasField = source.lines.prefix(200).contains { MetadataParser.field($0) != nil }
    func hasHeading() -> Bool {
      source.lines.contains { line in
        line.utf8.count <= 80
          && {
            if case .section = Outline.heading(LineShape(line)) {
              return true
            } else {
              return false
            }
          }()
      }
    }
    guard hasField || hasHeading() else {
      throw StructureError.notCLASReview(
        path: source.path,
        reason:
          "it has none of a review's header fields (date of review, date of publication) or section headings"
      )
    }
    return area
  }

  /// The first lines joined with spaces, runs of whitespace collapsed, lowercased: the text the
  /// title phrases are looked for in.
  private struct Head {
    /// The text's bytes when it is ASCII (then byte tests give the same answers as `String`'s).
    private var ascii: [UInt8] = []
    /// The text when it is not ASCII.
    private var text: String?

    init(_ lines: ArraySlice<String>) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
      var space = false
      for line in lines {
        let isASCII = ASCIIBytes.withBytes(line) { line in
          guard ASCIIBytes.isASCII(line) else { return false }
          for byte in line {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
              space = !bytes.isEmpty
              continue
            }
            if space { bytes.append(0x20) }
            space = false
            bytes.append(ASCIIBytes.lower(byte))
          }
          return true
        }
        guard isASCII else {
          text = lines.joined(separator: " ").collapsingWhitespace().lowercased()
          return
        }
        space = !bytes.isEmpty
      }
      ascii = bytes
    }

    func contains(_ phrase: StaticString) -> Bool {
      if let text { return text.contains(phrase.description) }
      return ascii.withUnsafeBufferPointer { ASCIIBytes.contains(phrase, in: $0) }
    }
  }
}
