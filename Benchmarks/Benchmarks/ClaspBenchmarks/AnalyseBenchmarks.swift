import Benchmark
import ClaspCore
import Foundation

/// What `clasp analyse` does, through the library: read, parse, code and aggregate every report in
/// parallel (`ReportBatch`), then render every output and write the directory; returns the findings.
func analyse(_ paths: [String], codebook: Codebook, codebookData: Data, coder: Coder, out: String)
  throws -> Int
{
  let outcome = ReportBatch.run(inputs: paths, codebook: codebook) { path in
    let report = try ReportLoader.load(path: path)
    return (report, coder.findings(in: report))
  }
  let analysis = Analysis(aggregate: outcome.aggregate, codebook: codebook)
  let files = try OutputSet.render(
    analysis, formats: Set(OutputFormat.allCases),
    codebook: RunManifest.CodebookInput(
      sha256: SHA256.hex(codebookData), version: codebook.version,
      themes: codebook.themes.count),
    failures: outcome.failures)
  try OutputDirectory.write(files, to: out)
  return analysis.findings.count
}

func analyseBenchmarks(codebook: Codebook, coder: Coder) {
  let codebookData = try! Data(contentsOf: packageRoot.appendingPathComponent("Data/codebook.json"))
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
      // Validate before measuring: every report is analysed and coded.
      let findings = try analyse(
        paths, codebook: codebook, codebookData: codebookData, coder: coder, out: out)
      precondition(findings > count * 20, "too few findings: \(findings)")
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(
          try analyse(
            paths, codebook: codebook, codebookData: codebookData, coder: coder, out: out))
      }
    }
  }
}
