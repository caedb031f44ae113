import Dispatch
import Foundation

/// Reads, codes and aggregates many reports in parallel; a report that fails is set aside with its
/// reason and the others go on.
///
/// ```swift
/// let outcome = ReportBatch.run(inputs: paths, codebook: codebook) { path in
///   let report = try ReportLoader.load(path: path)
///   return (report, coder.findings(in: report), extractor.indicators(in: report))
/// }
/// ```
public enum ReportBatch {
  /// The merged aggregate of the reports that worked, and the inputs that did not.
  public struct Outcome: Sendable {
    /// The merge of every analysed report's partial aggregate.
    public let aggregate: Aggregate
    /// Sorted by input name.
    public let failures: [InputFailure]
  }

  /// Runs `analyse` on every input (at most one per core at a time), builds one partial aggregate per
  /// report with its input's SHA-256, and merges them.
  ///
  /// The result does not depend on the order of `inputs` or on scheduling: partial aggregates merge
  /// commutatively and failures are sorted.
  /// - Complexity: O(n) calls of `analyse` spread over the cores, plus O(n log n) merging for n inputs.
  public static func run(
    inputs: [String], codebook: Codebook,
    analyse: @escaping @Sendable (String) throws -> (Report, [Finding], [Indicator])
  ) -> Outcome {
    let slots = Slots<Result<Aggregate, InputFailure>>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
      let input = inputs[i]
      let result: Result<Aggregate, InputFailure>
      do {
        let digest = FileManager.default.contents(atPath: input).map { SHA256.hex($0) }
        let (report, findings, indicators) = try analyse(input)
        result = .success(
          Aggregate(
            report: report, findings: findings, codebook: codebook, inputSHA256: digest,
            indicators: indicators))
      } catch {
        result = .failure(InputFailure(input: input, reason: String(describing: error)))
      }
      slots.set(i, result)
    }
    var parts: [Aggregate] = []
    var failures: [InputFailure] = []
    for result in slots.values {
      switch result {
      case .success(let part): parts.append(part)
      case .failure(let failure): failures.append(failure)
      case nil: break
      }
    }
    return Outcome(
      aggregate: Aggregate.merged(parts), failures: failures.sorted { $0.input < $1.input })
  }
}

extension InputFailure: Error {}

/// Result slots filled from concurrent iterations; owns the lock that guards them.
private final class Slots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Value?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  var values: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
