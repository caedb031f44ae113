/// The identifier of a reviewed local area: the slug of the area named in the report title (`derby`).
///
/// Areas come from report text, never from file names, so renaming an input changes nothing.
public struct AreaID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The slug.
  public let rawValue: String

  /// Wraps an id that is already a slug.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Wraps a literal slug (`"derby"`).
  public init(stringLiteral value: String) { self.rawValue = value }

  /// The id of the area printed as `name`, made file-name and anchor safe by `Slug.make`.
  public init(area name: String) { self.rawValue = Slug.make(name) }

  public var description: String { rawValue }

  public static func < (lhs: AreaID, rhs: AreaID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
