// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Clasp",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "ClaspCore", targets: ["ClaspCore"]),
    .executable(name: "clasp", targets: ["ClaspCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "ClaspCore"),
    .executableTarget(
      name: "ClaspCLI",
      dependencies: [
        "ClaspCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "ClaspTestSupport", path: "Tests/ClaspTestSupport"),
    .testTarget(
      name: "ClaspCoreTests",
      dependencies: ["ClaspCore", "ClaspTestSupport"],
      exclude: ["Fixtures", "Snapshots"]
    ),
    .testTarget(
      name: "ClaspCLITests",
      dependencies: ["ClaspCLI", "ClaspCore", "ClaspTestSupport"]
    ),
  ]
)
