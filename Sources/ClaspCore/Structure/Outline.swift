/// Recognises the CLAS outline's headings, telling them apart from table-of-contents entries.
enum Outline {
  /// A recognised heading line.
  enum Heading: Equatable {
    case section(SectionID)
    case contents
  }

  private static let titles: [String: SectionID] = {
    var table: [String: SectionID] = [:]
    for id in SectionID.allCases { table[key(id.title)] = id }
    table["summary"] = .summary
    table["how we carried out this review"] = .method
    table["context"] = .context
    table["what people told us about services"] = .peopleToldUs
    table["the childs journey"] = .childsJourney
    table["looked after children lac"] = .lookedAfterChildren
    table["leadership"] = .leadership
    table["leadership and management of services"] = .leadership
    table["training"] = .trainingAndSupervision
    table["training and development"] = .trainingAndSupervision
    table["supervision and training"] = .trainingAndSupervision
    table["management of services"] = .management
    return table
  }()

  /// The heading `shape` is, or `nil` for body text and table-of-contents entries.
  static func heading(_ shape: LineShape) -> Heading? {
    var text = shape.content
    guard text.utf8.count <= 60, !shape.bulleted else { return nil }
    if let number = LeadingNumber(text) {
      guard number.components.count <= 2 else { return nil }
      text = number.rest
    }
    let k = key(text)
    if k == "contents" || k == "table of contents" { return .contents }
    guard let id = titles[k] else { return nil }
    return .section(id)
  }

  /// True when the line is a table-of-contents entry: a title followed by a page number.
  static func isContentsEntry(_ shape: LineShape) -> Bool {
    let bytes = shape.content.utf8
    guard let last = bytes.last, last >= 0x30 && last <= 0x39 else { return false }
    // The trailing page number, then what separates it from the title.
    var index = bytes.index(before: bytes.endIndex)
    while index > bytes.startIndex, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
      bytes.formIndex(before: &index)
    }
    let separator = bytes[index]
    // A tab anywhere in a line ending in a number, or a dot leader ("Governance ....... 33").
    return bytes.contains(0x09) || separator == 0x2E && bytes.firstRange(of: "..".utf8) != nil
  }

  /// Lowercase letters and digits only, single-spaced; `&` reads as "and", hyphens as spaces.
  static func key<S: StringProtocol>(_ text: S) -> String {
    // Every byte of a non-ASCII scalar separates words, as the scalar itself would.
    ASCIIBytes.withBytes(text) { bytes in
      // At most four bytes out per byte in ("&" -> " and"): written to a buffer on the stack.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 4 + 1) { out in
        var count = 0
        func append(_ byte: UInt8) {
          out[count] = byte
          count += 1
        }
        var space = false
        for byte in bytes {
          if ASCIIBytes.isAlphanumeric(byte) {
            if space && count > 0 { append(0x20) }
            space = false
            append(ASCIIBytes.lower(byte))
          } else if byte == 0x26 {  // '&'
            if count > 0 { append(0x20) }
            append(0x61)  // "and"
            append(0x6E)
            append(0x64)
            space = true
          } else if byte == 0x27 {  // apostrophe joins: "child's" -> "childs"
            continue
          } else {
            space = true
          }
        }
        if count > 0 && out[count - 1] == 0x20 { count -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self)
      }
    }
  }
}
