import Foundation

/// Reads and parses every discovered input, keeping going past bad ones: the run-level entry point
/// `clasp parse` and `clasp analyse` use.
///
/// (Named for what it holds; the aggregation stage's `ReportBatch` codes and merges reports.)
///
/// Each input ends as exactly one entry: a parsed report (possibly truncated), a duplicate of an
/// earlier input (same SHA-256 of its bytes; analysed once), or a failure with its reason.
///
/// ```swift
/// let loaded = ReportInputs.load(InputDiscovery.discover(["Reports"], excluding: ["notebooks-out"]))
/// loaded.complete        // reports to put in matrices
/// loaded.allAnalysed     // false when any input failed
/// ```
public struct ReportInputs: Sendable {
  /// What became of one input.
  public enum Outcome: Sendable {
    /// Parsed; `Report.isTruncated` tells whether its findings were found.
    case parsed(Report)
    /// The same bytes as the earlier input at `of`, or the same report (metadata and unit ids) in
    /// another format; not analysed again.
    case duplicate(of: String)
    /// Not analysed.
    case failed(FailedInput)
  }

  /// One input and its outcome.
  public struct Entry: Sendable {
    /// The input as discovered (a path, or `-`).
    public let path: String
    /// SHA-256 of the input's bytes, when they could be read.
    public let sha256: String?
    public let outcome: Outcome
  }

  /// Every input, in discovery order.
  public let entries: [Entry]
  /// What discovery passed over.
  public let skipped: [SkippedInput]

  /// Reads and parses `discovered.inputs`, several at a time; entries keep discovery order, and of
  /// two duplicates the one discovered first is kept.
  /// - Parameters:
  ///   - sizeLimit: inputs larger than this many bytes fail as too large.
  ///   - pdf: the converter for PDF inputs.
  /// - Complexity: O(total input bytes), spread over the cores.
  public static func load(
    _ discovered: DiscoveredInputs, sizeLimit: Int = ReportReader.defaultSizeLimit,
    pdf: PDFTextExtractor = PDFTextExtractor()
  ) -> ReportInputs {
    let inputs = discovered.inputs
    let slots = ResultSlots<(digest: String?, outcome: Outcome)>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      let path = inputs[index]
      let bytes: [UInt8]
      do {
        bytes = try ReportReader.contents(of: path, sizeLimit: sizeLimit)
      } catch {
        slots.set(index, (nil, .failed(FailedInput(path: path, error: error))))
        return
      }
      let digest = SHA256.hex(bytes)
      do {
        let report = try StructureParser.parse(
          try ReportReader.text(from: bytes, path: path, pdf: pdf))
        slots.set(index, (digest, .parsed(report)))
      } catch {
        slots.set(index, (digest, .failed(FailedInput(path: path, error: error))))
      }
    }
    var entries: [Entry] = []
    var duplicates = DuplicateInputs()
    for (path, slot) in zip(inputs, slots.values) {
      guard let (digest, outcome) = slot else { continue }
      if let first = duplicates.earlier(withDigest: digest, than: path) {
        entries.append(Entry(path: path, sha256: digest, outcome: .duplicate(of: first)))
        continue
      }
      // The same report in another format (a .txt beside its .pdf) is a duplicate too.
      if case .parsed(let report) = outcome,
        let first = duplicates.earlier(withIdentity: DuplicateInputs.Identity(report), than: path)
      {
        entries.append(Entry(path: path, sha256: digest, outcome: .duplicate(of: first)))
        continue
      }
      entries.append(Entry(path: path, sha256: digest, outcome: outcome))
    }
    return ReportInputs(entries: entries, skipped: discovered.skipped)
  }

  /// Every parsed report, truncated ones included, in input order.
  public var reports: [Report] {
    entries.compactMap { if case .parsed(let report) = $0.outcome { report } else { nil } }
  }

  /// Parsed reports with findings: the ones that belong in matrices.
  public var complete: [Report] { reports.filter { !$0.isTruncated } }

  /// Parsed reports in which no findings sections were found.
  public var truncated: [Report] { reports.filter(\.isTruncated) }

  /// Inputs that were not analysed, with their reasons.
  public var failures: [FailedInput] {
    entries.compactMap { if case .failed(let failure) = $0.outcome { failure } else { nil } }
  }

  /// Inputs skipped as byte-for-byte duplicates: (duplicate, first seen).
  public var duplicates: [(path: String, of: String)] {
    entries.compactMap {
      if case .duplicate(let first) = $0.outcome { ($0.path, first) } else { nil }
    }
  }

  /// The manifest entries for inputs left out of the analysis: failures with their kind, and
  /// truncated copies (kind `truncated`), in input order.
  public var manifestFailures: [InputFailure] {
    entries.compactMap { entry in
      switch entry.outcome {
      case .failed(let failure):
        InputFailure(input: entry.path, reason: failure.message, kind: failure.kind.rawValue)
      case .parsed(let report) where report.isTruncated:
        InputFailure(
          input: entry.path,
          reason: "\(entry.path): no findings sections were found; the copy may be truncated",
          kind: "truncated")
      default: nil
      }
    }
  }

  /// One line per duplicate input: "b.txt: same report as a.txt; analysed once".
  public var duplicateNotes: [String] {
    duplicates.map { "\($0.path): same report as \($0.of); analysed once" }
  }

  /// True when every input was analysed (duplicates count as analysed; truncated copies do not).
  public var allAnalysed: Bool { failures.isEmpty && truncated.isEmpty }

  /// A key per report that tells reports of one area apart: the area slug, with the review start
  /// date (else the publication date, else a counter) appended when two reports share an area.
  ///
  /// ```swift
  /// ReportInputs.keys(for: [derby2015, derby2018, coventry])
  /// // ["derby-2015-07-27", "derby-2018-03-05", "coventry"]
  /// ```
  public static func keys(for reports: [Report]) -> [String] {
    var counts: [String: Int] = [:]
    for report in reports { counts[report.metadata.slug, default: 0] += 1 }
    var used = Set<String>()
    return reports.map { report in
      let slug = report.metadata.slug
      var key = slug
      if counts[slug, default: 0] > 1 {
        key = slug + "-" + (report.metadata.reviewStart ?? report.metadata.published ?? "undated")
      }
      var candidate = key
      var counter = 2
      while !used.insert(candidate).inserted {
        candidate = "\(key)-\(counter)"
        counter += 1
      }
      return candidate
    }
  }
}

/// An input that could not be analysed, with the reason in the `path: sentence` form.
public struct FailedInput: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  /// The broad class of failure, for the manifest.
  public enum Kind: String, Sendable, Codable {
    case unreadable, empty, binary
    case tooLarge = "too-large"
    case pdf
    case notCLASReview = "not-a-clas-review"
    case other
  }

  public let path: String
  public let kind: Kind
  /// The full message, such as "x.txt: the file is empty".
  public let message: String

  public init(path: String, kind: Kind, message: String) {
    self.path = path
    self.kind = kind
    self.message = message
  }

  /// Classifies a `ReadError` or `StructureError` from reading `path`.
  public init(path: String, error: any Error) {
    self.path = path
    message = String(describing: error)
    switch error {
    case let error as ReadError:
      switch error {
      case .unreadable: kind = .unreadable
      case .empty: kind = .empty
      case .binary: kind = .binary
      case .tooLarge: kind = .tooLarge
      case .pdfToolMissing, .pdfFailed, .pdfTimedOut: kind = .pdf
      }
    case is StructureError: kind = .notCLASReview
    default: kind = .other
    }
  }

  public var description: String { message }
}
