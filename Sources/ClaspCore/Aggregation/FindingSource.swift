/// What a report's partial aggregate reads of its findings: `[Finding]`, or the coder's
/// `CodedFindings`, which make no `String` per finding.
protocol FindingSource: Sendable {
  var count: Int { get }
  func unit(at index: Int) -> UnitID
  func theme(at index: Int) -> ThemeID
  func polarity(at index: Int) -> Polarity
  /// `EvidenceRecord.precedes` for findings `a` and `b` (of one report).
  func recordPrecedes(_ a: Int, _ b: Int) -> Bool
  /// The `EvidenceBlockEncoding` bytes of the findings `order[i]` (all, in order, when nil).
  func encoded(order: [Int]?) -> [UInt8]
}

extension Array: FindingSource where Element == Finding {
  func unit(at index: Int) -> UnitID { self[index].unit }
  func theme(at index: Int) -> ThemeID { self[index].theme }
  func polarity(at index: Int) -> Polarity { self[index].polarity }

  func recordPrecedes(_ a: Int, _ b: Int) -> Bool {
    withUnsafeBufferPointer { findings in
      EvidenceRecord.precedes(findings[a], findings[b])
    }
  }

  func encoded(order: [Int]?) -> [UInt8] { EvidenceBlockEncoding.encode(self, order: order) }
}

extension CodedFindings: FindingSource {
  func unit(at index: Int) -> UnitID { units[records[index].unit].id }
  func theme(at index: Int) -> ThemeID { themeIDs[records[index].theme] }
  func polarity(at index: Int) -> Polarity { records[index].polarity }

  func recordPrecedes(_ a: Int, _ b: Int) -> Bool {
    // Only two findings of one unit and theme tie on everything cheaper; the coder makes none.
    EvidenceRecord.precedes(finding(at: a), finding(at: b))
  }

  func encoded(order: [Int]?) -> [UInt8] { EvidenceBlockEncoding.encode(self, order: order) }
}
