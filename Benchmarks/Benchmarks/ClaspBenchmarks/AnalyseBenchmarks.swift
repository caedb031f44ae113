import Benchmark
import ClaspCore
import Dispatch
import Foundation

/// What `clasp analyse` does, through the library: discover the inputs, then read, parse, code and
/// extract indicators one report per core, reducing each to its partial aggregate (`ReportBatch`)
/// with its findings spooled to a temporary file, merge, then render and write every output
/// (`OutputSet.write` streams the per-finding files); returns the findings analysed.
func analyse(
  _ directory: String, codebook: Codebook, codebookData: Data, coder: Coder,
  indicators: IndicatorTable, out: String
) async throws -> Int {
  let extractor = IndicatorExtractor(table: indicators)
  ReportBatch.keepFreedMemory()  // as `clasp analyse` does
  let spool = try EvidenceSpool()
  let outcome = await ReportBatch.run(
    InputDiscovery.discover([directory], excluding: [out]), codebook: codebook, spool: spool
  ) { report in
    (coder.coded(report), extractor.indicators(in: report))
  }
  let analysis = Analysis(
    aggregate: outcome.aggregate, codebook: codebook, indicatorTable: indicators)
  try OutputSet.write(
    analysis, formats: Set(OutputFormat.allCases),
    codebook: RunManifest.CodebookInput(
      sha256: SHA256.hex(codebookData), version: codebook.version,
      themes: codebook.themes.count),
    failures: outcome.failures.sorted { $0.input < $1.input },
    inputNotes: outcome.duplicateNotes, to: out)
  return analysis.findingCount
}

/// Runs tasks on threads of its own, one per core, instead of Swift's cooperative pool.
///
/// package-benchmark waits for an async benchmark with a semaphore on a thread of the cooperative
/// pool, whose width is the core count: on a 2-core machine that left `ReportBatch`'s task group one
/// thread, and the `analyse` benchmarks measured a one-core run (7.8 s for 1,500 reports, where
/// `clasp analyse` takes 3.8-4.6 s). Preferring this executor gives the run's tasks as many threads
/// as the command has; a fixed set of threads (rather than Dispatch's global queue) also keeps
/// malloc to as many arenas as the command uses, so peak memory stays comparable.
@available(macOS 15.0, *)
final class CoreThreadsExecutor: TaskExecutor, @unchecked Sendable {
  static let shared = CoreThreadsExecutor(threads: ProcessInfo.processInfo.activeProcessorCount)

  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var next = 0

  private init(threads: Int) {
    for _ in 0..<max(threads, 1) {
      Thread { self.work() }.start()
    }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  /// Runs jobs in the order they came, forever (the threads live as long as the process).
  private func work() {
    let executor = asUnownedTaskExecutor()
    while true {
      condition.lock()
      while next == jobs.count { condition.wait() }
      let job = jobs[next]
      next += 1
      if next == jobs.count {
        jobs.removeAll(keepingCapacity: true)
        next = 0
      }
      condition.unlock()
      job.runSynchronously(on: executor)
    }
  }
}

func analyseBenchmarks(codebook: Codebook, coder: Coder) {
  let codebookData = try! Data(contentsOf: packageRoot.appendingPathComponent("Data/codebook.json"))
  let indicators = try! IndicatorTable.load(
    contentsOf: packageRoot.appendingPathComponent("Data/indicators.json"))
  let out = FileManager.default.temporaryDirectory
    .appendingPathComponent("clasp-benchmark-out-\(getpid())").path
  for count in [5, 150, 1_500] {
    // Built lazily: the 1,500-report corpus takes a while to write the first time.
    Benchmark(
      "analyse \(count) reports",
      configuration: .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(20),
        maxIterations: count >= 1_500 ? 3 : 10)
    ) { benchmark in
      let paths = try scaledCorpus(count)
      let directory = URL(fileURLWithPath: paths[0]).deletingLastPathComponent().path
      // Validate before measuring: every report is analysed and coded.
      let findings = try await analyse(
        directory, codebook: codebook, codebookData: codebookData, coder: coder,
        indicators: indicators, out: out)
      precondition(findings > count * 20, "too few findings: \(findings)")
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        try await withTaskExecutorPreference(CoreThreadsExecutor.shared) {
          blackHole(
            try await analyse(
              directory, codebook: codebook, codebookData: codebookData, coder: coder,
              indicators: indicators, out: out))
        }
      }
    }
  }
}
