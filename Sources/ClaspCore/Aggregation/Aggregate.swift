/// Everything the outputs need from a set of reports, in a form that merges: a commutative monoid.
///
/// Build one partial aggregate per report (in parallel if you like), then merge them in any order or
/// grouping; the result is the same value. `Analysis(aggregate:codebook:)` turns it into tables.
///
/// ```swift
/// let parts = reports.map { Aggregate(report: $0, findings: coder.findings(in: $0), codebook: codebook) }
/// let total = parts.reduce(.empty) { $0.merging($1) }
/// ```
///
/// Counts are summed per area-year and per theme, lists are kept in a canonical sorted order, and
/// sets are unioned, so `merge` is associative and commutative with `.empty` as identity.
public struct Aggregate: Sendable, Hashable {
  /// Per area-year counts.
  public private(set) var groups: [AreaYear: GroupCounts]
  /// The area names as printed; when two reports spell an area differently, the smaller spelling wins.
  public private(set) var areaNames: [AreaID: String]
  /// Units in which both themes of the pair are present (parents rolled up); `(a, a)` is units with `a`.
  public private(set) var cooccurrence: [ThemePair: Int]
  /// Recommendation items coded with a theme, by the type of organisation they are addressed to.
  public private(set) var recommendationsByOrganisation: [ThemeOrganisation: Int]
  /// All recommendation items by the type of organisation they are addressed to.
  public private(set) var recommendationItemsByOrganisation: [OrganisationType: Int]
  /// One summary per report, sorted.
  public private(set) var reports: [ReportSummary]
  /// Every finding with its area-year, one block per report, blocks sorted.
  public private(set) var evidence: [EvidenceBlock]
  /// Every figure the reports quote (see `IndicatorExtractor`), sorted.
  public private(set) var indicators: [Indicator]
  /// Problems found while aggregating, such as a finding for a theme missing from the codebook.
  public private(set) var warnings: Set<String>

  /// The aggregate of no reports: the identity of `merge`.
  public static let empty = Aggregate(
    groups: [:], areaNames: [:], cooccurrence: [:], recommendationsByOrganisation: [:],
    recommendationItemsByOrganisation: [:], reports: [], evidence: [], indicators: [], warnings: [])

  init(
    groups: [AreaYear: GroupCounts], areaNames: [AreaID: String], cooccurrence: [ThemePair: Int],
    recommendationsByOrganisation: [ThemeOrganisation: Int],
    recommendationItemsByOrganisation: [OrganisationType: Int], reports: [ReportSummary],
    evidence: [EvidenceBlock], indicators: [Indicator] = [], warnings: Set<String>
  ) {
    self.groups = groups
    self.areaNames = areaNames
    self.cooccurrence = cooccurrence
    self.recommendationsByOrganisation = recommendationsByOrganisation
    self.recommendationItemsByOrganisation = recommendationItemsByOrganisation
    // Callers pass sorted lists (the per-report initialiser sorts units once, not per comparison).
    assert(zip(reports, reports.dropFirst()).allSatisfy { !($1 < $0) }, "reports not sorted")
    assert(
      zip(evidence, evidence.dropFirst()).allSatisfy { !($1 < $0) }, "evidence blocks not sorted")
    self.reports = reports
    assert(
      zip(indicators, indicators.dropFirst()).allSatisfy { !($1 < $0) }, "indicators not sorted")
    self.evidence = evidence
    self.indicators = indicators
    self.warnings = warnings
  }

  /// Adds `other` into this aggregate.
  ///
  /// - Complexity: O(g + t + r + e) for g area-year groups, t keyed counts, r reports and e findings
  ///   in both operands.
  public mutating func merge(_ other: Aggregate) {
    groups.merge(other.groups, uniquingKeysWith: +)
    areaNames.merge(other.areaNames, uniquingKeysWith: min)
    cooccurrence.merge(other.cooccurrence, uniquingKeysWith: +)
    recommendationsByOrganisation.merge(other.recommendationsByOrganisation, uniquingKeysWith: +)
    recommendationItemsByOrganisation.merge(
      other.recommendationItemsByOrganisation, uniquingKeysWith: +)
    reports = Self.mergeSorted(reports, other.reports)
    evidence = Self.mergeSorted(evidence, other.evidence)
    indicators = Self.mergeSorted(indicators, other.indicators)
    warnings.formUnion(other.warnings)
  }

  /// This aggregate with its evidence records moved into `spool`, leaving only counts and theme ids
  /// in memory.
  ///
  /// - Throws: `AggregationError.spoolFailed` when the spool cannot be written.
  public func spoolingEvidence(into spool: EvidenceSpool) throws(AggregationError) -> Aggregate {
    var out = self
    out.evidence = []
    out.evidence.reserveCapacity(evidence.count)
    for block in evidence { out.evidence.append(try block.spooled(into: spool)) }
    return out
  }

  /// This aggregate merged with `other`.
  ///
  /// - Complexity: as `merge(_:)`.
  public func merging(_ other: Aggregate) -> Aggregate {
    var out = self
    out.merge(other)
    return out
  }

  /// The merge of all `parts` in one pass: counts are summed into the first part's tables, and each
  /// sorted list is the k-way merge of the parts' lists.
  ///
  /// Each element is copied once, and compared where it stands in its part's storage (sorting the
  /// concatenated lists would copy both elements of every comparison, which for a figure is a dozen
  /// retains). Ties keep the parts' order, as `merge(_:)` does.
  /// - Complexity: O(s log n) for n parts of total size s.
  public static func merged(_ parts: [Aggregate]) -> Aggregate {
    guard var out = parts.first else { return .empty }
    guard parts.count > 1 else { return out }
    for part in parts.dropFirst() {
      out.groups.merge(part.groups, uniquingKeysWith: +)
      out.areaNames.merge(part.areaNames, uniquingKeysWith: min)
      out.cooccurrence.merge(part.cooccurrence, uniquingKeysWith: +)
      out.recommendationsByOrganisation.merge(
        part.recommendationsByOrganisation, uniquingKeysWith: +)
      out.recommendationItemsByOrganisation.merge(
        part.recommendationItemsByOrganisation, uniquingKeysWith: +)
      out.warnings.formUnion(part.warnings)
    }
    out.reports = joinedSorted(parts.map(\.reports))
    out.evidence = joinedSorted(parts.map(\.evidence))
    out.indicators = joinedSorted(parts.map(\.indicators))
    return out
  }

  /// `lists.joined().sorted()` for sorted `lists`, a sort being stable.
  ///
  /// A report's figures share its area, so the lists of different reports rarely overlap: then
  /// they are joined in the order of their first elements, and only the seams are compared. When
  /// two lists overlap or touch, they are merged k ways, ties going to the earlier list.
  /// - Complexity: O(s + k log k) for k lists of total size s that do not overlap, else O(s log k).
  static func joinedSorted<Element: Comparable>(_ lists: [[Element]]) -> [Element] {
    var out: [Element] = []
    out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    let filled = lists.filter { !$0.isEmpty }
    let byFirst = filled.sorted { $0[0] < $1[0] }
    // Strictly ordered seams: no element of one list ties with one of another, so this is the
    // order a stable sort gives.
    if zip(byFirst, byFirst.dropFirst()).allSatisfy({ $0[$0.count - 1] < $1[0] }) {
      for list in byFirst { out += list }
      return out
    }
    kWayMerge(filled, into: &out)
    return out
  }

  /// The sorted union (with repeats) of two sorted arrays.
  ///
  /// - Complexity: O(a + b).
  static func mergeSorted<Element: Comparable>(_ a: [Element], _ b: [Element]) -> [Element] {
    var out: [Element] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if b[j] < a[i] {
        out.append(b[j])
        j += 1
      } else {
        out.append(a[i])
        i += 1
      }
    }
    out += a[i...]
    out += b[j...]
    return out
  }

  /// Appends the k-way merge of the sorted `lists` to `out`: a binary heap of the lists by their
  /// next element, ties going to the earlier list, so the merge is stable.
  ///
  /// Elements are compared where they stand in the lists' storage and copied once, into `out`.
  /// - Complexity: O(s log k) for k lists of total size s.
  static func kWayMerge<Element: Comparable>(_ lists: [[Element]], into out: inout [Element]) {
    var positions = [Int](repeating: 0, count: lists.count)
    // Lists with elements left, a min-heap by (next element, list index).
    var heap = lists.indices.filter { !lists[$0].isEmpty }
    lists.withUnsafeBufferPointer { lists in
      func precedes(_ a: Int, _ b: Int) -> Bool {
        lists[a].withUnsafeBufferPointer { x in
          lists[b].withUnsafeBufferPointer { y in
            let (i, j) = (positions[a], positions[b])
            if x[i] < y[j] { return true }
            if y[j] < x[i] { return false }
            return a < b
          }
        }
      }
      func siftDown(_ start: Int) {
        var parent = start
        while true {
          var child = 2 * parent + 1
          guard child < heap.count else { return }
          if child + 1 < heap.count, precedes(heap[child + 1], heap[child]) { child += 1 }
          guard precedes(heap[child], heap[parent]) else { return }
          heap.swapAt(child, parent)
          parent = child
        }
      }
      for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(start) }
      while let list = heap.first {
        out.append(lists[list][positions[list]])
        positions[list] += 1
        if positions[list] == lists[list].count {
          heap.swapAt(0, heap.count - 1)
          heap.removeLast()
        }
        siftDown(0)
      }
    }
  }
}
