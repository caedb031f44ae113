import Benchmark
import ClaspCore
import Dispatch
import Foundation

/// The package root, located from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
let reportsDirectory = packageRoot.appendingPathComponent("Data/reports")

let seedSlugs = ["bath-and-north-east-somerset", "coventry", "derby", "thurrock", "wolverhampton"]
let seedPaths = seedSlugs.map { reportsDirectory.appendingPathComponent("\($0).txt").path }

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
    maxDuration: .seconds(5), maxIterations: 1_000)

  aggregationBenchmarks()

  let thurrockBytes = Array(try! Data(contentsOf: URL(fileURLWithPath: seedPaths[3])))
  let codebook = try! Codebook.load(
    contentsOf: packageRoot.appendingPathComponent("Data/codebook.json"))
  let coder = Coder(codebook: codebook)

  Benchmark("read+parse one report (Thurrock, 130 KB)") { benchmark in
    // Validate before measuring: the parse must recover every gold unit.
    let check = try ReportLoader.load(bytes: thurrockBytes, path: "t")
    precondition(check.units.count == 194, "the parse lost units")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try ReportLoader.load(bytes: thurrockBytes, path: "thurrock.txt"))
    }
  }

  // The input digest `analyse` takes of every report: the SHA instructions where the CPU has them.
  Benchmark("sha256 one report (Thurrock, 130 KB)") { benchmark in
    // Validate before measuring: the digest is `sha256sum Data/reports/thurrock.txt`'s.
    precondition(
      SHA256.hex(thurrockBytes)
        == "715b71e722dcea652f6d0ba33295159fabf407a4c1d6e6610872ea3ea3218528",
      "the digest differs from sha256sum's")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(SHA256.hex(thurrockBytes))
    }
  }

  Benchmark("code one report (Thurrock, 130 KB)") { benchmark in
    let report = try ReportLoader.load(bytes: thurrockBytes, path: "Data/reports/thurrock.txt")
    // Validate before measuring: the coding must equal the committed `clasp code` snapshot.
    let snapshot = try String(
      contentsOf: packageRoot.appendingPathComponent(
        "Tests/ClaspCoreTests/Fixtures/coded/thurrock.jsonl"), encoding: .utf8)
    // What `analyse` runs: the findings as byte ranges (`coded`), checked through the `Finding`s
    // they stand for.
    let coded = CodedUnitRenderer.jsonLines(
      CodedUnit.units(of: report, findings: coder.coded(report).findings))
    precondition(coded == snapshot, "coding differs from Fixtures/coded/thurrock.jsonl")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(coder.coded(report))
    }
  }

  Benchmark("extract indicators one report (Thurrock, 130 KB)") { benchmark in
    let report = try ReportLoader.load(bytes: thurrockBytes, path: "Data/reports/thurrock.txt")
    let extractor = IndicatorExtractor(table: try IndicatorTable.bundledDefault())
    // Validate before measuring: the classified figures are the reviewed fixture's.
    let fixture = try String(
      contentsOf: packageRoot.appendingPathComponent(
        "Tests/ClaspCoreTests/Fixtures/indicators/thurrock.txt"), encoding: .utf8)
    let reviewed = fixture.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
    let classified = extractor.indicators(in: report).filter { $0.kind != nil }.count
    precondition(classified == reviewed, "indicators differ from Fixtures/indicators/thurrock.txt")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(extractor.indicators(in: report))
    }
  }

  // The floor the coder is compared with: one pass over the same bytes counting line breaks.
  Benchmark("byte scan baseline: count newlines (Thurrock, 130 KB)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(newlines(in: thurrockBytes))
    }
  }

  corpusBenchmarks(coder: coder)
  analyseBenchmarks(codebook: codebook, coder: coder)
}

/// Line breaks in `bytes`: the plain byte scan the coder is measured against.
@inline(never)
func newlines(in bytes: [UInt8]) -> Int {
  bytes.withUnsafeBufferPointer { p in
    var count = 0
    for b in p where b == 10 { count &+= 1 }
    return count
  }
}

/// A scaled corpus of `count` reports written once into a temporary directory and reused by later
/// runs; returns the report paths.
func scaledCorpus(_ count: Int) throws -> [String] {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("clasp-benchmark-corpus-\(count)")
  let manager = FileManager.default
  let names = (0..<count).map { String(format: "report-%05d.txt", $0) }
  let paths = names.map { directory.appendingPathComponent($0).path }
  if paths.allSatisfy({ manager.fileExists(atPath: $0) }) { return paths }
  try manager.createDirectory(at: directory, withIntermediateDirectories: true)
  let corpus = try ScaledCorpus(seeds: seedPaths.map { try ReportReader.read(path: $0) })
  // Generating is slower than analysing: spread it over the cores.
  DispatchQueue.concurrentPerform(iterations: count) { k in
    try! Data(corpus.report(k).utf8).write(to: URL(fileURLWithPath: paths[k]), options: .atomic)
  }
  return paths
}

/// Reads, parses and codes every report at `paths` on `workers` threads (each takes the next
/// unclaimed report), keeping only the finding counts: the per-report work `analyse` parallelises.
func readParseCode(_ paths: [String], coder: Coder, workers: Int) -> Int {
  let next = Counter()
  let total = Counter()
  DispatchQueue.concurrentPerform(iterations: workers) { _ in
    var found = 0
    while true {
      let k = next.increment() - 1
      guard k < paths.count else { break }
      let report = try! ReportLoader.load(path: paths[k])
      found += coder.coded(report).count
    }
    total.add(found)
  }
  return total.value
}

/// A counter shared by worker threads; owns its lock.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count
  }

  func add(_ n: Int) {
    lock.lock()
    count += n
    lock.unlock()
  }

  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}

func corpusBenchmarks(coder: Coder) {
  for workers in [1, 2] {
    Benchmark(
      "read+parse+code 150 reports, \(workers) worker(s)",
      configuration: .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(10),
        maxIterations: 10)
    ) { benchmark in
      // The corpus is written on first use (about 14 MB) and reused by later runs.
      let paths = try scaledCorpus(150)
      // Validate before measuring: one worker and two find the same.
      let expected = readParseCode(Array(paths.prefix(10)), coder: coder, workers: 1)
      precondition(readParseCode(Array(paths.prefix(10)), coder: coder, workers: 2) == expected)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(readParseCode(paths, coder: coder, workers: workers))
      }
    }
  }
}
