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
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      var space = false
      for byte in bytes {
        if ASCIIBytes.isAlphanumeric(byte) {
          if space && !out.isEmpty { out.append(0x20) }
          space = false
          out.append(ASCIIBytes.lower(byte))
        } else if byte == 0x26 {  // '&'
          if !out.isEmpty { out.append(0x20) }
          out.append(contentsOf: [0x61, 0x6E, 0x64])  // "and"
          space = true
        } else if byte == 0x27 {  // apostrophe joins: "child's" -> "childs"
          continue
        } else {
          space = true
        }
      }
      if out.last == 0x20 { out.removeLast() }
      return String(decoding: out, as: UTF8.self)
    }
  }
}
