/// One report's findings as evidence records, in record order: held in memory, or written to an
/// `EvidenceSpool` so that a run over thousands of reports keeps only counts and theme ids in memory.
///
/// Blocks sort by area, year and input digest (the order of `ReportSummary`), so the findings of one
/// report stay together in every output; records within a block keep `EvidenceRecord` order.
///
/// ```swift
/// let block = EvidenceBlock(records: sorted, inputSHA256: digest)
/// let spooled = try block.spooled(into: spool)   // same records, now on disk
/// ```
public struct EvidenceBlock: Sendable, Hashable, Comparable {
  /// The area of every record.
  public let area: AreaID
  /// The review year of every record.
  public let year: Int?
  /// SHA-256 of the report's input, when known; orders two reports of one area-year.
  public let inputSHA256: String?
  /// The theme of each record, in record order: all the evidence index needs without the records.
  public let themes: [ThemeID]
  private let storage: Storage

  private enum Storage: Sendable, Hashable {
    case memory(Held)
    case spooled(EvidenceSpool.Extent)
  }

  /// Findings held in memory: record `i` is `findings[order[i]]`, or `findings[i]` when `order` is
  /// nil. A report's findings are kept as the coder made them, never copied into records.
  struct Held: Sendable, Hashable {
    let findings: [Finding]
    let order: [Int]?

    var count: Int { order?.count ?? findings.count }

    /// The findings in record order (copies each one).
    var inRecordOrder: [Finding] { order.map { $0.map { findings[$0] } } ?? findings }

    static func == (lhs: Held, rhs: Held) -> Bool {
      lhs.count == rhs.count && lhs.inRecordOrder == rhs.inRecordOrder
    }

    func hash(into hasher: inout Hasher) { hasher.combine(inRecordOrder) }
  }

  /// A block of `records`, which must be sorted and share one area-year; nil when there are none.
  public init?(records: [EvidenceRecord], inputSHA256: String?) {
    guard let first = records.first else { return nil }
    precondition(
      records.allSatisfy { $0.area == first.area && $0.year == first.year },
      "one block holds one area-year")
    assert(zip(records, records.dropFirst()).allSatisfy { !($1 < $0) }, "records not sorted")
    self.init(
      area: first.area, year: first.year, findings: records.map(\.finding), order: nil,
      inputSHA256: inputSHA256)
  }

  /// A block of one report's `findings` of `area` and `year`, whose records are
  /// `findings[order[i]]` (`findings` itself when `order` is nil), in `EvidenceRecord` order; nil
  /// when there are none. The findings are not copied.
  init?(area: AreaID, year: Int?, findings: [Finding], order: [Int]?, inputSHA256: String?) {
    let held = Held(findings: findings, order: order)
    guard held.count > 0 else { return nil }
    assert(
      {
        let ordered = held.inRecordOrder
        return zip(ordered, ordered.dropFirst()).allSatisfy { !EvidenceRecord.precedes($1, $0) }
      }(), "records not sorted")
    self.area = area
    self.year = year
    self.inputSHA256 = inputSHA256
    themes = order.map { $0.map { findings[$0].theme } } ?? findings.map(\.theme)
    storage = .memory(held)
  }

  private init(_ block: EvidenceBlock, storage: Storage) {
    area = block.area
    year = block.year
    inputSHA256 = block.inputSHA256
    themes = block.themes
    self.storage = storage
  }

  /// How many records the block holds.
  public var count: Int { themes.count }

  /// The block's records, read back from the spool if the block was spooled.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be read.
  public func records() throws(AggregationError) -> [EvidenceRecord] {
    switch storage {
    case .memory(let held):
      return held.inRecordOrder.map { EvidenceRecord(area: area, year: year, finding: $0) }
    case .spooled(let extent):
      let bytes = try extent.spool.read(extent)
      do {
        return try EvidenceBlockEncoding.decode(bytes, area: area, year: year)
      } catch {
        throw .spoolFailed(reason: "a spooled block does not decode: \(error)")
      }
    }
  }

  /// The block's records in `EvidenceBlockEncoding` form: read back from the spool, or encoded
  /// from memory.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be read.
  func encoded() throws(AggregationError) -> [UInt8] {
    switch storage {
    case .memory(let held): return EvidenceBlockEncoding.encode(held.findings, order: held.order)
    case .spooled(let extent): return try extent.spool.read(extent)
    }
  }

  /// The same block with its records moved to `spool`; a spooled block is returned as it is.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be written.
  public func spooled(into spool: EvidenceSpool) throws(AggregationError) -> EvidenceBlock {
    guard case .memory(let held) = storage else { return self }
    let extent = try spool.append(
      EvidenceBlockEncoding.encode(held.findings, order: held.order))
    return EvidenceBlock(self, storage: .spooled(extent))
  }

  /// Area, year, then input digest; blocks that tie on all three compare by their records.
  public static func < (lhs: EvidenceBlock, rhs: EvidenceBlock) -> Bool {
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    if lhs.year != rhs.year { return YearOrder.precedes(lhs.year, rhs.year) }
    if lhs.inputSHA256 != rhs.inputSHA256 {
      return (lhs.inputSHA256 ?? "") < (rhs.inputSHA256 ?? "")
    }
    switch (lhs.storage, rhs.storage) {
    case (.memory(let a), .memory(let b)):
      // One area-year: the findings decide, as they decide records.
      return a.inRecordOrder.lexicographicallyPrecedes(b.inRecordOrder, by: EvidenceRecord.precedes)
    case (.memory, .spooled): return true
    case (.spooled, .memory): return false
    case (.spooled(let a), .spooled(let b)): return a.offset < b.offset
    }
  }
}

extension EncodedFindings {
  /// Replaces the view's contents with the findings of `block`.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be read or its bytes do not
  ///   decode.
  mutating func load(_ block: EvidenceBlock) throws(AggregationError) {
    let bytes = try block.encoded()
    do {
      try load(bytes)
    } catch {
      throw .spoolFailed(reason: "a spooled block does not decode: \(error)")
    }
  }
}
