/// A numbered group of recommendations addressed to named organisations ("1. X and Y should:").
public struct RecommendationGroup: Codable, Sendable, Hashable {
  /// The group number (`4` for items `rec:4.1`...).
  public let number: Int
  /// The heading as printed, normalised.
  public let heading: String
  /// The organisations the group is addressed to, in printed order.
  public let addressees: [String]
  /// The group's items, in order.
  public let items: [UnitID]

  public init(number: Int, heading: String, addressees: [String], items: [UnitID]) {
    self.number = number
    self.heading = heading
    self.addressees = addressees
    self.items = items
  }
}
