/// A codebook pattern: a sequence of words matched as consecutive words of a sentence.
///
/// The language, kept small so an analyst can read every rule:
/// - words are separated by spaces and match consecutive words of one sentence; punctuation between
///   them is ignored (`one to one` matches `one-to-one`, `children's` matches `children’s`);
/// - a lowercase word matches regardless of case (`supervision` matches `Supervision`);
/// - a word with an uppercase letter is an acronym or name and matches only as written
///   (`IHA` matches `IHA` but not `iha`; `MASH` does not match `mash`);
/// - a trailing `*` makes a word a prefix (`supervis*` matches `supervision`, `supervisors`;
///   `IHA*` matches `IHAs`).
///
/// ```swift
/// let pattern = try Pattern(parsing: "safeguarding supervis*")
/// ```
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
  /// One word of a pattern.
  public struct Word: Sendable, Hashable {
    /// The word's bytes: lowercased when `caseSensitive` is false, as written otherwise.
    public let bytes: [UInt8]
    /// True when the word ends in `*` and matches any word it begins.
    public let isPrefix: Bool
    /// True when the word contains an uppercase letter and matches only as written.
    public let caseSensitive: Bool
  }

  /// The pattern as written.
  public let source: String
  public let words: [Word]

  /// Parses `source`.
  /// - Throws: `PatternError` when the pattern is empty, has a `*` that does not end a word, or a
  ///   character outside letters, digits, spaces, apostrophes, hyphens and `*`.
  public init(parsing source: String) throws(PatternError) {
    self.source = source
    var words: [Word] = []
    for raw in source.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }) {
      let bytes = Array(raw.utf8)
      var body = bytes
      var isPrefix = false
      if let star = bytes.firstIndex(of: 42) {
        guard star == bytes.count - 1 else { throw .starInsideWord(source) }
        guard star > 0 else { throw .bareStar(source) }
        isPrefix = true
        body.removeLast()
      }
      let tokens = WordTokenizer.words(body)
      guard tokens.count == 1, tokens[0].start == 0, tokens[0].end == body.count else {
        throw .invalidCharacter(source)
      }
      let cased = tokens[0].hasUppercase
      words.append(
        Word(bytes: cased ? body : tokens[0].folded, isPrefix: isPrefix, caseSensitive: cased))
    }
    guard !words.isEmpty else { throw .empty }
    self.words = words
  }

  public var description: String { source }

  /// True when pattern word `w` matches the text word `word` of `text`.
  func word(_ w: Int, matches word: ClaspCore.Word, in text: [UInt8]) -> Bool {
    let p = words[w]
    if p.caseSensitive {
      let length = word.end - word.start
      if p.isPrefix ? length < p.bytes.count : length != p.bytes.count { return false }
      for k in 0..<p.bytes.count where text[word.start + k] != p.bytes[k] { return false }
      return true
    }
    if p.isPrefix { return word.folded.starts(with: p.bytes) }
    return word.folded == p.bytes
  }
}

/// Why a pattern could not be parsed.
public enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
  case empty
  case bareStar(String)
  case starInsideWord(String)
  case invalidCharacter(String)

  public var description: String {
    switch self {
    case .empty: "pattern is empty"
    case .bareStar(let p): "invalid pattern \"\(p)\": '*' must follow at least one letter"
    case .starInsideWord(let p): "invalid pattern \"\(p)\": '*' may only end a word"
    case .invalidCharacter(let p):
      "invalid pattern \"\(p)\": use only letters, digits, spaces, apostrophes, hyphens and a final '*'"
    }
  }
}
