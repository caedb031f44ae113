import Foundation

/// Reads, parses, codes and aggregates many inputs in parallel, one report per core at a time; an
/// input that fails is set aside with its reason and the others go on.
///
/// Each worker reduces its report to a partial `Aggregate` (plus the small record duplicate detection
/// and the manifest need) as soon as it is coded, so the text and the parsed `Report` are dropped
/// straight away: memory grows with the findings kept, not with the corpus read.
///
/// ```swift
/// let outcome = await ReportBatch.run(InputDiscovery.discover(["Reports"]), codebook: codebook) { report in
///   (coder.coded(report), extractor.indicators(in: report))
/// }
/// ```
public enum ReportBatch {
  /// The merged aggregate of the reports analysed, and what became of the other inputs.
  public struct Outcome: Sendable {
    /// The merge of every analysed report's partial aggregate.
    public let aggregate: Aggregate
    /// How many inputs were discovered.
    public let inputCount: Int
    /// What discovery passed over.
    public let skipped: [SkippedInput]
    /// Inputs left out of the analysis, in input order: read and parse failures with their kind,
    /// truncated copies (kind `truncated`) and coding failures (kind `failed`).
    public let failures: [InputFailure]
    /// Inputs that could not be read or parsed, in input order (a subset of `failures`).
    public let readFailures: [FailedInput]
    /// One line per duplicate input: "b.txt: same report as a.txt; analysed once".
    public let duplicateNotes: [String]
    /// The reader's warnings for every parsed, non-duplicate input, in input order.
    public let readerWarnings: [String]
  }

  /// What a worker keeps of one input once its report is dropped.
  private struct Reduced: Sendable {
    enum Result: Sendable {
      case failed(FailedInput)
      case truncated
      case coded(Aggregate)
      case codingFailed(String)
    }
    let digest: String?
    let identity: DuplicateInputs.Identity?
    let warnings: [String]
    let result: Result
  }

  /// Reads and parses every input of `discovered`, codes each report with `analyse`, builds one
  /// partial aggregate per report with its input's SHA-256, and merges them.
  ///
  /// Of two duplicates (the same bytes, or the same metadata and unit ids) the one discovered first is
  /// analysed. Truncated reports are left out of the aggregate. The result does not depend on
  /// scheduling: duplicates are decided in discovery order and partial aggregates merge commutatively.
  /// - Parameters:
  ///   - sizeLimit: inputs larger than this many bytes fail as too large.
  ///   - pdf: the converter for PDF inputs.
  ///   - spool: where each report's findings go as soon as it is coded; without one they stay in
  ///     memory. A spool write failure fails that input.
  ///   - analyse: the findings and indicators of one report.
  /// - Complexity: O(total input bytes) spread over the cores, plus O(s log n) merging for n reports
  ///   with s findings in all.
  public static func run(
    _ discovered: DiscoveredInputs, sizeLimit: Int = ReportReader.defaultSizeLimit,
    pdf: PDFTextExtractor = PDFTextExtractor(), codebook: Codebook, spool: EvidenceSpool? = nil,
    analyse: @escaping @Sendable (Report) throws -> ([Finding], [Indicator])
  ) async -> Outcome {
    await reduceAll(
      discovered, sizeLimit: sizeLimit, pdf: pdf, codebook: codebook, spool: spool,
      analyse: partial(analyse))
  }

  /// `run`, with the findings as the coder leaves them (`Coder.coded(_:)`): the same outcome,
  /// without a `String` per finding on the way to the spool.
  public static func run(
    _ discovered: DiscoveredInputs, sizeLimit: Int = ReportReader.defaultSizeLimit,
    pdf: PDFTextExtractor = PDFTextExtractor(), codebook: Codebook, spool: EvidenceSpool? = nil,
    analyse: @escaping @Sendable (Report) throws -> (CodedFindings, [Indicator])
  ) async -> Outcome {
    await reduceAll(
      discovered, sizeLimit: sizeLimit, pdf: pdf, codebook: codebook, spool: spool,
      analyse: partial(analyse))
  }

  /// A report's partial aggregate, given the run's theme index and the input's digest.
  private typealias Analyse = @Sendable (Report, Aggregate.ThemeIndex, String) throws -> Aggregate

  /// `analyse` followed by the report's partial aggregate.
  private static func partial(
    _ analyse: @escaping @Sendable (Report) throws -> (some FindingSource, [Indicator])
  ) -> Analyse {
    { report, themes, digest in
      let (findings, indicators) = try analyse(report)
      return Aggregate(
        report: report, findings: findings, themes: themes, inputSHA256: digest,
        indicators: indicators)
    }
  }

  private static func reduceAll(
    _ discovered: DiscoveredInputs, sizeLimit: Int, pdf: PDFTextExtractor, codebook: Codebook,
    spool: EvidenceSpool?, analyse: @escaping Analyse
  ) async -> Outcome {
    let inputs = discovered.inputs
    let themes = Aggregate.ThemeIndex(codebook)
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var duplicates = DuplicateInputs()
    var failures: [InputFailure] = []
    var readFailures: [FailedInput] = []
    var notes: [String] = []
    var warnings: [String] = []
    // The partial aggregates of each batch of inputs are merged by a child task of their own, so
    // the merge runs beside the reports still being read instead of stopping every core at a barrier.
    let batchSize = max(256, width * 64)
    enum Done: Sendable {
      case report(Int, Reduced)
      case merged(batch: Int, Aggregate)
    }
    let merged = await withTaskGroup(of: Done.self) { group -> [Aggregate?] in
      // Batch results are kept in input order, so the final merge has the same shape every run.
      var merged = [Aggregate?](repeating: nil, count: (inputs.count + batchSize - 1) / batchSize)
      var parts: [Aggregate] = []
      // Results come back in any order; they are taken in input order (duplicates are decided in
      // discovery order), so at most `width` of them wait here.
      var waiting: [Int: Reduced] = [:]
      var taken = 0
      var next = 0
      func start(_ index: Int) {
        let path = inputs[index]
        group.addTask {
          .report(
            index,
            reduce(
              path, sizeLimit: sizeLimit, pdf: pdf, themes: themes, spool: spool,
              analyse: analyse))
        }
      }
      func take(_ reduced: Reduced, from path: String) {
        if let first = duplicates.earlier(withDigest: reduced.digest, than: path)
          ?? duplicates.earlier(withIdentity: reduced.identity, than: path)
        {
          notes.append("\(path): same report as \(first); analysed once")
          return
        }
        warnings += reduced.warnings
        switch reduced.result {
        case .failed(let failure):
          readFailures.append(failure)
          failures.append(
            InputFailure(input: path, reason: failure.message, kind: failure.kind.rawValue))
        case .truncated:
          failures.append(
            InputFailure(
              input: path,
              reason: "\(path): no findings sections were found; the copy may be truncated",
              kind: "truncated"))
        case .codingFailed(let reason):
          failures.append(InputFailure(input: path, reason: reason))
        case .coded(let part):
          parts.append(part)
        }
      }
      func mergeParts() {
        let batch = parts
        let number = (taken - 1) / batchSize
        parts = []
        group.addTask { .merged(batch: number, Aggregate.merged(batch)) }
      }
      while next < min(width, inputs.count) {
        start(next)
        next += 1
      }
      while let done = await group.next() {
        guard case .report(let index, let reduced) = done else {
          if case .merged(let batch, let aggregate) = done { merged[batch] = aggregate }
          continue
        }
        if next < inputs.count {
          start(next)
          next += 1
        }
        waiting[index] = reduced
        while let reduced = waiting.removeValue(forKey: taken) {
          take(reduced, from: inputs[taken])
          taken += 1
          if taken % batchSize == 0 || taken == inputs.count { mergeParts() }
        }
      }
      return merged
    }
    return Outcome(
      aggregate: Aggregate.merged(merged.compactMap { $0 }), inputCount: inputs.count,
      skipped: discovered.skipped, failures: failures, readFailures: readFailures,
      duplicateNotes: notes, readerWarnings: warnings)
  }

  /// Reads, parses and codes one input and keeps only what the run needs of it.
  private static func reduce(
    _ path: String, sizeLimit: Int, pdf: PDFTextExtractor, themes: Aggregate.ThemeIndex,
    spool: EvidenceSpool?, analyse: Analyse
  ) -> Reduced {
    let bytes: [UInt8]
    do {
      bytes = try ReportReader.contents(of: path, sizeLimit: sizeLimit)
    } catch {
      return Reduced(
        digest: nil, identity: nil, warnings: [],
        result: .failed(FailedInput(path: path, error: error)))
    }
    let digest = SHA256.hex(bytes)
    let report: Report
    do {
      report = try StructureParser.parse(try ReportReader.text(from: bytes, path: path, pdf: pdf))
    } catch {
      return Reduced(
        digest: digest, identity: nil, warnings: [],
        result: .failed(FailedInput(path: path, error: error)))
    }
    let identity = DuplicateInputs.Identity(report)
    // Truncated copies stay out of the matrices: an area with no findings would read as "no concerns".
    guard !report.isTruncated else {
      return Reduced(
        digest: digest, identity: identity, warnings: report.warnings, result: .truncated)
    }
    do {
      var part = try analyse(report, themes, digest)
      if let spool { part = try part.spoolingEvidence(into: spool) }
      return Reduced(
        digest: digest, identity: identity, warnings: report.warnings, result: .coded(part))
    } catch {
      return Reduced(
        digest: digest, identity: identity, warnings: report.warnings,
        result: .codingFailed(String(describing: error)))
    }
  }
}

extension InputFailure: Error {}
