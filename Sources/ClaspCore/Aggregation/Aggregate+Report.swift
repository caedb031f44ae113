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
    self.init(
      report: report, findings: findings, themes: ThemeIndex(codebook), inputSHA256: inputSHA256,
      indicators: indicators)
  }

  /// The partial aggregate of one report and its findings as the coder leaves them: the same
  /// aggregate as for `findings.findings`.
  public init(
    report: Report, findings: CodedFindings, codebook: Codebook, inputSHA256: String? = nil,
    indicators: [Indicator] = []
  ) {
    self.init(
      report: report, findings: findings, themes: ThemeIndex(codebook), inputSHA256: inputSHA256,
      indicators: indicators)
  }

  /// What counting a report's findings needs of a codebook, worked out once for a whole run.
  struct ThemeIndex: Sendable {
    /// The codebook's theme ids (first of each), counted by position.
    let ids: [ThemeID]
    /// Each id's position.
    let position: [ThemeID: Int]
    /// Per position: its rank as the ids sort, the order of a `ThemePair`.
    let rank: [Int]
    /// Per position: the positions of the theme and its ancestors.
    let lineages: [[Int]]

    init(_ codebook: Codebook) {
      var ids: [ThemeID] = []
      var position: [ThemeID: Int] = [:]
      for theme in codebook.themes where position[theme.id] == nil {
        position[theme.id] = ids.count
        ids.append(theme.id)
      }
      var rank = [Int](repeating: 0, count: ids.count)
      for (r, t) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { rank[t] = r }
      self.ids = ids
      self.position = position
      self.rank = rank
      lineages = ids.map { codebook.lineage(of: $0).compactMap { position[$0] } }
    }
  }

  /// The partial aggregate of one report, with the codebook's `themes` index made beforehand.
  init(
    report: Report, findings: some FindingSource, themes: ThemeIndex, inputSHA256: String?,
    indicators: [Indicator]
  ) {
    let area = AreaID(area: report.metadata.area)
    let year = report.metadata.reviewYear

    // The units' ids and kinds, read once: a loop over the units would copy each whole unit.
    let unitIDs = report.units.map(\.id)
    let unitKinds = unitIDs.map(\.kind)
    var group = GroupCounts()
    group.reports = 1
    for kind in unitKinds {
      switch kind {
      case .paragraph: group.paragraphs += 1
      case .recommendation: group.recommendationItems += 1
      case nil: break
      }
    }

    // Themes are counted by their position in the codebook, and the keyed counts are made once at
    // the end: counting a unit hashes no theme ids. `rank` orders positions as the ids sort, which
    // is the order of a `ThemePair`.
    let (themeIDs, rank) = (themes.ids, themes.rank)
    let k = themeIDs.count

    var warnings = Set<String>()
    // Findings grouped by unit, units in document order; a finding for a unit the report lacks
    // (possible only for hand-made findings) gets a group after the report's units. The groups
    // hold indices into `findings`: no finding is copied (the evidence block keeps `findings`).
    var unitPosition: [UnitID: Int] = [:]
    unitPosition.reserveCapacity(unitIDs.count)
    for (i, id) in unitIDs.enumerated() where unitPosition[id] == nil {
      unitPosition[id] = i
    }
    var groupUnits = unitIDs
    let count = findings.count
    var groupOf = [Int](repeating: 0, count: count)
    var groupSize = [Int](repeating: 0, count: groupUnits.count)
    // Per finding: its theme's position, whose lineage it counts for (-1: not in the codebook).
    var positionOf = [Int](repeating: -1, count: count)
    var checkedThemes: [(theme: ThemeID, position: Int?)] = []
    var previousUnit: UnitID?
    for f in 0..<count {
      let unit = findings.unit(at: f)
      defer { previousUnit = unit }
      let group: Int
      // A unit's findings are usually consecutive: compare with the last before hashing.
      if unit == previousUnit {
        group = groupOf[f - 1]
      } else if let known = unitPosition[unit] {
        group = known
      } else {
        group = groupUnits.count
        unitPosition[unit] = group
        groupUnits.append(unit)
        groupSize.append(0)
      }
      groupOf[f] = group
      groupSize[group] += 1
      let theme = findings.theme(at: f)
      let position: Int?
      if let checked = checkedThemes.first(where: { $0.theme.isSame(as: theme) }) {
        position = checked.position
      } else {
        position = themes.position[theme]
        checkedThemes.append((theme, position))
        if position == nil {
          warnings.insert("\(area): finding for theme '\(theme)' which the codebook lacks")
        }
      }
      positionOf[f] = position ?? -1
    }
    // The findings' indices ordered by group, each group in finding order.
    var groupStart = [Int](repeating: 0, count: groupSize.count + 1)
    for g in groupSize.indices { groupStart[g + 1] = groupStart[g] + groupSize[g] }
    var byUnit = [Int](repeating: 0, count: count)
    var filled = groupStart
    for f in 0..<count {
      byUnit[filled[groupOf[f]]] = f
      filled[groupOf[f]] += 1
    }

    let addressees = Addressees(report)
    let organisationTypes = OrganisationType.allCases
    var themeCounts = [ThemeCounts](repeating: ThemeCounts(), count: k)
    var pairCounts = [Int](repeating: 0, count: k * k)
    var organisationCounts = [Int](repeating: 0, count: k * organisationTypes.count)
    var codedUnits: [(unit: UnitID, findings: Range<Int>)] = []
    // A unit has a handful of themes: arrays beat sets here.
    var present: [Int] = []
    var concern: [Int] = []
    var strength: [Int] = []
    for index in groupSize.indices where groupSize[index] > 0 {
      let unit = groupUnits[index]
      let members = groupStart[index]..<groupStart[index + 1]
      codedUnits.append((unit, members))
      present.removeAll(keepingCapacity: true)
      concern.removeAll(keepingCapacity: true)
      strength.removeAll(keepingCapacity: true)
      for f in byUnit[members] where positionOf[f] >= 0 {
        let polarity = findings.polarity(at: f)
        for theme in themes.lineages[positionOf[f]] {
          if !present.contains(theme) { present.append(theme) }
          if polarity.isConcern && !concern.contains(theme) { concern.append(theme) }
          if polarity.isStrength && !strength.contains(theme) { strength.append(theme) }
        }
      }
      let kind = unit.kind
      let organisations = kind == .recommendation ? addressees.types(of: unit) : []
      for theme in present {
        themeCounts[theme].units += 1
        switch kind {
        case .paragraph:
          themeCounts[theme].findings += 1
          if concern.contains(theme) { themeCounts[theme].concerns += 1 }
          if strength.contains(theme) { themeCounts[theme].strengths += 1 }
        case .recommendation:
          themeCounts[theme].recommendations += 1
          for type in organisations {
            organisationCounts[
              theme * organisationTypes.count + organisationTypes.firstIndex(of: type)!] += 1
          }
        case nil: break
        }
        for other in present where rank[theme] <= rank[other] { pairCounts[theme * k + other] += 1 }
      }
    }
    var cooccurrence: [ThemePair: Int] = [:]
    var byOrganisation: [ThemeOrganisation: Int] = [:]
    cooccurrence.reserveCapacity(pairCounts.count { $0 > 0 })
    byOrganisation.reserveCapacity(organisationCounts.count { $0 > 0 })
    group.themes.reserveCapacity(themeCounts.count { $0.units > 0 })
    for t in 0..<k where themeCounts[t].units > 0 {
      group.themes[themeIDs[t]] = themeCounts[t]
      for other in 0..<k where pairCounts[t * k + other] > 0 {
        cooccurrence[ThemePair(themeIDs[t], themeIDs[other])] = pairCounts[t * k + other]
      }
      for (o, type) in organisationTypes.enumerated()
      where organisationCounts[t * organisationTypes.count + o] > 0 {
        byOrganisation[ThemeOrganisation(theme: themeIDs[t], organisation: type)] =
          organisationCounts[t * organisationTypes.count + o]
      }
    }

    var itemsByOrganisation: [OrganisationType: Int] = [:]
    for (id, kind) in zip(unitIDs, unitKinds) where kind == .recommendation {
      for type in addressees.types(of: id) { itemsByOrganisation[type, default: 0] += 1 }
    }

    let summary = ReportSummary(
      metadata: report.metadata, paragraphs: group.paragraphs,
      recommendations: group.recommendationItems, findings: count,
      codedUnits: codedUnits.count,
      warnings: report.warnings.map { Self.withoutSource($0, report.source, area) },
      inputSHA256: inputSHA256)
    self.init(
      groups: [AreaYear(area: area, year: year): group], areaNames: [area: report.metadata.area],
      cooccurrence: cooccurrence, recommendationsByOrganisation: byOrganisation,
      recommendationItemsByOrganisation: itemsByOrganisation, reports: [summary],
      evidence: EvidenceBlock(
        area: area, year: year, findings: findings,
        order: Self.recordOrder(codedUnits, findings: findings, order: byUnit),
        inputSHA256: inputSHA256
      ).map { [$0] } ?? [],
      indicators: zip(indicators, indicators.dropFirst()).allSatisfy { !($1 < $0) }
        ? indicators : indicators.sorted(),
      warnings: warnings)
  }

  /// The positions in `findings` of its records in `EvidenceRecord` order, or nil when that is
  /// the order of `findings` (the usual case when the coder lists themes in id order); no finding
  /// is copied.
  ///
  /// `units` are the coded units in document order, which is usually already id order: then a
  /// linear check replaces the sort (a unit id comparison parses both ids). A unit's findings are
  /// `findings[order[i]]` for `i` in its range.
  static func recordOrder(
    _ units: [(unit: UnitID, findings: Range<Int>)], findings: some FindingSource, order: [Int]
  ) -> [Int]? {
    let inOrder = zip(units, units.dropFirst()).allSatisfy { $0.unit < $1.unit }
    let ordered = inOrder ? units : units.sorted { $0.unit < $1.unit }
    var out: [Int] = []
    out.reserveCapacity(order.count)
    // Records of one unit share area, year and unit, so themes usually decide; `recordPrecedes`
    // breaks ties.
    func precedes(_ a: Int, _ b: Int) -> Bool {
      let (l, r) = (findings.theme(at: a), findings.theme(at: b))
      return l != r ? l < r : findings.recordPrecedes(a, b)
    }
    for (_, members) in ordered {
      let start = out.count
      out += order[members]
      guard members.count > 1 else { continue }
      // Sorted where they stand, and only when they are not in order already.
      out.withUnsafeMutableBufferPointer { out in
        var unit = UnsafeMutableBufferPointer(rebasing: out[start...])
        if zip(unit, unit.dropFirst()).contains(where: { precedes($1, $0) }) {
          unit.sort(by: precedes)
        }
      }
    }
    return out.indices.elementsEqual(out) ? nil : out
  }

  /// `warning` led by the area id instead of the input's file name (`derby:266: ...`), so renaming an
  /// input changes no output and every warning says which report it is about.
  static func withoutSource(_ warning: String, _ source: String, _ area: AreaID) -> String {
    guard !source.isEmpty, warning.hasPrefix(source + ":") else { return "\(area): \(warning)" }
    return area.rawValue + warning.dropFirst(source.count)
  }

  /// The organisation types each recommendation item of a report is addressed to, classified once
  /// per recommendation group.
  struct Addressees {
    private let groupOfItem: [UnitID: Int]
    private let groupOfNumber: [Int: Int]
    private let types: [Set<OrganisationType>]

    init(_ report: Report) {
      var groupOfItem: [UnitID: Int] = [:]
      var groupOfNumber: [Int: Int] = [:]
      for (index, group) in report.recommendationGroups.enumerated() {
        for item in group.items where groupOfItem[item] == nil { groupOfItem[item] = index }
        if groupOfNumber[group.number] == nil { groupOfNumber[group.number] = index }
      }
      self.groupOfItem = groupOfItem
      self.groupOfNumber = groupOfNumber
      // Groups share addressees: classify each distinct name once.
      var classified: [String: OrganisationType] = [:]
      types = report.recommendationGroups.map { group in
        let names = group.addressees.isEmpty ? [group.heading] : group.addressees
        return Set(
          names.map { name in
            if let known = classified[name] { return known }
            let type = OrganisationType.classify(name)
            classified[name] = type
            return type
          })
      }
    }

    /// The types `unit` is addressed to, from the first group listing it (or, failing that, the
    /// first group numbered as its prefix), by the group's addressees or else its heading; `[.other]`
    /// when the item has no group, `[]` for a paragraph.
    func types(of unit: UnitID) -> Set<OrganisationType> {
      guard unit.kind == .recommendation else { return [] }
      let index =
        groupOfItem[unit] ?? Int(unit.number.prefix { $0 != "." }).flatMap { groupOfNumber[$0] }
      guard let index else { return [.other] }
      return types[index]
    }
  }
}
