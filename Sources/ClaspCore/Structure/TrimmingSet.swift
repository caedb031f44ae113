import Foundation

/// A Foundation character set to trim text with, plus its ASCII members as a bit table: ASCII
/// text (nearly all of a report) is trimmed on its bytes, other text by Foundation.
struct TrimmingSet: Sendable {
  let characters: CharacterSet
  /// Bit `b` set when ASCII byte `b` is in `characters`.
  private let members: (UInt64, UInt64)

  init(_ characters: CharacterSet) {
    self.characters = characters
    var members: (UInt64, UInt64) = (0, 0)
    for byte in 0..<128 where characters.contains(Unicode.Scalar(UInt8(byte))) {
      if byte < 64 { members.0 |= 1 << byte } else { members.1 |= 1 << (byte - 64) }
    }
    self.members = members
  }

  /// True when the ASCII byte `byte` is in the set.
  func contains(_ byte: UInt8) -> Bool {
    byte < 64 ? members.0 >> byte & 1 != 0 : byte < 128 && members.1 >> (byte - 64) & 1 != 0
  }

  /// `text.trimmingCharacters(in: characters)`.
  func trim<S: StringProtocol>(_ text: S) -> String {
    let trimmed: String? = ASCIIBytes.withBytes(text) { bytes in
      guard ASCIIBytes.isASCII(bytes) else { return nil }
      var start = 0
      var end = bytes.count
      while start < end && contains(bytes[start]) { start += 1 }
      while end > start && contains(bytes[end - 1]) { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    return trimmed ?? text.trimmingCharacters(in: characters)
  }

  static let whitespaces = TrimmingSet(.whitespaces)
  static let punctuation = TrimmingSet(.punctuationCharacters)
  /// Spaces, tabs and full stops: around list items.
  static let listItemEnds = TrimmingSet(.whitespaces.union(CharacterSet(charactersIn: ".")))
  /// Spaces, tabs and `.,;`: around organisation names.
  static let nameEnds = TrimmingSet(.whitespaces.union(CharacterSet(charactersIn: ".,;")))
  /// White space and punctuation: around the area's name.
  static let areaEnds = TrimmingSet(.whitespacesAndNewlines.union(.punctuationCharacters))
}
