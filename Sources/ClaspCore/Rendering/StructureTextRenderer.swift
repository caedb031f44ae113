/// Renders a parsed report as readable text for `clasp parse --format text`.
public enum StructureTextRenderer {
  /// The report's metadata, outline, units and warnings, one item per line.
  public static func render(_ report: Report) -> String {
    let m = report.metadata
    var out = "# \(m.area) (\(report.source))\n"
    out +=
      "review: \(m.reviewStart ?? "?") to \(m.reviewEnd ?? "?"); published: \(m.published ?? "?")\n"
    out += "inspectors: \(m.inspectors.joined(separator: "; "))\n"
    out += "providers: \(m.providers.joined(separator: "; "))\n"
    out += "CCGs: \(m.ccgs.joined(separator: "; "))\n"
    out += "NHS England area: \(m.nhsEnglandArea ?? "?"); CQC region: \(m.cqcRegion ?? "?")\n"
    out += "\(m.signatoryTitle ?? "signatory"): \(m.signatory ?? "?")\n"
    out += "children considered: \(m.childrenConsidered.map(String.init) ?? "?")\n"
    out += "sections:\n"
    for section in report.sections {
      out += "  \(section.id.rawValue) lines \(section.lines.first)-\(section.lines.last)\n"
    }
    out += "units (\(report.units.count)):\n"
    for unit in report.units {
      let start = unit.text.prefix(60).replacingOccurrences(of: "\n", with: " ")
      let flags = unit.inferred ? " [inferred]" : ""
      let cites =
        unit.citedRecommendations.isEmpty
        ? "" : " -> " + unit.citedRecommendations.map(\.rawValue).joined(separator: ", ")
      out += "  \(unit.id)\(flags) L\(unit.lines.first): \(start)\(cites)\n"
    }
    out += "blocks (\(report.blocks.count)):\n"
    for block in report.blocks {
      out += "  \(block.kind.rawValue) L\(block.lines.first): \(block.label)\n"
    }
    out += "recommendation groups (\(report.recommendationGroups.count)):\n"
    for group in report.recommendationGroups {
      out +=
        "  \(group.number). \(group.addressees.joined(separator: " | ")) (\(group.items.count) items)\n"
    }
    for warning in report.warnings { out += "warning: \(warning)\n" }
    return out
  }
}
