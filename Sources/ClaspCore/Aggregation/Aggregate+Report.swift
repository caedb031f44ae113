extension Aggregate {
  /// The partial aggregate of one report and its coded findings.
  ///
  /// Each unit counts once per theme: a unit coded with two children of a parent counts once for the
  /// parent, as a concern if either child is one. Findings for themes missing from `codebook` are kept as
  /// evidence and reported in `warnings` but feed no table.
  ///
  /// - Parameter inputSHA256: the digest of the input bytes, carried into the manifest.
  /// - Complexity: O(f x d + u x k²) for f findings, theme depth d, u units and k themes per unit.
  public init(
    report: Report, findings: [Finding], codebook: Codebook, inputSHA256: String? = nil,
    indicators: [Indicator] = []
  ) {
    let area = AreaID(area: report.metadata.area)
    let year = report.metadata.reviewYear
    let known = Set(codebook.themes.map(\.id))

    var group = GroupCounts()
    group.reports = 1
    for unit in report.units {
      switch unit.id.kind {
      case .paragraph: group.paragraphs += 1
      case .recommendation: group.recommendationItems += 1
      case nil: break
      }
    }

    var warnings = Set<String>()
    var byUnit: [UnitID: [Finding]] = [:]
    for finding in findings {
      byUnit[finding.unit, default: []].append(finding)
      if !known.contains(finding.theme) {
        warnings.insert("\(area): finding for theme '\(finding.theme)' which the codebook lacks")
      }
    }

    // Lineages are looked up once per theme, not once per finding.
    var lineages: [ThemeID: [ThemeID]] = [:]
    func lineage(_ theme: ThemeID) -> [ThemeID] {
      if let cached = lineages[theme] { return cached }
      let found = codebook.lineage(of: theme).filter { known.contains($0) }
      lineages[theme] = found
      return found
    }

    // Addressee types per recommendation item, classified once per item.
    var organisationsByItem: [UnitID: Set<OrganisationType>] = [:]
    for unit in report.units where unit.id.kind == .recommendation {
      organisationsByItem[unit.id] = Self.organisationTypes(of: unit.id, in: report)
    }

    var cooccurrence: [ThemePair: Int] = [:]
    var byOrganisation: [ThemeOrganisation: Int] = [:]
    for (unit, unitFindings) in byUnit {
      var concern = Set<ThemeID>()
      var strength = Set<ThemeID>()
      var present = Set<ThemeID>()
      for finding in unitFindings {
        for theme in lineage(finding.theme) {
          present.insert(theme)
          if finding.polarity.isConcern { concern.insert(theme) }
          if finding.polarity.isStrength { strength.insert(theme) }
        }
      }
      let organisations =
        organisationsByItem[unit] ?? Self.organisationTypes(of: unit, in: report)
      for theme in present {
        var counts = group.themes[theme, default: ThemeCounts()]
        counts.units += 1
        switch unit.kind {
        case .paragraph:
          counts.findings += 1
          if concern.contains(theme) { counts.concerns += 1 }
          if strength.contains(theme) { counts.strengths += 1 }
        case .recommendation:
          counts.recommendations += 1
          for type in organisations {
            byOrganisation[ThemeOrganisation(theme: theme, organisation: type), default: 0] += 1
          }
        case nil: break
        }
        group.themes[theme] = counts
        for other in present where theme <= other {
          cooccurrence[ThemePair(theme, other), default: 0] += 1
        }
      }
    }

    var itemsByOrganisation: [OrganisationType: Int] = [:]
    for types in organisationsByItem.values {
      for type in types { itemsByOrganisation[type, default: 0] += 1 }
    }

    let summary = ReportSummary(
      metadata: report.metadata, paragraphs: group.paragraphs,
      recommendations: group.recommendationItems, findings: findings.count,
      codedUnits: byUnit.count,
      warnings: report.warnings.map { Self.withoutSource($0, report.source, area) },
      inputSHA256: inputSHA256)
    self.init(
      groups: [AreaYear(area: area, year: year): group], areaNames: [area: report.metadata.area],
      cooccurrence: cooccurrence, recommendationsByOrganisation: byOrganisation,
      recommendationItemsByOrganisation: itemsByOrganisation, reports: [summary],
      evidence: EvidenceBlock(
        records: Self.sortedEvidence(byUnit, order: report.units.map(\.id), area: area, year: year),
        inputSHA256: inputSHA256
      ).map { [$0] } ?? [],
      indicators: indicators.sorted(), warnings: warnings)
  }

  /// The findings as evidence records in `EvidenceRecord` order, comparing unit ids once per unit
  /// rather than once per finding comparison.
  ///
  /// `order` is the report's units in document order, which is usually already id order: then a
  /// linear check replaces the sort (a unit id comparison parses both ids).
  static func sortedEvidence(
    _ byUnit: [UnitID: [Finding]], order: [UnitID], area: AreaID, year: Int?
  ) -> [EvidenceRecord] {
    let documentOrder = order.filter { byUnit[$0] != nil }
    let inDocumentOrder =
      documentOrder.count == byUnit.count && Set(documentOrder).count == documentOrder.count
      && zip(documentOrder, documentOrder.dropFirst()).allSatisfy { $0 < $1 }
    let units = inDocumentOrder ? documentOrder : byUnit.keys.sorted()
    var out: [EvidenceRecord] = []
    for unit in units {
      out += byUnit[unit]!.map { EvidenceRecord(area: area, year: year, finding: $0) }.sorted()
    }
    return out
  }

  /// `warning` led by the area id instead of the input's file name (`derby:266: ...`), so renaming an
  /// input changes no output and every warning says which report it is about.
  static func withoutSource(_ warning: String, _ source: String, _ area: AreaID) -> String {
    guard !source.isEmpty, warning.hasPrefix(source + ":") else { return "\(area): \(warning)" }
    return area.rawValue + warning.dropFirst(source.count)
  }

  /// The organisation types a recommendation item is addressed to, from its group's addressees (or the
  /// group heading when the reader found no addressees); `[.other]` when the item has no group.
  static func organisationTypes(of unit: UnitID, in report: Report) -> Set<OrganisationType> {
    guard unit.kind == .recommendation else { return [] }
    let groupNumber = Int(unit.number.prefix { $0 != "." })
    let group =
      report.recommendationGroups.first { $0.items.contains(unit) }
      ?? report.recommendationGroups.first { $0.number == groupNumber }
    guard let group else { return [.other] }
    let names = group.addressees.isEmpty ? [group.heading] : group.addressees
    return Set(names.map(OrganisationType.classify))
  }
}
