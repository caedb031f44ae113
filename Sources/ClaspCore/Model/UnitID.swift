/// The identifier of a numbered unit, exactly as the gold annotation spells it: `para:1.3`, `para:5.1.2`,
/// `rec:4.8`, or with a `b` suffix where a report repeats a number (`para:2.4b`).
public struct UnitID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  /// Makes the id of a unit of `kind` with the printed `number` (`"1.3"`).
  public init(kind: UnitKind, number: String) { self.rawValue = kind.rawValue + ":" + number }

  /// The kind named by the prefix, or `nil` for a malformed id.
  public var kind: UnitKind? {
    // Kind names hold no colon, so "the prefix before the first colon is the kind's name" is
    // "the id starts with the name and a colon"; compared on bytes, as this runs per finding.
    let bytes = rawValue.utf8
    for kind in UnitKind.allCases {
      let name = kind.rawValue.utf8
      if bytes.count > name.count, bytes.starts(with: name),
        bytes[bytes.index(bytes.startIndex, offsetBy: name.count)] == UInt8(ascii: ":")
      {
        return kind
      }
    }
    return nil
  }

  /// The printed number after the prefix (`"5.1.2"` for `para:5.1.2`).
  public var number: String {
    guard let colon = rawValue.utf8.firstIndex(of: UInt8(ascii: ":")) else { return rawValue }
    return String(rawValue[rawValue.utf8.index(after: colon)...])
  }

  public var description: String { rawValue }

  /// Orders ids by kind, then numerically component by component, so `para:1.10` follows `para:1.9`.
  public static func < (lhs: UnitID, rhs: UnitID) -> Bool {
    let l = lhs.sortKey
    let r = rhs.sortKey
    return l.lexicographicallyPrecedes(r)
  }

  /// Kind, then per non-empty dot-separated part of the number: its digits as a number and its last
  /// other byte (the `b` of `2.4b`).
  private var sortKey: [Int] {
    var key: [Int] = [kind == .recommendation ? 1 : 0]
    let bytes = rawValue.utf8
    let start = bytes.firstIndex(of: UInt8(ascii: ":")).map(bytes.index(after:)) ?? bytes.startIndex
    var digits = 0
    var suffix = 0
    var inPart = false
    for byte in bytes[start...] {
      if byte == UInt8(ascii: ".") {
        if inPart { key += [digits, suffix] }
        (digits, suffix, inPart) = (0, 0, false)
        continue
      }
      inPart = true
      if byte >= 48 && byte <= 57 {
        digits = digits &* 10 &+ Int(byte - 48)
      } else {
        suffix = Int(byte)
      }
    }
    if inPart { key += [digits, suffix] }
    return key
  }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// What a numbered unit is: a finding paragraph or a recommendation item.
public enum UnitKind: String, Codable, Sendable, Hashable, CaseIterable {
  case paragraph = "para"
  case recommendation = "rec"
}
