import Foundation

@testable import ClaspCore

/// Locates the package's bundled data and test fixtures from this file's path.
enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = packageRoot.appendingPathComponent("Tests/ClaspCoreTests/Fixtures")
  static let reports = packageRoot.appendingPathComponent("Data/reports")

  /// The five bundled seed reports' slugs.
  static let slugs = [
    "bath-and-north-east-somerset", "coventry", "derby", "thurrock", "wolverhampton",
  ]

  static func reportPath(_ slug: String) -> String {
    reports.appendingPathComponent(slug + ".txt").path
  }

  static func report(_ slug: String) throws -> Report {
    try ReportLoader.load(path: reportPath(slug))
  }

  /// Gold unit ids from `Fixtures/units/<slug>.txt`.
  static func goldUnits(_ slug: String) throws -> [UnitID] {
    let text = try String(
      contentsOf: fixtures.appendingPathComponent("units/\(slug).txt"), encoding: .utf8)
    return text.split(separator: "\n").map { UnitID(rawValue: String($0)) }
  }

  /// The path of a synthetic extraction-damage fixture, `Fixtures/damage/<name>.txt`.
  static func damagePath(_ name: String) -> String {
    fixtures.appendingPathComponent("damage/\(name).txt").path
  }

  /// A fresh temporary directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
