import Benchmark
import ClaspCore
import Foundation

/// The bundled seed reports, located from this file's path.
let reportsDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Data/reports")

let seedPaths = ["bath-and-north-east-somerset", "coventry", "derby", "thurrock", "wolverhampton"]
  .map { reportsDirectory.appendingPathComponent("\($0).txt").path }

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
    maxDuration: .seconds(5), maxIterations: 1_000)

  aggregationBenchmarks()

  let thurrockBytes = Array(try! Data(contentsOf: URL(fileURLWithPath: seedPaths[3])))

  Benchmark("read+parse one report (Thurrock, 130 KB)") { benchmark in
    // Validate before measuring: the parse must recover every gold unit.
    let check = try ReportLoader.load(bytes: thurrockBytes, path: "t")
    precondition(check.units.count == 194, "the parse lost units")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try ReportLoader.load(bytes: thurrockBytes, path: "thurrock.txt"))
    }
  }
}
