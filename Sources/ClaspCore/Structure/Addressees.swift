import Foundation

/// Reads the organisations a recommendation group is addressed to from its heading
/// ("Southern Derbyshire CCG and Derby Teaching Hospital Foundation Trust should:").
enum Addressees {
  static func parse(_ heading: String) -> [String] {
    // Native string operations: Foundation's cost more than the rest of the parse on Linux.
    var text = trimmedSpaces(heading[...])
    if text.hasSuffix(":") { text.removeLast() }
    for ending in [" should", " to"] where text.hasSuffix(ending) {
      text.removeLast(ending.count)
    }
    for verb in [" should work with ", " should work together with ", " to work with ", " should "]
    {
      text = replacing(verb, with: " with ", in: text)
    }
    var names: [String] = []
    var pending: [String] = []
    let pieces = components(text, " with ").flatMap { components($0, ", ") }
      .flatMap { components($0, " and ") }
    for piece in pieces {
      pending.append(trimmedSpaces(piece[...]))
      if endsName(pending.last!) {
        names.append(pending.joined(separator: " and "))
        pending = []
      }
    }
    if !pending.isEmpty { names.append(pending.joined(separator: " and ")) }
    return names.filter { !$0.isEmpty }
  }

  private static let ends: Set<String> = [
    "CCG", "CCGs", "Trust", "England", "Council", "Ltd", "Limited", "Health", "Group", "Service",
    "Services", "LSCB", "Authority", "Partnership", "Care", "You", "Addaction", "Visions",
  ]

  /// True when `piece` ends like an organisation's name rather than inside one
  /// ("Bath" of "Bath and North East Somerset CCG" does not).
  private static func endsName(_ piece: String) -> Bool {
    // The last space-separated word (as `split(separator: " ").last` finds it), read backwards.
    var end = piece.endIndex
    while end > piece.startIndex, piece[piece.index(before: end)] == " " {
      end = piece.index(before: end)
    }
    guard end > piece.startIndex else { return false }
    var start = end
    while start > piece.startIndex, piece[piece.index(before: start)] != " " {
      start = piece.index(before: start)
    }
    let last = piece[start..<end]
    return ends.contains(String(last)) || last.hasSuffix(")")
  }

  /// `text` split at every occurrence of `separator` (empty pieces kept), as Foundation's
  /// `components(separatedBy:)` does for a literal separator.
  static func components(_ text: String, _ separator: String) -> [String] {
    ASCIIBytes.withBytes(text) { bytes in
      ASCIIBytes.withBytes(separator) { needle in
        var out: [String] = []
        var start = 0
        while let found = ASCIIBytes.index(of: needle, in: bytes, from: start) {
          out.append(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<found]), as: UTF8.self))
          start = found + needle.count
        }
        out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        return out
      }
    }
  }

  /// `text` with every non-overlapping occurrence of `target`, left to right, replaced.
  static func replacing(_ target: String, with replacement: String, in text: String) -> String {
    // Most texts do not hold the target: then they come back as they are, with nothing split.
    let absent = ASCIIBytes.withBytes(text) { bytes in
      ASCIIBytes.withBytes(target) { ASCIIBytes.index(of: $0, in: bytes) == nil }
    }
    return absent ? text : components(text, target).joined(separator: replacement)
  }

  /// `text` without leading and trailing spaces and tabs (Unicode category Zs and U+0009, the
  /// characters of Foundation's `.whitespaces`).
  static func trimmedSpaces(_ text: Substring) -> String {
    let scalars = text.unicodeScalars
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s == "\t" || s.properties.generalCategory == .spaceSeparator
    }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isSpace(scalars[scalars.index(before: end)]) {
      end = scalars.index(before: end)
    }
    return String(scalars[start..<end])
  }
}
