import Foundation

/// Reads the review's metadata from its title block, header fields and method section.
enum MetadataParser {
  /// The header fields a CLAS review prints, by the start of their label (lowercased).
  enum Field: CaseIterable {
    case reviewDates, published, inspectors, providers, ccgs, nhsEnglandArea, cqcRegion, signatory

    static func match(_ label: String) -> Field? {
      // A key is ASCII: its bytes answer what its characters would.
      ASCIIBytes.withBytes(Outline.key(label)) { k in
        func starts(_ prefix: StaticString) -> Bool { ASCIIBytes.hasPrefix(prefix, k) }
        func has(_ part: StaticString) -> Bool { ASCIIBytes.contains(part, in: k) }
        if starts("date of review") || starts("dates of review") { return .reviewDates }
        if starts("date of publication") || starts("publication date") { return .published }
        if has("cqc inspector") || starts("inspectors") { return .inspectors }
        if starts("provider services") || starts("providers") { return .providers }
        if starts("ccgs included") || starts("ccg included") || starts("ccgs") { return .ccgs }
        if starts("nhs england area") { return .nhsEnglandArea }
        if k.elementsEqual("cqc region".utf8) || starts("cqc region ") { return .cqcRegion }
        if has("chief inspector") || has("regional director") { return .signatory }
        return nil
      }
    }
  }

  /// The area named by the title, e.g. "...Looked After and Safeguarding in Derby".
  static func area(in lines: ArraySlice<String>) -> String? {
    var block = ""
    for line in lines.prefix(40) {
      let text = line.collapsingWhitespace()
      if !text.isEmpty {
        block += (block.isEmpty ? "" : " ") + text
        continue
      }
      if let area = area(afterMarkerIn: block, marker: "safeguarding in ") { return area }
      block = ""
    }
    if let area = area(afterMarkerIn: block, marker: "safeguarding in ") { return area }
    for line in lines.prefix(60) {
      if let area = area(afterMarkerIn: line, marker: "the role of health services in ") {
        return area
      }
    }
    return nil
  }

  private static func area(afterMarkerIn text: String, marker: StaticString) -> String? {
    // Foundation's search is slow: rule out ASCII text without the marker on its bytes first.
    let absent = ASCIIBytes.withBytes(text) {
      ASCIIBytes.isASCII($0) && !ASCIIBytes.containsIgnoringCase(marker, in: $0)
    }
    guard !absent, let range = find(marker.description, in: text, ignoringCase: true)
    else { return nil }
    var rest = text[range.upperBound...].collapsingWhitespace()
    // The title block may run into the subtitle: stop at the repeated series title.
    for stop in [" Children Looked After", " The role of", " Date of review"] {
      if let cut = find(stop, in: rest, ignoringCase: true) {
        rest = String(rest[..<cut.lowerBound])
      }
    }
    let area = TrimmingSet.areaEnds.trim(rest)
    return area.isEmpty ? nil : area
  }

  /// `text.range(of: needle)` (case-insensitive when `ignoringCase`), searched on bytes when both
  /// are ASCII (then Foundation's search finds the same range).
  private static func find(_ needle: String, in text: String, ignoringCase: Bool = false)
    -> Range<String.Index>?
  {
    let onBytes: Int?? = ASCIIBytes.withBytes(text) { bytes in
      ASCIIBytes.withBytes(needle) { needle in
        guard ASCIIBytes.isASCII(bytes), ASCIIBytes.isASCII(needle) else { return nil }
        return .some(
          ignoringCase
            ? ASCIIBytes.indexIgnoringCase(of: needle, in: bytes)
            : ASCIIBytes.index(of: needle, in: bytes))
      }
    }
    guard let onBytes else {
      return text.range(of: needle, options: ignoringCase ? .caseInsensitive : [])
    }
    return onBytes.map { offset in
      let start = text.utf8.index(text.startIndex, offsetBy: offset)
      return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
    }
  }

  /// Splits a header line into its label and value at the first colon or tab.
  static func field(_ line: String) -> (Field, label: String, value: String)? {
    let trimmed = Substring(line).trimmingWhitespace()
    guard let colon = separatorIndex(trimmed) else { return nil }
    let label = String(trimmed[..<colon])
    // A label of at most 120 bytes has at most 120 characters: count them only past that.
    guard label.utf8.count <= 120 || label.count <= 120, let field = Field.match(label) else {
      return nil
    }
    var value = trimmed[trimmed.index(after: colon)...]
    while let first = value.first, first == ":" || first == " " || first == "\t" {
      value = value.dropFirst()
    }
    return (field, TrimmingSet.whitespaces.trim(label), String(value).collapsingWhitespace())
  }

  /// The index of the first colon or tab character in `text`.
  private static func separatorIndex(_ text: Substring) -> Substring.Index? {
    let found: Int?? = ASCIIBytes.withBytes(text) { bytes in
      // When the bytes up to and after the first colon or tab byte are ASCII, that byte is the
      // first colon or tab `Character`; else leave the answer to the character search.
      for (index, byte) in bytes.enumerated() {
        if byte >= 0x80 { return nil }
        if byte == 0x3A || byte == 0x09 {
          return index + 1 == bytes.count || bytes[index + 1] < 0x80 ? .some(index) : nil
        }
      }
      return .some(nil)
    }
    guard let found else { return text.firstIndex(where: { $0 == ":" || $0 == "\t" }) }
    return found.map { text.utf8.index(text.startIndex, offsetBy: $0) }
  }

  /// The number in "we took into account the experiences of N children and young people".
  static func childrenConsidered(in lines: ArraySlice<String>) -> Int? {
    for line in lines where line.utf8.count > 30 {
      guard let range = find("experiences of ", in: line) else { continue }
      let rest = line[range.upperBound...]
      let digits = rest.prefix(while: { $0.isNumber || $0 == "," }).filter(\.isNumber)
      if let value = Int(digits), rest.dropFirst(digits.count).lowercased().contains("child") {
        return value
      }
    }
    return nil
  }

  /// Splits a list of people: by commas, semicolons and "and", else pairs of capitalised words.
  static func people(_ value: String) -> [String] {
    let separated = splitList(value)
    if separated.count > 1 { return separated }
    let words = value.split(separator: " ")
    guard words.count >= 4, words.count % 2 == 0,
      words.allSatisfy({ $0.first?.isUppercase == true })
    else { return separated }
    return stride(from: 0, to: words.count, by: 2).map { "\(words[$0]) \(words[$0 + 1])" }
  }

  /// Splits an organisation list on separators and after organisation-type words
  /// ("...NHS Trust Oxford Health..." -> two names).
  static func organisations(_ value: String) -> [String] {
    var out: [String] = []
    for part in splitList(value, splitOnAnd: false) {
      var current: [Substring] = []
      let words = part.split(separator: " ")
      for (index, word) in words.enumerated() {
        current.append(word)
        guard index + 1 < words.count else { continue }
        let next = words[index + 1]
        guard next.first?.isUppercase == true else { continue }
        let bare = TrimmingSet.punctuation.trim(word)
        if endsOrganisation(bare, word: word), !continuesOrganisation(next, after: bare) {
          out.append(current.joined(separator: " "))
          current = []
        }
      }
      if !current.isEmpty { out.append(current.joined(separator: " ")) }
    }
    return out.filter { !$0.isEmpty }
  }

  private static let organisationEnds: Set<String> = [
    "Trust", "CCG", "Ltd", "Limited", "Group", "Council", "Services", "Service", "Visions",
    "Addaction",
  ]

  private static func endsOrganisation(_ bare: String, word: Substring) -> Bool {
    organisationEnds.contains(bare) || word.hasSuffix(")")
  }

  private static let terminalWords: Set<String> = ["Trust", "CCG", "Ltd", "Limited", "Council"]

  private static func continuesOrganisation(_ next: Substring, after word: String) -> Bool {
    if next.hasPrefix("(") { return true }
    if terminalWords.contains(word) { return false }
    return ["NHS", "Foundation", "Trust", "Partnership"].contains(String(next))
  }

  /// Splits provider entries that run several names together, using names the report prints
  /// elsewhere (recommendation addressees), and drops "is provided by" phrasing.
  static func refine(_ organisations: [String], knownNames: [String]) -> [String] {
    // Longest first (in characters, counted once per name; an ASCII name's are its bytes).
    let names = Set(knownNames.filter { $0.split(separator: " ").count >= 2 })
    let lengths: [(name: String, length: Int)] = names.map { name in
      (name, ASCIIBytes.isASCII(name) ? name.utf8.count : name.count)
    }
    let known = lengths.sorted { a, b in
      a.length != b.length ? a.length > b.length : a.name < b.name
    }.map(\.name)
    var out: [String] = []
    for entry in organisations {
      var pieces = [entry]
      for name in known {
        // Most names are not in the entry: then the pieces stay as they are.
        guard pieces.contains(where: { $0 != name && find(name, in: $0) != nil }) else { continue }
        pieces = pieces.flatMap { piece -> [String] in
          guard piece != name, let range = find(name, in: piece) else { return [piece] }
          let before = piece[..<range.lowerBound].split(separator: " ")
          let after = piece[range.upperBound...].split(separator: " ")
          // A short remainder is part of a longer name ("University Hospitals <name>"), and a
          // parenthesis describes the name before it.
          guard before.isEmpty || before.count >= 3, after.isEmpty || after.count >= 2,
            after.first?.hasPrefix("(") != true
          else { return [piece] }
          return [before.joined(separator: " "), name, after.joined(separator: " ")]
        }
      }
      for piece in pieces {
        var name = TrimmingSet.nameEnds.trim(piece)
        if let range = find(" provided by ", in: name) { name = String(name[range.upperBound...]) }
        if !name.isEmpty { out.append(name) }
      }
    }
    return out
  }

  private static func splitList(_ value: String, splitOnAnd: Bool = true) -> [String] {
    // On ASCII text Foundation's literal replacing and splitting, and splitting on characters,
    // are the byte-level ones.
    guard ASCIIBytes.isASCII(value) else {
      let text = splitOnAnd ? value.replacingOccurrences(of: " and ", with: ", ") : value
      return text.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { piece in
        // "Trust. Coventry..." separates names with full stops.
        piece.components(separatedBy: ". ")
      }
      .map(TrimmingSet.listItemEnds.trim)
      .filter { !$0.isEmpty }
    }
    let text = splitOnAnd ? Addressees.replacing(" and ", with: ", ", in: value) : value
    let pieces = ASCIIBytes.withBytes(text) { bytes in
      bytes.split(whereSeparator: { $0 == 0x2C || $0 == 0x3B }).map {
        String(decoding: $0, as: UTF8.self)
      }
    }
    return pieces.flatMap { Addressees.components($0, ". ") }
      .map(TrimmingSet.listItemEnds.trim)
      .filter { !$0.isEmpty }
  }
}
