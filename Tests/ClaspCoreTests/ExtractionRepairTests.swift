import Foundation
import Testing

@testable import ClaspCore

@Suite struct ExtractionRepairTests {
  @Test("the seed reports pass through unchanged", arguments: Fixtures.slugs)
  func seedsUnchanged(slug: String) throws {
    let text = try String(contentsOfFile: Fixtures.reportPath(slug), encoding: .utf8)
    let lines = TextNormaliser.normalisedLines(text)
    let repaired = ExtractionRepair.repair(lines)
    #expect(repaired.lines == lines)
    #expect(repaired.lineNumbers == Array(1...lines.count))
  }

  @Test(
    "a damaged copy parses to the clean copy's units, texts and metadata",
    arguments: [
      "wrapped-with-furniture", "form-feed-pages", "page-break-unwrapped", "labels-first",
      "labels-run-together", "ordinals",
    ])
  func damagedEqualsClean(name: String) throws {
    let clean = try ReportLoader.load(path: Fixtures.damagePath("clean"))
    let damaged = try ReportLoader.load(path: Fixtures.damagePath(name))
    #expect(damaged.units.map(\.id) == clean.units.map(\.id))
    #expect(damaged.metadata == clean.metadata)
    #expect(damaged.sections.map(\.id) == clean.sections.map(\.id))
    for (d, c) in zip(damaged.units, clean.units) {
      #expect(d.text.collapsingWhitespace() == c.text.collapsingWhitespace(), "\(d.id)")
    }
    #expect(damaged.warnings.isEmpty)
  }

  @Test("running headers and page numbers are removed, wherever the page breaks fall")
  func furniture() throws {
    for name in ["wrapped-with-furniture", "form-feed-pages", "page-break-unwrapped"] {
      let report = try ReportLoader.load(path: Fixtures.damagePath(name))
      for unit in report.units {
        #expect(!unit.text.contains("Page "), "\(name) \(unit.id)")
        #expect(!unit.text.contains("Review of health services"), "\(name) \(unit.id)")
        #expect(!unit.text.contains("review\n"), "\(name) \(unit.id)")
      }
    }
    #expect(ExtractionRepair.isPageNumber("  Page 12 of 40 ", strict: true))
    #expect(ExtractionRepair.isPageNumber("12 of 40", strict: true))
    #expect(
      ExtractionRepair.isPageNumber(
        String(repeating: " ", count: 60) + "Page 8 of 25", strict: true))
    #expect(ExtractionRepair.isPageNumber("- 12 -", strict: false))
    #expect(!ExtractionRepair.isPageNumber("12", strict: true))
    #expect(!ExtractionRepair.isPageNumber("12 children were seen", strict: false))
  }

  @Test("a paragraph cut by a page break is one unit with the source lines it spans")
  func pageBreak() throws {
    let report = try ReportLoader.load(path: Fixtures.damagePath("wrapped-with-furniture"))
    let unit = try #require(report.unit("para:1.3"))
    #expect(unit.text.hasSuffix("that staff listened to them without judgement."))
    let lines = try String(
      contentsOfFile: Fixtures.damagePath("wrapped-with-furniture"), encoding: .utf8
    )
    .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[unit.lines.first - 1].hasPrefix("1.3 School nurses"))
    let unwrapped = try ReportLoader.load(path: Fixtures.damagePath("page-break-unwrapped"))
    #expect(
      unwrapped.unit("para:2.2")?.text.contains("which helped the social worker to decide") == true)
  }

  @Test("words hyphenated across lines are rejoined, compounds keep their hyphen")
  func hyphenation() throws {
    let report = try ReportLoader.load(path: Fixtures.damagePath("wrapped-with-furniture"))
    #expect(report.unit("para:1.1")?.text.contains("in their pregnancy by a named midwife") == true)
    #expect(report.unit("para:1.2")?.text.contains("about multi-agency referrals") == true)
    let lines =
      Self.paragraphs(12)
      + [
        "", "1.1 Staff said that the arrangements for supervision were well under-",
        "stood and that the leaflets were safe-", "guarding messages for families in the area.",
        "", "The safeguarding lead agreed.",
      ]
    let repaired = ExtractionRepair.repair(lines).lines
    #expect(
      repaired.contains(
        "1.1 Staff said that the arrangements for supervision were well understood and that the leaflets were safeguarding messages for families in the area."
      ))
  }

  @Test("wrapped table cells in a pdftotext -layout header rejoin their column")
  func layoutTable() {
    let body = Self.paragraphs(12)
    let lines =
      [
        "Name(s) of CQC inspector:         Pat Example Sam Sample Alex",
        "                                  Placeholder",
        "CQC Deputy Chief Inspector,       Pat Placeholder",
        "Primary Medical Services and",
        "Integrated Care:",
        "",
      ] + body
    let repaired = ExtractionRepair.repair(lines)
    #expect(
      repaired.lines[0] == "Name(s) of CQC inspector:\tPat Example Sam Sample Alex Placeholder")
    #expect(
      repaired.lines[1]
        == "CQC Deputy Chief Inspector, Primary Medical Services and Integrated Care:\tPat Placeholder"
    )
    #expect(repaired.lineNumbers.prefix(3) == [1, 3, 6])
  }

  /// `count` one-line paragraphs of wrap-width text, each followed by a blank line, so a snippet
  /// reads as hard-wrapped.
  static func paragraphs(_ count: Int) -> [String] {
    (0..<count).flatMap { _ in
      ["A long line of ordinary words that runs to the wrap width xx.", ""]
    }
  }
}
