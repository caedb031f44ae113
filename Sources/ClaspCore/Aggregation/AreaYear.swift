/// The unit of aggregation: one area in one review year (`nil` when the report states no date).
public struct AreaYear: Hashable, Comparable, Codable, Sendable {
  /// The area.
  public let area: AreaID
  /// The review year, `nil` when unknown.
  public let year: Int?

  /// Makes a key.
  public init(area: AreaID, year: Int?) {
    self.area = area
    self.year = year
  }

  /// Orders by area, then year, with an unknown year last.
  public static func < (lhs: AreaYear, rhs: AreaYear) -> Bool {
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    return YearOrder.precedes(lhs.year, rhs.year)
  }
}

/// The order of optional review years: known years ascending, then unknown.
enum YearOrder {
  static func precedes(_ a: Int?, _ b: Int?) -> Bool {
    switch (a, b) {
    case (let x?, let y?): x < y
    case (.some, nil): true
    default: false
    }
  }
}
