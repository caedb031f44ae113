/// A report's normalised text, split into lines, with where it came from.
public struct SourceText: Sendable {
  /// The input's name as given (a path or `-`).
  public let path: String
  /// The encoding the bytes were decoded from.
  public let encoding: TextDecoder.Encoding
  /// Normalised (and repaired) lines.
  public let lines: [String]
  /// The 1-based source line each of `lines` starts on (repair may join several source lines).
  public let lineNumbers: [Int]

  /// Creates a source text; `lineNumbers` defaults to `1...lines.count`.
  public init(
    path: String, encoding: TextDecoder.Encoding, lines: [String], lineNumbers: [Int]? = nil
  ) {
    precondition(lineNumbers.map { $0.count == lines.count } ?? true, "one line number per line")
    self.path = path
    self.encoding = encoding
    self.lines = lines
    self.lineNumbers = lineNumbers ?? Array(lines.indices.map { $0 + 1 })
  }

  /// The normalised text joined with `\n`.
  public var text: String { lines.joined(separator: "\n") }
}
