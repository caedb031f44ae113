// swift-tools-version: 6.0
// A libFuzzer target for the reader and structure parser. Build and run only with the fuzzer on:
//   swift build --package-path Tests/Fuzz -c release -Xswiftc -sanitize=fuzzer
//   Tests/Fuzz/.build/release/ClaspFuzz -max_total_time=60 <corpus-dir>
// Tests/Fuzz/run.sh does both with the bundled reports as the seed corpus.
import PackageDescription

let package = Package(
  name: "ClaspFuzz",
  dependencies: [.package(name: "Clasp", path: "../..")],
  targets: [
    // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
    .target(name: "FuzzShim"),
    .executableTarget(
      name: "ClaspFuzz",
      dependencies: ["FuzzShim", .product(name: "ClaspCore", package: "Clasp")]
    ),
  ]
)
