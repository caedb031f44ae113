import Foundation

/// One line of a gold (or `clasp code`) JSON Lines file: the themes of one unit and their polarity.
public struct GoldAnnotation: Sendable, Hashable {
  /// The area slug (`derby`).
  public let report: String
  public let unit: UnitID
  public let themes: [ThemeID: Polarity]

  public init(report: String, unit: UnitID, themes: [ThemeID: Polarity]) {
    self.report = report
    self.unit = unit
    self.themes = themes
  }

  /// Parses JSON Lines; blank lines are skipped and keys other than `report`, `unit`, `themes` ignored.
  /// - Throws: `EvaluationError.malformedLine` naming `file` and the 1-based line.
  public static func parse(jsonLines text: String, file: String) throws(EvaluationError)
    -> [GoldAnnotation]
  {
    var out: [GoldAnnotation] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.allSatisfy(\.isWhitespace) { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let report = object["report"] as? String, let unit = object["unit"] as? String,
        let themes = object["themes"] as? [String: Any]
      else {
        throw .malformedLine(
          file: file, line: n + 1, reason: "expected an object with report, unit and themes")
      }
      var map: [ThemeID: Polarity] = [:]
      for (key, value) in themes {
        guard let word = value as? String, let polarity = Polarity(rawValue: word) else {
          throw .malformedLine(
            file: file, line: n + 1,
            reason: "theme \"\(key)\" has no polarity of positive, negative, mixed, neutral")
        }
        map[ThemeID(rawValue: key)] = polarity
      }
      out.append(GoldAnnotation(report: report, unit: UnitID(rawValue: unit), themes: map))
    }
    return out
  }

  /// The annotations `findings` amount to, one per unit of `report` (units with no finding included).
  public static func from(findings: [Finding], of report: Report) -> [GoldAnnotation] {
    var byUnit: [UnitID: [ThemeID: Polarity]] = [:]
    for f in findings { byUnit[f.unit, default: [:]][f.theme] = f.polarity }
    return report.units.map {
      GoldAnnotation(report: report.metadata.slug, unit: $0.id, themes: byUnit[$0.id] ?? [:])
    }
  }
}

/// Why an evaluation could not run.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String)
  case malformedLine(file: String, line: Int, reason: String)
  case noGold(report: String, directory: String)

  public var description: String {
    switch self {
    case .unreadable(let file): "\(file): cannot read the file"
    case .malformedLine(let file, let line, let reason): "\(file):\(line): \(reason)"
    case .noGold(let report, let directory):
      "\(directory): no gold file \(report).jsonl for report \"\(report)\""
    }
  }
}
