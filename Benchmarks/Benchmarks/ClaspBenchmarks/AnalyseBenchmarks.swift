import Benchmark
import ClaspCore
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
  let spool = try EvidenceSpool()
  let outcome = await ReportBatch.run(
    InputDiscovery.discover([directory], excluding: [out]), codebook: codebook, spool: spool
  ) { report in
    (coder.findings(in: report), extractor.indicators(in: report))
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
        blackHole(
          try await analyse(
            directory, codebook: codebook, codebookData: codebookData, coder: coder,
            indicators: indicators, out: out))
      }
    }
  }
}
