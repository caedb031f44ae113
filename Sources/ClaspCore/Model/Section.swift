/// A recognised section of the report and where it lies.
public struct Section: Codable, Sendable, Hashable {
  public let id: SectionID
  /// The heading as printed.
  public let heading: String
  public let lines: LineRange

  public init(id: SectionID, heading: String, lines: LineRange) {
    self.id = id
    self.heading = heading
    self.lines = lines
  }
}
