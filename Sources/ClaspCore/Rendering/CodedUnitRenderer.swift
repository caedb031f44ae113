import Foundation

/// What `clasp code` writes for one unit: the gold-format keys plus the evidence behind each theme.
public struct CodedUnit: Codable, Sendable, Hashable {
  /// The area slug, as in gold files.
  public let report: String
  public let unit: UnitID
  public let section: SectionID
  /// The unit's first six words, as the gold files' `start`, to make diffs readable.
  public let start: String
  /// Theme id to polarity: the gold annotation format.
  public let themes: [String: Polarity]
  /// Theme id to the sentences that carried it.
  public let evidence: [String: [String]]
  /// Theme id to the terms that matched, with byte offsets into the unit text.
  public let matches: [String: [MatchedTerm]]
  /// Recommendation ids the unit cites.
  public let cites: [UnitID]

  /// Groups `findings` by unit, one value per unit of `report` (units with no theme included).
  public static func units(of report: Report, findings: [Finding]) -> [CodedUnit] {
    var byUnit: [UnitID: [Finding]] = [:]
    for f in findings { byUnit[f.unit, default: []].append(f) }
    return report.units.map { unit in
      let mine = byUnit[unit.id] ?? []
      return CodedUnit(
        report: report.metadata.slug, unit: unit.id, section: unit.section,
        start: unit.text.split(whereSeparator: \.isWhitespace).prefix(6).joined(separator: " "),
        themes: Dictionary(uniqueKeysWithValues: mine.map { ($0.theme.rawValue, $0.polarity) }),
        evidence: Dictionary(uniqueKeysWithValues: mine.map { ($0.theme.rawValue, $0.evidence) }),
        matches: Dictionary(uniqueKeysWithValues: mine.map { ($0.theme.rawValue, $0.matches) }),
        cites: unit.citedRecommendations)
    }
  }
}

/// Renders coded units as JSON Lines or CSV, byte-stable for the same input.
public enum CodedUnitRenderer {
  /// One JSON object per line, keys sorted, in unit order.
  public static func jsonLines(_ units: [CodedUnit]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = ""
    for unit in units {
      // Encoding plain strings, ids and integers cannot fail.
      let data = try! encoder.encode(unit)
      out += String(decoding: data, as: UTF8.self) + "\n"
    }
    return out
  }

  /// The CSV header.
  public static let csvHeader = [
    "report", "unit", "section", "theme", "polarity", "evidence", "terms",
  ]

  /// One row per unit and theme (units with no theme are left out), themes in `order`.
  public static func csv(_ units: [CodedUnit], order: [ThemeID]) -> String {
    var out = csvHeader.joined(separator: ",") + "\r\n"
    for unit in units {
      for theme in order {
        guard let polarity = unit.themes[theme.rawValue] else { continue }
        let terms = (unit.matches[theme.rawValue] ?? []).map { "\($0.text)@\($0.start)-\($0.end)" }
        let row = [
          unit.report, unit.unit.rawValue, unit.section.rawValue, theme.rawValue, polarity.rawValue,
          (unit.evidence[theme.rawValue] ?? []).joined(separator: " "),
          terms.joined(separator: "; "),
        ]
        out += row.map(csvField).joined(separator: ",") + "\r\n"
      }
    }
    return out
  }

  /// Quotes a field containing `"`, `,`, `\r` or `\n`, doubling embedded quotes (RFC 4180).
  public static func csvField(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 34 || $0 == 44 || $0 == 13 || $0 == 10 }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
