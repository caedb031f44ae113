import Foundation
import Testing

@testable import ClaspCore

@Suite struct CodebookLoadingTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let valid =
    #"{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["alpha"]}}"#

  @Test(
    "each validation error names the file and JSON path",
    arguments: [
      (
        #"{"version": 1, "themes": [], "extra": 1}"#,
        "book.json: extra: unknown key"
      ),
      (#"{"themes": []}"#, "book.json: version: required key is missing"),
      (
        #"{"version": 2, "themes": []}"#,
        "book.json: version: unsupported codebook version 2 (this build reads version 1)"
      ),
      (#"{"version": "1", "themes": []}"#, "book.json: version: expected an integer"),
      (#"{"version": 1, "themes": []}"#, "book.json: themes: must not be empty"),
      (#"{"version": 1, "themes": {}}"#, "book.json: themes: expected an array of themes"),
      (#"{"version": 1, "themes": [[]]}"#, "book.json: themes[0]: expected an object"),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["x"]}, "colour": "red"}]}"#,
        "book.json: themes[0].colour: unknown key"
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "definition": "A.", "rules": {"include": ["x"]}}]}"#,
        "book.json: themes[0].label: required key is missing"
      ),
      (
        #"{"version": 1, "themes": [{"id": "Bad-Id", "label": "A", "definition": "A.", "rules": {"include": ["x"]}}]}"#,
        #"book.json: themes[0].id: theme id "Bad-Id" must be lowercase letters, digits and underscores"#
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": " ", "definition": "A.", "rules": {"include": ["x"]}}]}"#,
        "book.json: themes[0].label: must not be empty"
      ),
      (
        "{\"version\": 1, \"themes\": [\(valid), \(valid)]}",
        #"book.json: themes[1].id: duplicate theme id "a""#
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "parent": "z", "rules": {"include": ["x"]}}]}"#,
        #"book.json: themes[0].parent: parent "z" is not a theme of this codebook"#
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "parent": "b", "rules": {"include": ["x"]}}, {"id": "b", "label": "B", "definition": "B.", "parent": "a", "rules": {"include": ["y"]}}]}"#,
        "book.json: themes[0].parent: parents form a cycle: a -> b -> a"
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["x", ""]}}]}"#,
        "book.json: themes[0].rules.include[1]: pattern is empty"
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["x"], "exclude": ["sup*vised"]}}]}"#,
        #"book.json: themes[0].rules.exclude[0]: invalid pattern "sup*vised": '*' may only end a word"#
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["x"], "context": [["late"], []]}}]}"#,
        "book.json: themes[0].rules.context[1]: must not be empty"
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"exclude": ["x"]}}]}"#,
        "book.json: themes[0].rules: a theme needs at least one strong or include pattern"
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["x"], "minSentences": 0}}]}"#,
        "book.json: themes[0].rules.minSentences: 0 is below the minimum 1"
      ),
      (
        #"{"version": 1, "themes": [{"id": "a", "label": "A", "definition": "A.", "rules": {"include": ["x"], "minSentence": 1}}]}"#,
        "book.json: themes[0].rules.minSentence: unknown key"
      ),
      (
        #"{"version": 1, "themes": ["#,
        "book.json: the codebook is not valid JSON: check brackets, commas and quotes"
      ),
    ])
  func validation(json: String, message: String) {
    do {
      _ = try Codebook.decode(Data(json.utf8), file: "book.json")
      Issue.record("expected an error: \(message)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("a missing file is reported with its path")
  func missingFile() {
    #expect(
      throws: CodebookError.unreadable(
        file: "/nonexistent/book.json", reason: "no such file or not readable")
    ) {
      try Codebook.load(contentsOf: URL(fileURLWithPath: "/nonexistent/book.json"))
    }
  }

  @Test("the default codebook loads, defines the five guide themes and at least ten more")
  func defaultCodebook() throws {
    let book = try Codebook.load(
      contentsOf: Self.packageRoot.appendingPathComponent("Data/codebook.json"))
    let ids = book.themes.map(\.id)
    for required in Codebook.requiredThemes { #expect(ids.contains(required)) }
    #expect(ids.count >= Codebook.requiredThemes.count + 10)
    #expect(
      book.lineage(of: "think_family_adult_services") == [
        "think_family_adult_services", "hidden_harm",
      ])
    for theme in book.themes { #expect(!theme.definition.isEmpty && !theme.label.isEmpty) }
  }

  @Test("the default codebook's required themes carry the guide's meanings")
  func guideDefinitions() throws {
    let book = try Codebook.load(
      contentsOf: Self.packageRoot.appendingPathComponent("Data/codebook.json"))
    #expect(book.theme("iha_timeliness")?.definition.contains("20 working days") == true)
    #expect(book.theme("supervision")?.rules.exclude.contains("supervised contact") == true)
    #expect(book.theme("iha_timeliness")?.rules.context.isEmpty == false)
  }
}
