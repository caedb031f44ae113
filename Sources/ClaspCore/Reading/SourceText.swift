/// A report's normalised text, split into lines, with where it came from.
public struct SourceText: Sendable {
  /// The input's name as given (a path or `-`).
  public let path: String
  /// The encoding the bytes were decoded from.
  public let encoding: TextDecoder.Encoding
  /// Normalised lines; `lines[0]` is line 1 of the source.
  public let lines: [String]

  public init(path: String, encoding: TextDecoder.Encoding, lines: [String]) {
    self.path = path
    self.encoding = encoding
    self.lines = lines
  }

  /// The normalised text joined with `\n`.
  public var text: String { lines.joined(separator: "\n") }
}
