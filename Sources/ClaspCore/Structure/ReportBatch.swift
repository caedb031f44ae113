import Foundation

/// Reads and parses every discovered input, keeping going past bad ones: the run-level entry point
/// `clasp parse` and `clasp analyse` use.
///
/// Each input ends as exactly one entry: a parsed report (possibly truncated), a duplicate of an
/// earlier input (same SHA-256 of its bytes; analysed once), or a failure with its reason.
///
/// ```swift
/// let batch = ReportBatch.load(InputDiscovery.discover(["Reports"], excluding: ["notebooks-out"]))
/// batch.complete        // reports to put in matrices
/// batch.allAnalysed     // false when any input failed
/// ```
public struct ReportBatch: Sendable {
  /// What became of one input.
  public enum Outcome: Sendable {
    /// Parsed; `Report.isTruncated` tells whether its findings were found.
    case parsed(Report)
    /// The same bytes as the earlier input at `of`, or the same report (metadata and unit ids) in
    /// another format; not analysed again.
    case duplicate(of: String)
    /// Not analysed.
    case failed(InputFailure)
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

  /// Reads and parses `discovered.inputs` in order.
  /// - Parameters:
  ///   - sizeLimit: inputs larger than this many bytes fail as too large.
  ///   - pdf: the converter for PDF inputs.
  public static func load(
    _ discovered: DiscoveredInputs, sizeLimit: Int = ReportReader.defaultSizeLimit,
    pdf: PDFTextExtractor = PDFTextExtractor()
  ) -> ReportBatch {
    var entries: [Entry] = []
    var firstWithDigest: [String: String] = [:]
    for path in discovered.inputs {
      let bytes: [UInt8]
      do {
        bytes = try ReportReader.contents(of: path, sizeLimit: sizeLimit)
      } catch {
        entries.append(Entry(path: path, sha256: nil, outcome: .failed(InputFailure(path: path, error: error))))
        continue
      }
      let digest = SHA256.hex(bytes)
      if let first = firstWithDigest[digest] {
        entries.append(Entry(path: path, sha256: digest, outcome: .duplicate(of: first)))
        continue
      }
      firstWithDigest[digest] = path
      do {
        let source = try ReportReader.text(from: bytes, path: path, pdf: pdf)
        let report = try StructureParser.parse(source)
        // The same report in another format (a .txt beside its .pdf) is a duplicate too.
        if let twin = entries.first(where: { Self.isSameReport($0.outcome, report) }) {
          entries.append(Entry(path: path, sha256: digest, outcome: .duplicate(of: twin.path)))
          continue
        }
        entries.append(Entry(path: path, sha256: digest, outcome: .parsed(report)))
      } catch {
        entries.append(Entry(path: path, sha256: digest, outcome: .failed(InputFailure(path: path, error: error))))
      }
    }
    return ReportBatch(entries: entries, skipped: discovered.skipped)
  }

  private static func isSameReport(_ outcome: Outcome, _ report: Report) -> Bool {
    guard case .parsed(let other) = outcome, !report.units.isEmpty else { return false }
    return other.metadata == report.metadata && other.units.map(\.id) == report.units.map(\.id)
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
  public var failures: [InputFailure] {
    entries.compactMap { if case .failed(let failure) = $0.outcome { failure } else { nil } }
  }

  /// Inputs skipped as byte-for-byte duplicates: (duplicate, first seen).
  public var duplicates: [(path: String, of: String)] {
    entries.compactMap { if case .duplicate(let first) = $0.outcome { ($0.path, first) } else { nil } }
  }

  /// True when every input was analysed (duplicates count as analysed; truncated copies do not).
  public var allAnalysed: Bool { failures.isEmpty && truncated.isEmpty }

  /// A key per report that tells reports of one area apart: the area slug, with the review start
  /// date (else the publication date, else a counter) appended when two reports share an area.
  ///
  /// ```swift
  /// ReportBatch.keys(for: [derby2015, derby2018, coventry])
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
public struct InputFailure: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
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
  /// The full message, e.g. "x.txt: the file is empty".
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
