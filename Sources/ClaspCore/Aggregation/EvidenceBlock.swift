/// One report's findings as evidence records, in record order: held in memory in their compact byte
/// form (`EvidenceBlockEncoding`), or written to an `EvidenceSpool` so that a run over thousands of
/// reports keeps only counts and theme ids in memory.
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
  /// The themes of the block's records, each once, in order of first use.
  let distinctThemes: [ThemeID]
  /// The theme of each record, in record order, as a position in `distinctThemes`: all the evidence
  /// index needs without the records, with no theme id held (or freed) per record.
  let themePositions: [Int32]
  private let storage: Storage

  /// The theme of each record, in record order.
  public var themes: [ThemeID] { themePositions.map { distinctThemes[Int($0)] } }

  private enum Storage: Sendable, Hashable {
    /// The records in `EvidenceBlockEncoding` form.
    case memory([UInt8])
    case spooled(EvidenceSpool.Extent)
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

  /// A block of one report's `findings` of `area` and `year`; nil when there are none.
  ///
  /// The records are `findings[order[i]]` (`findings` itself when `order` is nil), in
  /// `EvidenceRecord` order. They are encoded at once (`EvidenceBlockEncoding`), not copied.
  init?(
    area: AreaID, year: Int?, findings: some FindingSource, order: [Int]?, inputSHA256: String?
  ) {
    let count = order?.count ?? findings.count
    guard count > 0 else { return nil }
    self.area = area
    self.year = year
    self.inputSHA256 = inputSHA256
    (distinctThemes, themePositions) = findings.themePositions(order: order)
    storage = .memory(findings.encoded(order: order))
    assert(
      {
        let records = try! self.records()
        return zip(records, records.dropFirst()).allSatisfy { !($1 < $0) }
      }(), "records not sorted")
  }

  private init(_ block: EvidenceBlock, storage: Storage) {
    area = block.area
    year = block.year
    inputSHA256 = block.inputSHA256
    distinctThemes = block.distinctThemes
    themePositions = block.themePositions
    self.storage = storage
  }

  /// How many records the block holds.
  public var count: Int { themePositions.count }

  /// The block's records, read back from the spool if the block was spooled.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be read.
  public func records() throws(AggregationError) -> [EvidenceRecord] {
    switch storage {
    case .memory(let bytes): return try Self.decode(bytes, area: area, year: year)
    case .spooled(let extent):
      return try Self.decode(try extent.spool.read(extent), area: area, year: year)
    }
  }

  /// The block's records in `EvidenceBlockEncoding` form: read back from the spool, or encoded
  /// from memory.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be read.
  func encoded() throws(AggregationError) -> [UInt8] {
    switch storage {
    case .memory(let bytes): return bytes
    case .spooled(let extent): return try extent.spool.read(extent)
    }
  }

  /// The same block with its records moved to `spool`; a spooled block is returned as it is.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be written.
  public func spooled(into spool: EvidenceSpool) throws(AggregationError) -> EvidenceBlock {
    guard case .memory(let bytes) = storage else { return self }
    let extent = try spool.append(bytes)
    return EvidenceBlock(self, storage: .spooled(extent))
  }

  /// The records of encoded `bytes`.
  private static func decode(
    _ bytes: [UInt8], area: AreaID, year: Int?
  ) throws(AggregationError) -> [EvidenceRecord] {
    do {
      return try EvidenceBlockEncoding.decode(bytes, area: area, year: year)
    } catch {
      throw .spoolFailed(reason: "an evidence block does not decode: \(error)")
    }
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
      let (l, r) = (
        (try? decode(a, area: lhs.area, year: lhs.year)) ?? [],
        (try? decode(b, area: rhs.area, year: rhs.year)) ?? []
      )
      return l.lexicographicallyPrecedes(r) { EvidenceRecord.precedes($0.finding, $1.finding) }
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
