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
  /// The themes of the findings `order[i]` (all, in order, when nil): each theme once, in order of
  /// first use, and each finding's position among them.
  func themePositions(order: [Int]?) -> (distinct: [ThemeID], positions: [Int32])
}

extension FindingSource {
  func themePositions(order: [Int]?) -> (distinct: [ThemeID], positions: [Int32]) {
    var distinct: [ThemeID] = []
    func position(_ finding: Int) -> Int32 {
      let theme = theme(at: finding)
      // A report uses a few themes: a short list beats hashing.
      if let known = distinct.firstIndex(where: { $0.isSame(as: theme) }) {
        return Int32(known)
      }
      distinct.append(theme)
      return Int32(distinct.count - 1)
    }
    let positions = order.map { $0.map(position) } ?? (0..<count).map(position)
    return (distinct, positions)
  }
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

  func themePositions(order: [Int]?) -> (distinct: [ThemeID], positions: [Int32]) {
    // Themes are already positions in the coder's list: map those to first use.
    var slot = [Int32](repeating: -1, count: themeIDs.count)
    var distinct: [ThemeID] = []
    func position(_ finding: Int) -> Int32 {
      let theme = records[finding].theme
      if slot[theme] < 0 {
        slot[theme] = Int32(distinct.count)
        distinct.append(themeIDs[theme])
      }
      return slot[theme]
    }
    let positions = order.map { $0.map(position) } ?? (0..<count).map(position)
    return (distinct, positions)
  }
}

extension ThemeID {
  /// `==`, lengths first: most of the few themes a report uses differ in length, which costs no
  /// compare of their text.
  func isSame(as other: ThemeID) -> Bool {
    rawValue.utf8.count == other.rawValue.utf8.count && self == other
  }
}
