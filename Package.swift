// swift-tools-version: 6.0
import PackageDescription

// ClaspSHA256Accel alone is compiled for the x86 SHA extensions (and the SSSE3/SSE4.1 they come
// with); it checks the CPU at run time, and no other target gets these flags. Elsewhere it builds
// without them and reports the instructions unavailable.
#if arch(x86_64)
let shaExtensions: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-msha", "-Xcc", "-msse4.1"])]
#else
let shaExtensions: [SwiftSetting] = []
#endif

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
    .target(name: "ClaspCore", dependencies: ["ClaspSHA256Accel"]),
    .target(name: "ClaspSHA256Accel", swiftSettings: shaExtensions),
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
