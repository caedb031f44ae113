/// Undoes the damage PDF text extraction does to a report, so the structure parser sees one logical
/// line per paragraph, heading or header field, as in a clean text copy.
///
/// Three conservative passes over normalised lines:
/// 1. Page furniture: at page boundaries (form feeds from `pdftotext`, or "Page N of M" lines in
///    text copies) page-number lines and lines repeated at the edges of most pages (the running
///    title) are blanked. The first page's top is never touched: it holds the real title.
/// 2. Hard wraps: only when the text is hard-wrapped (most long lines are shorter than 120
///    characters, unlike a clean copy's one line per paragraph), a line that reaches the wrap width
///    is joined with the next unless that next line starts a new item (a bullet or a dotted number);
///    `pdftotext -layout` column gaps become tabs and wrapped table cells rejoin their column;
///    a word hyphenated across the break is rejoined (`safe-` + `guarding`) unless the document
///    spells it hyphenated elsewhere or it is a compound (`multi-agency`).
/// 3. Page breaks: a paragraph cut by a page boundary (the text before it is unfinished and the text
///    after it carries on in lowercase) is rejoined across the removed furniture.
///
/// A clean one-line-per-paragraph copy with no page furniture passes through unchanged.
///
/// ```swift
/// let repaired = ExtractionRepair.repair(["1.1 The health visiting service was", "\u{0C}not told."])
/// ```
public enum ExtractionRepair {
  /// Repaired lines with the 1-based source line each one starts on.
  public struct Output: Equatable, Sendable {
    public let lines: [String]
    public let lineNumbers: [Int]
  }

  /// Repairs `lines` (normalised; a form feed marks the start of a page).
  public static func repair(_ lines: [String]) -> Output {
    var text = lines
    var pageStarts = Set<Int>()
    for index in text.indices where ASCIIBytes.contains(0x0C, in: text[index]) {
      text[index] = String(text[index].filter { $0 != "\u{0C}" })
      if index > 0 { pageStarts.insert(index) }
    }
    let boundaries = removeFurniture(&text, pageStarts: pageStarts)
    var joiner = LineJoiner(lines: text, boundaries: boundaries)
    return joiner.run()
  }

  // MARK: Page furniture

  /// Blanks page numbers and running headers/footers; returns the page boundaries (the index of
  /// each page's first line, plus `lines.count`).
  static func removeFurniture(_ lines: inout [String], pageStarts: Set<Int>) -> [Int] {
    var boundaries = pageStarts
    if boundaries.isEmpty {
      for index in lines.indices where isPageNumber(lines[index], strict: true) {
        boundaries.insert(index + 1)
      }
    }
    guard !boundaries.isEmpty else { return [] }
    // The end of the text closes the last page, unless only blank lines follow the last boundary.
    if let last = boundaries.max(), lines[last...].contains(where: { !isBlank($0) }) {
      boundaries.insert(lines.count)
    }
    let sorted = boundaries.sorted()
    // Count the distinct edge lines holding each text (digits folded so "Page 3" matches "Page 4").
    var edges = Set<Int>()
    for boundary in sorted { edges.formUnion(edgeLines(lines, boundary: boundary)) }
    var edgeCounts: [String: Int] = [:]
    for index in edges { edgeCounts[edgeKey(lines[index]), default: 0] += 1 }
    let repeated = Set(
      edgeCounts.filter { $0.value >= 2 && $0.value * 2 >= sorted.count }.map(\.key))
    for boundary in sorted {
      // Walk outwards from the boundary; furniture is contiguous at the page's edge.
      for direction in [-1, 1] {
        var index = direction < 0 ? boundary - 1 : boundary
        var seen = 0
        var steps = 0
        while index >= 0, index < lines.count, seen < 3, steps < edgeReach {
          let line = lines[index]
          steps += 1
          if isBlank(line) {
            index += direction
            continue
          }
          guard isPageNumber(line, strict: false) || repeated.contains(edgeKey(line)) else {
            break
          }
          lines[index] = ""
          seen += 1
          index += direction
        }
      }
    }
    return sorted
  }

  /// How many lines from a page boundary furniture is looked for (bounds the work per page).
  static let edgeReach = 12

  /// The indices of up to three non-blank lines either side of `boundary`, within `edgeReach`.
  private static func edgeLines(_ lines: [String], boundary: Int) -> [Int] {
    var out: [Int] = []
    for direction in [-1, 1] {
      var index = direction < 0 ? boundary - 1 : boundary
      var found = 0
      var steps = 0
      while index >= 0, index < lines.count, found < 3, steps < edgeReach {
        steps += 1
        if !isBlank(lines[index]) {
          out.append(index)
          found += 1
        }
        index += direction
      }
    }
    return out
  }

  private static func edgeKey(_ line: String) -> String {
    var out: [UInt8] = []
    var space = false
    for byte in line.utf8 {
      if byte == 0x20 || byte == 0x09 {
        space = !out.isEmpty
        continue
      }
      if space { out.append(0x20) }
      space = false
      out.append(ASCIIBytes.isDigit(byte) ? 0x23 : ASCIIBytes.lower(byte))
      if out.count > 160 { break }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// "Page 12 of 40", "12 of 40", "- 12 -", or (unless `strict`) a bare "12".
  static func isPageNumber(_ line: String, strict: Bool) -> Bool {
    let onBytes: Bool? = ASCIIBytes.withBytes(line) { bytes in
      // Most lines are prose: rule them out on bytes before any string work. First, eight bytes
      // at a time: a line with more than 40 visible bytes in its first words is not a number.
      var seen = 0
      for index in 0..<ASCIIBytes.wordCount(ofBytes: bytes.count) {
        let word = ASCIIBytes.word(bytes, index)
        let blank =
          ASCIIBytes.bytes(of: word, equalTo: 0x20) | ASCIIBytes.bytes(of: word, equalTo: 0x09)
        seen += 8 - ASCIIBytes.markedCount(blank)
        if seen > 40 { return false }
      }
      var visible = 0
      var digit = false
      for byte in bytes where !ASCIIBytes.isBlank(byte) {
        visible += 1
        if visible > 40 { return false }
        digit = digit || ASCIIBytes.isDigit(byte)
      }
      guard digit else { return false }
      // In ASCII text the words are runs of bytes.
      guard ASCIIBytes.isASCII(bytes) else { return nil }
      // A page number has at most four words: stop at a fifth.
      var words: [UnsafeBufferPointer<UInt8>] = []
      words.reserveCapacity(5)
      var start = 0
      for index in 0...bytes.count {
        guard index == bytes.count || ASCIIBytes.isBlank(bytes[index]) || bytes[index] == 0x2D
        else { continue }
        if index > start {
          guard words.count < 4 else { return false }
          words.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        start = index + 1
      }
      return isPageNumber(words: words, strict: strict) { word, text in
        word.count == text.utf8.count
          && zip(word, text.utf8).allSatisfy { ASCIIBytes.lower($0) == $1 }
      } isNumber: { word in
        word.allSatisfy(ASCIIBytes.isDigit)
      }
    }
    if let onBytes { return onBytes }
    let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "-" })
    return isPageNumber(words: words, strict: strict) {
      $0 == $1
    } isNumber: {
      $0.allSatisfy(\.isNumber)
    }
  }

  /// The test on a line's words (split at spaces, tabs and hyphens); `equals` compares a word with
  /// lowercase text, ignoring case.
  private static func isPageNumber<Word: Collection>(
    words: [Word], strict: Bool, equals: (Word, String) -> Bool, isNumber: (Word) -> Bool
  ) -> Bool {
    guard !words.isEmpty, words.count <= 4, words.reduce(0, { $0 + $1.count }) <= 24 else {
      return false
    }
    var rest = words[...]
    let hasPageWord = equals(rest.first!, "page")
    if hasPageWord { rest = rest.dropFirst() }
    guard let first = rest.first, first.count <= 4, isNumber(first) else { return false }
    rest = rest.dropFirst()
    if rest.isEmpty { return hasPageWord || !strict }
    guard rest.count == 2, equals(rest.first!, "of") || equals(rest.first!, "/"),
      let last = rest.last, last.count <= 4, isNumber(last)
    else { return false }
    return true
  }

  static func isBlank(_ line: String) -> Bool {
    ASCIIBytes.withBytes(line) { $0.allSatisfy(ASCIIBytes.isBlank) }
  }
}
