/// One file of the output directory: where it goes, what it holds, and what it is for.
public struct OutputFile: Sendable, Hashable {
  /// The path inside the output directory, `/`-separated, made only of slugs and fixed names.
  public let path: String
  /// The file's text, written as UTF-8.
  public let contents: String
  /// One sentence for the index page.
  public let summary: String

  /// Makes a file; `path` must stay inside the output directory (`OutputDirectory` checks).
  public init(path: String, contents: String, summary: String) {
    self.path = path
    self.contents = contents
    self.summary = summary
  }
}

/// The kinds of output `clasp analyse` can write.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
  case markdown = "md"
  case csv
  case json
}

/// A file's line on the index page: its path and what it holds.
public struct OutputSummary: Sendable, Hashable {
  /// The path inside the output directory.
  public let path: String
  /// One sentence for the index page.
  public let summary: String

  /// Makes an index entry.
  public init(path: String, summary: String) {
    self.path = path
    self.summary = summary
  }
}
