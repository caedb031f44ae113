extension Indicator: Comparable {
  /// A total order for merged lists: area, then source position, then the figure itself, so merging
  /// partial aggregates in any order lists figures the same way.
  ///
  /// Inlined so that a merge comparing figures where they stand reads only the fields it needs
  /// (called opaquely, each operand is first copied whole, a dozen retains).
  @inline(__always)
  public static func < (lhs: Indicator, rhs: Indicator) -> Bool {
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
    if lhs.text != rhs.text { return lhs.text < rhs.text }
    if lhs.value != rhs.value { return lhs.value < rhs.value }
    if lhs.role != rhs.role { return lhs.role.rawValue < rhs.role.rawValue }
    return (lhs.kind?.rawValue ?? "") < (rhs.kind?.rawValue ?? "")
  }
}
