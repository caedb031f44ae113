/// Tells, in discovery order, which inputs repeat an earlier one: the same SHA-256 of their bytes,
/// or the same report (metadata and unit ids) in another format, such as a `.pdf` beside its `.txt`.
///
/// Holds one digest and one identity per distinct input, not the reports themselves, so a streaming
/// run can decide duplicates after each report has been reduced.
struct DuplicateInputs {
  /// What makes two parsed copies the same report: metadata and unit ids.
  struct Identity: Hashable, Sendable {
    let metadata: ReportMetadata
    let units: [UnitID]

    /// The identity of `report`, or nil when it has no units (then it cannot match another copy).
    init?(_ report: Report) {
      guard !report.units.isEmpty else { return nil }
      metadata = report.metadata
      units = report.units.map(\.id)
    }
  }

  private var firstWithDigest: [String: String] = [:]
  private var firstWithIdentity: [Identity: String] = [:]

  /// The earlier input with the same bytes as `path`, else records `path` as the first with them.
  mutating func earlier(withDigest digest: String?, than path: String) -> String? {
    guard let digest else { return nil }
    if let first = firstWithDigest[digest] { return first }
    firstWithDigest[digest] = path
    return nil
  }

  /// The earlier input that parsed to the same report as `path`, else records `path` as the first.
  mutating func earlier(withIdentity identity: Identity?, than path: String) -> String? {
    guard let identity else { return nil }
    if let first = firstWithIdentity[identity] { return first }
    firstWithIdentity[identity] = path
    return nil
  }
}
