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
    var id = rawValue
    return id.withUTF8(Self.kind(of:))
  }

  /// The kind named by the prefix of the id `bytes`.
  private static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> UnitKind? {
    UnitKind.names.first { _, name in
      bytes.count > name.count && bytes[name.count] == UInt8(ascii: ":")
        && name.indices.allSatisfy { bytes[$0] == name[$0] }
    }?.kind
  }

  /// The printed number after the prefix (`"5.1.2"` for `para:5.1.2`).
  public var number: String {
    guard let colon = rawValue.utf8.firstIndex(of: UInt8(ascii: ":")) else { return rawValue }
    return String(rawValue[rawValue.utf8.index(after: colon)...])
  }

  public var description: String { rawValue }

  /// Orders ids by kind, then numerically component by component, so `para:1.10` follows `para:1.9`.
  public static func < (lhs: UnitID, rhs: UnitID) -> Bool {
    // The two sort keys are walked side by side over the ids' bytes: no arrays are made (this runs
    // per finding).
    var (left, right) = (lhs.rawValue, rhs.rawValue)
    return left.withUTF8 { left in
      right.withUTF8 { right in
        var l = SortKey(left, isRecommendation: kind(of: left) == .recommendation)
        var r = SortKey(right, isRecommendation: kind(of: right) == .recommendation)
        while true {
          switch (l.next(), r.next()) {
          case (nil, nil): return false
          case (nil, _): return true
          case (_, nil): return false
          case (let a?, let b?) where a != b: return a < b
          default: continue
          }
        }
      }
    }
  }

  /// The sort key of an id, element by element: 1 for a recommendation (else 0), then for each
  /// non-empty dot-separated part of the number its digits as a number and its last other byte
  /// (the `b` of `2.4b`).
  private struct SortKey {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var pendingSuffix: Int?
    private var kindGiven = false
    private let isRecommendation: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, isRecommendation: Bool) {
      self.bytes = bytes
      index = bytes.firstIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? 0
      self.isRecommendation = isRecommendation
    }

    mutating func next() -> Int? {
      if !kindGiven {
        kindGiven = true
        return isRecommendation ? 1 : 0
      }
      if let suffix = pendingSuffix {
        pendingSuffix = nil
        return suffix
      }
      while index < bytes.count && bytes[index] == UInt8(ascii: ".") { index += 1 }
      guard index < bytes.count else { return nil }
      var digits = 0
      var suffix = 0
      while index < bytes.count && bytes[index] != UInt8(ascii: ".") {
        let byte = bytes[index]
        if byte >= 48 && byte <= 57 {
          digits = digits &* 10 &+ Int(byte - 48)
        } else {
          suffix = Int(byte)
        }
        index += 1
      }
      pendingSuffix = suffix
      return digits
    }
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

  /// Every kind with its name's bytes, made once.
  static let names = allCases.map { (kind: $0, name: Array($0.rawValue.utf8)) }
}
