// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "ClaspBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Clasp", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "ClaspBenchmarks",
      dependencies: [
        .product(name: "ClaspCore", package: "Clasp"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/ClaspBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
