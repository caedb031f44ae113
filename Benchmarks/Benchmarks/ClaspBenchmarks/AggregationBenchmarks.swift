import Benchmark
import ClaspCore
import Foundation

/// Aggregation and rendering of the five bundled reports, coded once before measuring.
func aggregationBenchmarks() {
  let codebookURL = reportsDirectory.deletingLastPathComponent().appendingPathComponent("codebook.json")
  let codebook = try! Codebook.load(contentsOf: codebookURL)
  let coder = Coder(codebook: codebook)
  let reports = seedPaths.map { try! ReportLoader.load(path: $0) }
  let findings = reports.map(coder.coded)
  let manifestCodebook = RunManifest.CodebookInput(
    sha256: String(repeating: "0", count: 64), version: codebook.version, themes: codebook.themes.count)

  Benchmark("aggregate five coded reports (partials, merge, Analysis)") { benchmark in
    // Validate before measuring: every finding reaches the analysis, one column per area.
    let check = Analysis(
      aggregate: Aggregate.merged(zip(reports, findings).map { Aggregate(report: $0, findings: $1, codebook: codebook) }),
      codebook: codebook)
    precondition(check.areas.count == 5, "an area went missing")
    precondition(check.findingCount == findings.reduce(0) { $0 + $1.count }, "findings went missing")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let parts = zip(reports, findings).map { Aggregate(report: $0, findings: $1, codebook: codebook) }
      blackHole(Analysis(aggregate: Aggregate.merged(parts), codebook: codebook))
    }
  }

  Benchmark("render every output of the five-report analysis") { benchmark in
    let analysis = Analysis(
      aggregate: Aggregate.merged(zip(reports, findings).map { Aggregate(report: $0, findings: $1, codebook: codebook) }),
      codebook: codebook)
    let check = try OutputSet.render(
      analysis, formats: Set(OutputFormat.allCases), codebook: manifestCodebook, failures: [])
    precondition(check.count == 18 + codebook.themes.count, "an output file went missing")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(
        try OutputSet.render(
          analysis, formats: Set(OutputFormat.allCases), codebook: manifestCodebook, failures: []))
    }
  }
}
