/// Recovers a CLAS review's structure from its normalised text.
///
/// The parser walks the lines once. Headings move it through the fixed outline (table-of-contents
/// entries are recognised and skipped); in the finding sections a line that starts with the
/// section's dotted number opens a unit, a "Case example" line opens a block, and every other line
/// continues whatever is open. A paragraph whose number was lost in extraction is recovered when the
/// numbering skips exactly one number: the first full paragraph after the last numbered one takes
/// the missing number and is marked `inferred`.
///
/// ```swift
/// let report = try StructureParser.parse(try ReportReader.read(path: "derby.txt"))
/// report.units.first?.id // "para:1.1"
/// ```
public enum StructureParser {
  /// Parses `source` into a report.
  /// - Throws: `StructureError.notCLASReview` when the text is not a CLAS review.
  public static func parse(_ source: SourceText) throws -> Report {
    var builder = ReportBuilder(source: source, area: try ReviewRecognition.check(source))
    builder.walk()
    return builder.finish()
  }
}

/// The parser's working state; one per report.
private struct ReportBuilder {
  struct Part {
    let line: Int
    let text: Substring
    /// True when the part reads as the start of a new paragraph.
    let startsParagraph: Bool
  }

  struct DraftUnit {
    var id: UnitID
    let kind: UnitKind
    let number: [Int]
    let section: SectionID
    var parts: [Part]
    var inferred = false
  }

  struct DraftBlock {
    let kind: Block.Kind
    let section: SectionID
    let label: String
    var parts: [Part]
    let after: UnitID?
    /// The `"` characters in `parts` so far (counted for quotes only).
    var quoteMarks = 0
  }

  struct DraftGroup {
    let number: Int
    var heading: String
    var items: [UnitID] = []
  }

  enum Open { case none, unit, block }

  let source: SourceText
  /// The area the title names (found while recognising the review).
  let area: String
  var section: SectionID?
  /// The components of `section`'s number, which its paragraph numbers start with.
  var sectionNumber: [Int]?
  var sections: [(id: SectionID, heading: String, first: Int, index: Int)] = []
  var inContents = false
  var pendingHeading: (id: SectionID, heading: String, line: Int, index: Int)?
  /// The index in `source.lines` of the line being handled.
  var index = 0
  var units: [DraftUnit] = []
  /// The ids in `units`, for constant-time duplicate checks.
  var unitIDs = Set<UnitID>()
  var blocks: [DraftBlock] = []
  var groups: [DraftGroup] = []
  var open = Open.none
  var blank = true
  var quoteIntro = ""
  var warnings: [String] = []

  init(source: SourceText, area: String) {
    self.source = source
    self.area = area
    // A report has a few hundred units: room for them up front saves growing the set.
    unitIDs.reserveCapacity(256)
  }

  // MARK: Walk

  mutating func walk() {
    for (index, line) in source.lines.enumerated() {
      self.index = index
      handle(LineShape(line), line: source.lineNumbers[index])
    }
    close()
  }

  private mutating func handle(_ shape: LineShape, line: Int) {
    if shape.isBlank {
      blank = true
      return
    }
    defer { blank = false }
    if inContents {
      if case .section(let id) = Outline.heading(shape) {
        pendingHeading = (id, String(shape.content), line, index)
        return
      }
      if Outline.isContentsEntry(shape) || shape.content.wordCount < 8 { return }
      inContents = false
      if let pending = pendingHeading {
        startSection(pending.id, heading: pending.heading, line: pending.line, index: pending.index)
      }
    }
    if !Outline.isContentsEntry(shape), let heading = Outline.heading(shape) {
      switch heading {
      case .contents where section == nil:
        inContents = true
        return
      case .section(let id) where section.map({ id > $0 }) ?? true:
        startSection(id, heading: String(shape.content), line: line, index: index)
        return
      default:
        break
      }
    }
    guard let section else { return }
    switch section {
    case .peopleToldUs: quoteLine(shape, line: line)
    case .recommendations: recommendationLine(shape, line: line)
    case _ where section.number != nil: findingLine(shape, line: line, section: section)
    default: break
    }
  }

  private mutating func startSection(_ id: SectionID, heading: String, line: Int, index: Int) {
    close()
    section = id
    sectionNumber = id.number?.split(separator: ".").compactMap { Int($0) }
    sections.append((id, heading, line, index))
  }

  // MARK: Findings

  private mutating func findingLine(_ shape: LineShape, line: Int, section: SectionID) {
    let content = shape.content
    if let kind = Self.exampleKind(content) {
      close()
      let label = content.firstIndex(of: ":").map { String(content[..<$0]) } ?? String(content)
      let rest = content.firstIndex(of: ":").map { content[content.index(after: $0)...] } ?? ""
      let after = units.last(where: { $0.section == section })?.id
      blocks.append(
        DraftBlock(
          kind: kind, section: section, label: label.collapsingWhitespace(), parts: [], after: after
        ))
      if !rest.trimmingWhitespace().isEmpty { appendToBlock(rest.trimmingWhitespace(), line: line) }
      open = .block
      return
    }
    if let number = LeadingNumber(content), let accepted = acceptParagraph(number, in: section) {
      close()
      inferLostParagraph(before: accepted, in: section)
      var id = UnitID(kind: .paragraph, number: number.printed)
      if !unitIDs.insert(id).inserted {
        id = UnitID(rawValue: id.rawValue + "b")
        unitIDs.insert(id)
      }
      units.append(
        DraftUnit(id: id, kind: .paragraph, number: accepted, section: section, parts: []))
      appendToUnit(number.rest, line: line, startsParagraph: true)
      open = .unit
      return
    }
    if Self.isCitationOnly(content), let index = units.indices.last, units[index].section == section
    {
      units[index].parts.append(Part(line: line, text: content, startsParagraph: false))
      return
    }
    switch open {
    case .block: appendToBlock(content, line: line)
    case .unit: appendToUnit(content, line: line, startsParagraph: startsParagraph(shape))
    case .none: break  // section introductions are not units
    }
  }

  /// The number's components when it opens a paragraph in `section`, else `nil`.
  private func acceptParagraph(_ number: LeadingNumber, in section: SectionID) -> [Int]? {
    guard let prefix = sectionNumber else { return nil }
    let c = number.components
    guard c.count == prefix.count + 1, c.starts(with: prefix) else { return nil }
    guard let first = number.rest.unicodeScalars.first,
      (first.isASCII ? ASCIIBytes.isLetter(UInt8(first.value)) : first.properties.isAlphabetic)
        || first == "\"" || first == "'" || first == "("
    else { return nil }
    // A number far from the run in progress is a figure in the text, not a paragraph number.
    if let previous = units.last(where: { $0.section == section }) {
      let last = previous.number.last!
      guard c.last! >= last && c.last! <= last + 10 else { return nil }
    } else {
      guard c.last! <= 10 else { return nil }
    }
    return c
  }

  private func startsParagraph(_ shape: LineShape) -> Bool {
    // Only a line after a blank line or a bullet can start a paragraph: test that first.
    guard blank || shape.bulleted else { return false }
    guard !shape.indented || shape.bulleted, let first = shape.content.first, first.isUppercase
    else {
      return false
    }
    guard let index = units.indices.last, let previous = units[index].parts.last?.text.last else {
      return false
    }
    return ".!?\")".contains(previous)
  }

  /// Gives the missing number to the first full paragraph after the previous unit, when the
  /// numbering is about to skip exactly one number.
  private mutating func inferLostParagraph(before next: [Int], in section: SectionID) {
    guard let index = units.indices.last, units[index].section == section,
      units[index].kind == .paragraph, next.last! == units[index].number.last! + 2
    else {
      if let index = units.indices.last, units[index].section == section,
        next.last! > units[index].number.last! + 1
      {
        warnings.append(
          "\(source.path):\(units[index].parts.first?.line ?? 0): numbering jumps from \(units[index].id) to para:\(next.map(String.init).joined(separator: "."))"
        )
      }
      return
    }
    let parts = units[index].parts
    let candidates = parts.indices.dropFirst().filter { parts[$0].startsParagraph }
    guard let split = candidates.first(where: { parts[$0].text.wordCount >= 15 }) ?? candidates.last
    else {
      warnings.append(
        "\(source.path):\(parts.first?.line ?? 0): numbering skips from \(units[index].id) to para:\(next.map(String.init).joined(separator: ".")) and no unnumbered paragraph stands between them"
      )
      return
    }
    var number = units[index].number
    number[number.count - 1] += 1
    units[index].parts = Array(parts[..<split])
    var inferred = DraftUnit(
      id: UnitID(kind: .paragraph, number: number.map(String.init).joined(separator: ".")),
      kind: .paragraph, number: number, section: section, parts: Array(parts[split...]))
    inferred.inferred = true
    units.append(inferred)
    unitIDs.insert(inferred.id)
  }

  private static let practiceLabels: [StaticString] = [
    "practice example", "good practice example", "example of good practice", "good practice:",
  ]
  private static let caseLabels: [StaticString] = [
    "case example", "case study", "case studies", "example:",
  ]

  /// The (lowercase) first bytes of the labels.
  private static let labelFirstBytes = Set((practiceLabels + caseLabels).map { $0.utf8Start[0] })

  private static func exampleKind(_ content: Substring) -> Block.Kind? {
    let onBytes: Block.Kind?? = ASCIIBytes.withBytes(content) { bytes in
      // Over ASCII reaching a byte past the longest label, bytes answer what characters would.
      guard ASCIIBytes.isASCII(UnsafeBufferPointer(rebasing: bytes.prefix(26))) else { return nil }
      // Most lines are ruled out by their first byte, which no label starts with.
      guard let first = bytes.first, labelFirstBytes.contains(ASCIIBytes.lower(first)) else {
        return .some(nil)
      }
      func starts(_ label: StaticString) -> Bool { ASCIIBytes.hasPrefixIgnoringCase(label, bytes) }
      if practiceLabels.contains(where: starts) { return .some(.practiceExample) }
      if caseLabels.contains(where: starts) { return .some(.caseExample) }
      return .some(nil)
    }
    if let onBytes { return onBytes }
    let head = content.prefix(48).lowercased()
    if practiceLabels.contains(where: { head.hasPrefix($0.description) }) {
      return .practiceExample
    }
    if caseLabels.contains(where: { head.hasPrefix($0.description) }) { return .caseExample }
    return nil
  }

  private static func isCitationOnly(_ content: Substring) -> Bool {
    content.utf8.first == 0x28 && content.hasPrefix("(") && content.utf8.count < 80
      && content.lowercased().contains("recommendation")
  }

  private mutating func appendToUnit(_ text: Substring, line: Int, startsParagraph: Bool) {
    guard let index = units.indices.last else { return }
    units[index].parts.append(Part(line: line, text: text, startsParagraph: startsParagraph))
  }

  private mutating func appendToBlock(_ text: Substring, line: Int) {
    guard let index = blocks.indices.last else { return }
    blocks[index].parts.append(Part(line: line, text: text, startsParagraph: false))
    if blocks[index].kind == .quote { blocks[index].quoteMarks += Self.quoteMarks(in: text) }
  }

  /// The number of `"` characters in `text`.
  private static func quoteMarks(in text: Substring) -> Int {
    let onBytes: Int? = ASCIIBytes.withBytes(text) { bytes in
      // A quote byte between ASCII bytes is a whole character (nothing can combine with it).
      var count = 0
      for (index, byte) in bytes.enumerated() where byte == 0x22 {
        guard index == 0 || bytes[index - 1] < 0x80,
          index + 1 == bytes.count || bytes[index + 1] < 0x80
        else { return nil }
        count += 1
      }
      return count
    }
    return onBytes ?? text.filter { $0 == "\"" }.count
  }

  private mutating func close() {
    open = .none
  }

  // MARK: Recommendations

  private mutating func recommendationLine(_ shape: LineShape, line: Int) {
    let content = shape.content
    if let number = LeadingNumber(content) {
      if number.components.count == 1, Self.isGroupHeading(number.rest) {
        close()
        groups.append(
          DraftGroup(number: number.components[0], heading: number.rest.collapsingWhitespace()))
        return
      }
      if number.components.count == 2, number.rest.first?.isLetter == true {
        close()
        if groups.last?.number != number.components[0] {
          warnings.append(
            "\(source.path):\(line): recommendation \(number.printed) stands outside a group \(number.components[0])"
          )
          groups.append(DraftGroup(number: number.components[0], heading: ""))
        }
        var id = UnitID(kind: .recommendation, number: number.printed)
        if !unitIDs.insert(id).inserted {
          id = UnitID(rawValue: id.rawValue + "b")
          unitIDs.insert(id)
        }
        units.append(
          DraftUnit(
            id: id, kind: .recommendation, number: number.components, section: .recommendations,
            parts: []))
        groups[groups.count - 1].items.append(id)
        appendToUnit(number.rest, line: line, startsParagraph: true)
        open = .unit
        return
      }
    }
    if open == .unit {
      appendToUnit(content, line: line, startsParagraph: false)
    } else if let index = groups.indices.last, groups[index].items.isEmpty {
      groups[index].heading += " " + content.collapsingWhitespace()
    }
  }

  /// True when the text after a single number heads a group ("NHS Derby CCG should:").
  private static func isGroupHeading(_ text: Substring) -> Bool {
    let onBytes: Bool? = ASCIIBytes.withBytes(text) { bytes in
      // Lowercasing ASCII maps bytes to bytes: the tests read the bytes ignoring case.
      guard ASCIIBytes.isASCII(bytes) else { return nil }
      return ASCIIBytes.containsIgnoringCase("should", in: bytes) || bytes.last == 0x3A
        || ASCIIBytes.hasSuffixIgnoringCase(" to", bytes)
    }
    if let onBytes { return onBytes }
    let lower = text.lowercased()
    return lower.contains("should") || lower.hasSuffix(":") || lower.hasSuffix(" to")
  }

  // MARK: What people told us

  private mutating func quoteLine(_ shape: LineShape, line: Int) {
    let content = shape.content
    if content.hasPrefix("\"") {
      blocks.append(
        DraftBlock(kind: .quote, section: .peopleToldUs, label: quoteIntro, parts: [], after: nil))
      appendToBlock(content, line: line)
      open = .block
    } else if open == .block, let last = blocks.last, last.kind == .quote,
      last.quoteMarks % 2 == 1
    {
      appendToBlock(content, line: line)
    } else {
      quoteIntro = content.collapsingWhitespace()
      close()
    }
  }

  // MARK: Assembly

  func finish() -> Report {
    let head = source.lines.prefix(sections.first.map { $0.index } ?? min(source.lines.count, 120))
    let addressees = groups.map { Addressees.parse($0.heading) }
    let metadata = metadata(head: head, addressees: addressees.flatMap { $0 })
    var warnings = self.warnings
    if !sections.contains(where: { $0.id.number != nil }) {
      warnings.append("\(source.path): no findings sections were found; the copy may be truncated")
    }
    let recommendationIDs = Set(units.filter { $0.kind == .recommendation }.map(\.id))
    var references: [RecommendationReference] = []
    var finished: [ReportUnit] = []
    // The recommendations that are kept (have text): the groups list only these.
    var kept = Set<UnitID>()
    for draft in units where !draft.parts.isEmpty {
      if draft.kind == .recommendation { kept.insert(draft.id) }
      var cited: [UnitID] = []
      if draft.kind == .paragraph {
        for part in draft.parts {
          for number in RecommendationCitation.numbers(in: part.text) {
            let target = UnitID(kind: .recommendation, number: number)
            let resolved = recommendationIDs.contains(target)
            references.append(
              RecommendationReference(
                from: draft.id, to: target, resolved: resolved, line: part.line))
            if !cited.contains(target) { cited.append(target) }
            if !resolved {
              warnings.append(
                "\(source.path):\(part.line): \(draft.id) cites recommendation \(number), which the report does not contain"
              )
            }
          }
        }
      }
      finished.append(
        ReportUnit(
          id: draft.id, section: draft.section,
          text: Self.joinedLines(draft.parts),
          lines: LineRange(first: draft.parts.first!.line, last: draft.parts.last!.line),
          inferred: draft.inferred, citedRecommendations: cited))
    }
    let outlined = sections.enumerated().map { index, section in
      let next =
        index + 1 < sections.count ? sections[index + 1].first - 1 : source.lineNumbers.last ?? 0
      let last = max(section.first, next)
      let nextIndex = index + 1 < sections.count ? sections[index + 1].index : source.lines.count
      let text =
        SectionID.proseSections.contains(section.id)
        ? Self.joinedLines(source.lines[min(section.index + 1, nextIndex)..<nextIndex]) : nil
      return Section(
        id: section.id, heading: section.heading,
        lines: LineRange(first: section.first, last: last), text: text)
    }
    return Report(
      source: source.path, metadata: metadata, sections: outlined, units: finished,
      blocks: blocks.filter { !$0.parts.isEmpty }.map { block in
        Block(
          kind: block.kind, section: block.section, label: block.label,
          text: Self.joinedLines(block.parts),
          lines: LineRange(first: block.parts.first!.line, last: block.parts.last!.line),
          after: block.after)
      },
      recommendationGroups: zip(groups, addressees).map { group, addressees in
        RecommendationGroup(
          number: group.number, heading: group.heading, addressees: addressees,
          items: group.items.filter(kept.contains))
      },
      references: references, warnings: warnings)
  }

  /// The parts' texts joined with newlines.
  private static func joinedLines(_ parts: [Part]) -> String {
    joinedLines(parts.lazy.map(\.text))
  }

  /// `lines.joined(separator: "\n")`, in storage reserved once.
  private static func joinedLines(_ lines: some Collection<some StringProtocol>) -> String {
    var text = ""
    text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
    var first = true
    for line in lines {
      if !first { text += "\n" }
      text += line
      first = false
    }
    return text
  }

  private func metadata(head: ArraySlice<String>, addressees: [String]) -> ReportMetadata {
    let values = MetadataParser.headerFields(in: head)
    let dates = values[.reviewDates].map { ReviewDate.range($0.value) }
    return ReportMetadata(
      area: area,
      reviewStart: dates?.start, reviewEnd: dates?.end,
      published: values[.published].flatMap { ReviewDate.single($0.value) },
      inspectors: values[.inspectors].map { MetadataParser.people($0.value) } ?? [],
      providers: MetadataParser.refine(
        values[.providers].map { MetadataParser.organisations($0.value) } ?? [],
        knownNames: addressees),
      ccgs: values[.ccgs].map { MetadataParser.organisations($0.value) } ?? [],
      nhsEnglandArea: values[.nhsEnglandArea]?.value, cqcRegion: values[.cqcRegion]?.value,
      signatoryTitle: values[.signatory]?.label, signatory: values[.signatory]?.value,
      childrenConsidered: MetadataParser.childrenConsidered(
        in: source.lines.prefix(sections.first { $0.id.number != nil }?.index ?? source.lines.count)
      ))
  }
}
