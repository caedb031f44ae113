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
      var isASCII = true
      // Each line gives at most its bytes and one space: written straight into the array.
      let capacity = lines.reduce(lines.count) { $0 + $1.utf8.count }
      let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
        var count = 0
        var space = false
        for line in lines {
          let folded: (count: Int, space: Bool)? = ASCIIBytes.withBytes(line) { line in
            guard ASCIIBytes.isASCII(line) else { return nil }
            return Self.fold(line, into: out, count: count, space: space)
          }
          guard let folded else {
            isASCII = false
            break
          }
          count = folded.count
          space = count > 0
        }
        written = count
      }
      guard isASCII else {
        text = lines.joined(separator: " ").collapsingWhitespace().lowercased()
        return
      }
      ascii = bytes
    }

    /// Appends `line` to `out` from `count` lowercased, runs of white space as one space (a
    /// pending `space` first); returns the new count and whether a space is pending.
    private static func fold(
      _ line: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, count: Int,
      space: Bool
    ) -> (count: Int, space: Bool) {
      var count = count
      var space = space
      for byte in line {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A {
          space = count > 0
          continue
        }
        if space {
          out[count] = 0x20
          count += 1
        }
        space = false
        out[count] = ASCIIBytes.lower(byte)
        count += 1
      }
      return (count, space)
    }

    func contains(_ phrase: StaticString) -> Bool {
      if let text { return text.contains(phrase.description) }
      return ascii.withUnsafeBufferPointer { ASCIIBytes.contains(phrase, in: $0) }
    }
  }
}
