/// The kind of organisation a recommendation is addressed to.
public enum OrganisationType: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
  /// A clinical commissioning group.
  case ccg
  /// An NHS trust or foundation trust (acute, community, mental health).
  case nhsTrust = "nhs_trust"
  /// A local authority (council, or public health commissioned by it).
  case localAuthority = "local_authority"
  /// Anything else: NHS England, social enterprises, private providers.
  case other

  /// A label for table headings.
  public var title: String {
    switch self {
    case .ccg: "CCG"
    case .nhsTrust: "NHS trust"
    case .localAuthority: "Local authority"
    case .other: "Other"
    }
  }

  /// Classifies an addressee name as printed ("Coventry and Rugby CCG" is `.ccg`).
  ///
  /// Checks run in a fixed order so that "NHS England" is `.other` although it says NHS, and a CCG
  /// named after a council area is still a CCG.
  public static func classify(_ name: String) -> OrganisationType {
    // The terms are ASCII: searched for in the lowered name's bytes, padded with a space each side.
    var text: [UInt8] = [0x20]
    text += name.lowercased().utf8
    text.append(0x20)
    return text.withUnsafeBufferPointer { text in
      func contains(_ term: StaticString) -> Bool { ASCIIBytes.contains(term, in: text) }
      if contains(" ccg") || contains("clinical commissioning group") { return .ccg }
      if contains("nhs england") { return .other }
      if contains(" trust") { return .nhsTrust }
      if contains("council") || contains("local authority") || contains("public health") {
        return .localAuthority
      }
      return .other
    }
  }

  public static func < (lhs: OrganisationType, rhs: OrganisationType) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
