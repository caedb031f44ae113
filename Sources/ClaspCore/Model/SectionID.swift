/// The fixed outline of a CLAS review report, in document order.
public enum SectionID: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
  case summary
  case about
  case method = "how_we_carried_out"
  case context
  case theReport = "the_report"
  case peopleToldUs = "what_people_told_us"
  case childsJourney = "childs_journey"
  case earlyHelp = "early_help"
  case childrenInNeed = "children_in_need"
  case childProtection = "child_protection"
  case lookedAfterChildren = "looked_after_children"
  case management
  case leadership = "leadership_and_management"
  case governance
  case trainingAndSupervision = "training_and_supervision"
  case recommendations
  case nextSteps = "next_steps"

  /// The heading the reports print for this section.
  public var title: String {
    switch self {
    case .summary: "Summary of the review"
    case .about: "About the review"
    case .method: "How we carried out the review"
    case .context: "Context of the review"
    case .theReport: "The report"
    case .peopleToldUs: "What people told us"
    case .childsJourney: "The child's journey"
    case .earlyHelp: "Early help"
    case .childrenInNeed: "Children in need"
    case .childProtection: "Child protection"
    case .lookedAfterChildren: "Looked after children"
    case .management: "Management"
    case .leadership: "Leadership and management"
    case .governance: "Governance"
    case .trainingAndSupervision: "Training and supervision"
    case .recommendations: "Recommendations"
    case .nextSteps: "Next steps"
    }
  }

  /// The section number findings carry (`1` for early help, `5.1` for leadership), if any.
  public var number: String? {
    switch self {
    case .earlyHelp: "1"
    case .childrenInNeed: "2"
    case .childProtection: "3"
    case .lookedAfterChildren: "4"
    case .leadership: "5.1"
    case .governance: "5.2"
    case .trainingAndSupervision: "5.3"
    default: nil
    }
  }

  /// The sections whose numbered paragraphs are findings.
  public static let findingSections: [SectionID] = [
    .earlyHelp, .childrenInNeed, .childProtection, .lookedAfterChildren,
    .leadership, .governance, .trainingAndSupervision,
  ]

  /// The sections before the findings whose prose the report keeps as `Section.text`: the summary,
  /// the method (children considered) and the context (area statistics).
  public static let proseSections: Set<SectionID> = [.summary, .about, .method, .context]

  public static func < (lhs: SectionID, rhs: SectionID) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
