/// Rejoins hard-wrapped lines, wrapped table cells and paragraphs cut by page boundaries.
struct LineJoiner {
  /// One physical line cut into columns at runs of three or more spaces.
  struct Physical {
    let indent: Int
    /// (start column, text) of each column, left to right.
    let columns: [(start: Int, text: Substring)]
    let length: Int

    init(_ line: String, margin: Int) {
      var columns: [(Int, Substring)] = []
      var start: String.Index?
      var startColumn = 0
      var spaces = 0
      var column = 0
      var lastNonSpace = line.startIndex
      var index = line.startIndex
      while index < line.endIndex {
        let character = line[index]
        if character == " " || character == "\t" {
          spaces += character == "\t" ? 3 : 1
        } else {
          if let open = start, spaces >= 3 {
            columns.append((startColumn, line[open..<line.index(after: lastNonSpace)]))
            start = nil
          }
          if start == nil {
            start = index
            startColumn = column
          }
          spaces = 0
          lastNonSpace = index
        }
        column += 1
        index = line.index(after: index)
      }
      if let open = start {
        columns.append((startColumn, line[open..<line.index(after: lastNonSpace)]))
      }
      self.columns = columns.map { (max(0, $0.0 - margin), $0.1) }
      indent = self.columns.first?.start ?? 0
      length = columns.isEmpty ? 0 : max(0, column - spaces - margin)
    }

    var isTable: Bool { columns.count >= 2 }
    var first: Substring { columns.first?.text ?? "" }
  }

  /// The logical line being assembled.
  struct Row {
    var columns: [(start: Int, text: String)]
    let origin: Int
    var lastLength: Int
  }

  let lines: [String]
  let boundaries: [Int]
  let wrapped: Bool
  let margin: Int
  let width: Int
  let vocabulary: Set<String>

  var out: [String] = []
  var numbers: [Int] = []

  init(lines: [String], boundaries: [Int]) {
    self.lines = lines
    self.boundaries = boundaries
    var long = 0
    var short = 0
    var margin = Int.max
    for line in lines where !ExtractionRepair.isBlank(line) {
      let count = line.utf8.count
      let indent = line.utf8.prefix(while: { $0 == 0x20 }).count
      margin = min(margin, indent)
      if count - indent >= 40 {
        if count <= 120 { short += 1 } else { long += 1 }
      }
    }
    wrapped = short >= 10 && short * 5 >= (short + long) * 4
    self.margin = wrapped && margin != .max ? margin : 0
    var lengths: [Int] = []
    var vocabulary = Set<String>()
    if wrapped {
      for line in lines {
        let physical = Physical(line, margin: self.margin)
        if !physical.isTable && physical.length >= 20 { lengths.append(physical.length) }
        for word in line.split(whereSeparator: { !$0.isLetter && $0 != "-" }) where word.count > 3 {
          vocabulary.insert(word.lowercased())
        }
      }
    }
    lengths.sort()
    width = lengths.isEmpty ? 0 : lengths[lengths.count * 9 / 10]
    self.vocabulary = vocabulary
  }

  mutating func run() -> ExtractionRepair.Output {
    // Without wrapping or page boundaries nothing joins: every line stays, blank ones emptied.
    guard wrapped || !boundaries.isEmpty else {
      return ExtractionRepair.Output(
        lines: lines.map { ExtractionRepair.isBlank($0) ? "" : $0 },
        lineNumbers: lines.indices.map { $0 + 1 })
    }
    var row: Row?
    var blanks: [Int] = []
    var boundaryIndex = 0
    var crossedPage = false
    for (index, line) in lines.enumerated() {
      while boundaryIndex < boundaries.count && boundaries[boundaryIndex] <= index {
        if row != nil { crossedPage = true }
        boundaryIndex += 1
      }
      if ExtractionRepair.isBlank(line) {
        blanks.append(index)
        continue
      }
      let physical = Physical(wrapped ? line : "", margin: margin)
      if var open = row {
        if blanks.isEmpty, wrapped, continues(open, physical) {
          append(physical, to: &open)
          row = open
          continue
        }
        if crossedPage, continuesAcrossPage(open, line: line, physical: physical) {
          if wrapped {
            append(physical, to: &open, acrossPage: true)
          } else {
            appendText(Substring(line), to: &open)
          }
          row = open
          blanks.removeAll()
          crossedPage = false
          continue
        }
        emit(open)
      }
      for blank in blanks { emit(line: "", number: blank + 1) }
      blanks.removeAll()
      crossedPage = false
      if wrapped {
        row = Row(
          columns: physical.columns.map { ($0.start, String($0.text)) }, origin: index + 1,
          lastLength: physical.length)
      } else {
        row = Row(columns: [(0, line)], origin: index + 1, lastLength: 0)
      }
    }
    if let open = row { emit(open) }
    for blank in blanks { emit(line: "", number: blank + 1) }
    return ExtractionRepair.Output(lines: out, lineNumbers: numbers)
  }

  // MARK: Decisions

  private func continues(_ row: Row, _ next: Physical) -> Bool {
    guard !next.columns.isEmpty else { return false }
    if Self.startsItem(next.first) {
      // "...in paragraphs 3.3 and" / "3.4 have been...": a number wrapped to the start of a line
      // follows an unfinished sentence; a numbered paragraph follows a finished one.
      guard !Self.isBullet(next.first), row.columns.count == 1, !next.isTable,
        let end = row.columns[0].text.last, !".!?:;\")".contains(end)
      else { return false }
      return isFull(row, before: next.first)
    }
    if row.columns.count >= 2 {
      guard !next.isTable else { return false }
      let valueStart = row.columns[row.columns.count - 1].start
      if next.indent >= valueStart - 2 { return true }
      // A wrapped label cell: back at the first column and short enough to fit in it.
      return abs(next.indent - row.columns[0].start) <= 1 && next.length <= valueStart
    }
    guard !next.isTable else { return false }
    let last = row.columns[0].text
    if last.hasSuffix("\"") && next.first.hasPrefix("\"") { return false }
    // A word broken by a hyphen ("multi-" / "agency") carries on whatever the line's length.
    if last.hasSuffix("-"), last.dropLast().last?.isLetter == true,
      next.first.first?.isLowercase == true
    {
      return true
    }
    return isFull(row, before: next.first)
  }

  private func continuesAcrossPage(_ row: Row, line: String, physical: Physical) -> Bool {
    let last = row.columns[row.columns.count - 1].text
    let next = wrapped ? physical.first : Substring(line).trimmingWhitespace()
    guard let end = last.last, let start = next.first, !Self.startsItem(next) else { return false }
    if ".!?:;\")".contains(end) { return false }
    if start.isLowercase { return true }
    return wrapped && row.columns.count == 1 && isFull(row, before: next)
  }

  /// True when the row's last physical line was ended by the wrap width, not by the author: the
  /// next line's first word would not have fitted on it.
  private func isFull(_ row: Row, before next: Substring) -> Bool {
    guard width > 0 else { return false }
    let word = next.prefix(while: { $0 != " " }).count
    let slack = max(4, width * 12 / 100)
    return row.lastLength + 1 + word > width - slack
  }

  /// True for a bullet or a dotted number ("1.2 ", "4. "), which starts a new paragraph or item.
  static func startsItem(_ text: Substring) -> Bool {
    if isBullet(text) { return true }
    var digits = 0
    var dots = 0
    for character in text.utf8 {
      if character >= 48 && character <= 57 {
        digits += 1
        if digits > 3 { return false }
      } else if character == 46 && digits > 0 {
        dots += 1
        digits = 0
      } else {
        return (character == 32 || character == 9) && dots > 0
      }
    }
    return false
  }

  static func isBullet(_ text: Substring) -> Bool {
    text == "-" || text.hasPrefix("- ") || text.hasPrefix("o ")
  }

  // MARK: Assembly

  private func append(_ next: Physical, to row: inout Row, acrossPage: Bool = false) {
    let column: Int
    if row.columns.count >= 2 {
      let valueStart = row.columns[row.columns.count - 1].start
      // pdftotext -layout scales columns per page, so after a page break only "indented at all"
      // is comparable: an indented line carries on the last column.
      let threshold = acrossPage ? row.columns[0].start + 1 : valueStart - 2
      column = next.indent >= threshold ? row.columns.count - 1 : 0
    } else {
      column = 0
    }
    let text = next.columns.map(\.text).joined(separator: " ")
    append(Substring(text), to: &row.columns[column].text)
    row.lastLength = next.length
  }

  private func appendText(_ text: Substring, to row: inout Row) {
    let index = row.columns.count - 1
    append(text.trimmingWhitespace(), to: &row.columns[index].text)
  }

  /// Appends `tail` to `head` after a space, or rejoins a word hyphenated across them.
  private func append(_ tail: Substring, to head: inout String) {
    guard head.hasSuffix("-"), let first = tail.first, first.isLowercase else {
      head += " "
      head += tail
      return
    }
    let before = head.dropLast()
    guard let last = before.last, last.isLetter else {
      head += " "
      head += tail
      return
    }
    let prefix = before.reversed().prefix(while: \.isLetter).reversed()
    let suffix = tail.prefix(while: \.isLetter)
    let closed = (String(prefix) + suffix).lowercased()
    let hyphenated = (String(prefix) + "-" + suffix).lowercased()
    let keep =
      !vocabulary.contains(closed)
      && (vocabulary.contains(hyphenated)
        || Self.compoundPrefixes.contains(String(prefix).lowercased()))
    if !keep { head.removeLast() }
    head += tail
  }

  /// Word starts that make a hyphenated compound rather than a broken word.
  private static let compoundPrefixes: Set<String> = [
    "multi", "non", "self", "co", "cross", "pre", "post", "well", "long", "short", "full", "part",
    "anti", "semi", "ex", "follow", "one", "two", "three", "face", "step", "half", "first",
    "second",
    "third", "high", "low", "age", "child", "health", "family", "young",
  ]

  private mutating func emit(_ row: Row) {
    let text: String
    if wrapped {
      text =
        String(repeating: " ", count: min(row.columns[0].start, 8))
        + row.columns.map(\.text).joined(separator: "\t")
    } else {
      text = row.columns[0].text
    }
    emit(line: text, number: row.origin)
  }

  private mutating func emit(line: String, number: Int) {
    out.append(line)
    numbers.append(number)
  }
}
