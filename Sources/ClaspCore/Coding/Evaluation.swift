/// Agreement of coded units with gold annotation: per-theme precision, recall and F1, micro-F1, and
/// polarity agreement on the unit-theme pairs both code.
public struct Evaluation: Sendable, Hashable {
  /// The counts and scores of one theme.
  public struct ThemeScore: Sendable, Hashable {
    public let theme: ThemeID
    /// Units both gold and the coder give the theme.
    public let truePositives: Int
    /// Units the coder gives the theme and gold does not.
    public let falsePositives: Int
    /// Units gold gives the theme and the coder does not.
    public let falseNegatives: Int
    /// Pairs coded by both whose polarity agrees.
    public let polarityAgreements: Int

    /// Gold units with the theme.
    public var support: Int { truePositives + falseNegatives }
    public var precision: Double { Evaluation.ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { Evaluation.ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double { Evaluation.f1(truePositives, falsePositives, falseNegatives) }
  }

  /// One theme of one unit where prediction and gold disagree (presence or polarity).
  public struct Disagreement: Sendable, Hashable {
    public let report: String
    public let unit: UnitID
    public let theme: ThemeID
    /// The gold polarity, `nil` when gold does not code the theme.
    public let gold: Polarity?
    /// The coded polarity, `nil` when the coder does not code the theme.
    public let predicted: Polarity?
  }

  /// Scores in the order of the themes evaluated.
  public let themes: [ThemeScore]
  /// Gold units that had no predicted line, as `report/unit`.
  public let missingUnits: [String]
  /// Every unit-theme pair where presence or polarity differs, in gold order.
  public let disagreements: [Disagreement]

  /// Compares `predicted` with `gold` on `themes`; units are matched by report and unit id.
  /// - Complexity: O(units x themes).
  public init(predicted: [GoldAnnotation], gold: [GoldAnnotation], themes: [ThemeID]) {
    var index: [String: GoldAnnotation] = [:]
    for p in predicted { index[p.report + "\u{1}" + p.unit.rawValue] = p }
    var tp = [Int](repeating: 0, count: themes.count)
    var fp = tp
    var fn = tp
    var agree = tp
    var missing: [String] = []
    var disagreements: [Disagreement] = []
    for g in gold {
      let p = index[g.report + "\u{1}" + g.unit.rawValue]
      if p == nil { missing.append(g.report + "/" + g.unit.rawValue) }
      for (t, theme) in themes.enumerated() {
        let gp = g.themes[theme]
        let pp = p?.themes[theme]
        switch (gp, pp) {
        case (.some(let a), .some(let b)):
          tp[t] += 1
          if a == b { agree[t] += 1 }
        case (.some, .none): fn[t] += 1
        case (.none, .some): fp[t] += 1
        case (.none, .none): break
        }
        if gp != pp {
          disagreements.append(
            Disagreement(report: g.report, unit: g.unit, theme: theme, gold: gp, predicted: pp))
        }
      }
    }
    self.themes = themes.indices.map {
      ThemeScore(
        theme: themes[$0], truePositives: tp[$0], falsePositives: fp[$0], falseNegatives: fn[$0],
        polarityAgreements: agree[$0])
    }
    self.missingUnits = missing
    self.disagreements = disagreements
  }

  /// F1 over the pooled counts of all themes.
  public var microF1: Double {
    Self.f1(
      themes.reduce(0) { $0 + $1.truePositives }, themes.reduce(0) { $0 + $1.falsePositives },
      themes.reduce(0) { $0 + $1.falseNegatives })
  }

  /// The share of pairs coded by both whose polarity agrees.
  public var polarityAgreement: Double {
    Self.ratio(
      themes.reduce(0) { $0 + $1.polarityAgreements }, themes.reduce(0) { $0 + $1.truePositives })
  }

  /// The lowest per-theme F1.
  public var minimumF1: Double { themes.map(\.f1).min() ?? 0 }

  /// A fixed-width table: one row per theme, then micro-F1 and polarity agreement.
  public func table() -> String {
    func pad(_ s: String, _ n: Int) -> String {
      s + String(repeating: " ", count: max(0, n - s.count))
    }
    func lpad(_ s: String, _ n: Int) -> String {
      String(repeating: " ", count: max(0, n - s.count)) + s
    }
    let width = max(22, (themes.map(\.theme.rawValue.count).max() ?? 0) + 2)
    var lines = [
      pad("theme", width) + lpad("precision", 10) + lpad("recall", 8) + lpad("f1", 7)
        + lpad("support", 9)
        + lpad("polarity", 10)
    ]
    for s in themes {
      lines.append(
        pad(s.theme.rawValue, width) + lpad(Self.format(s.precision), 10)
          + lpad(Self.format(s.recall), 8)
          + lpad(Self.format(s.f1), 7) + lpad(String(s.support), 9)
          + lpad(Self.format(Self.ratio(s.polarityAgreements, s.truePositives)), 10))
    }
    lines.append(
      "micro-F1 \(Self.format(microF1))  polarity agreement \(Self.format(polarityAgreement))")
    return lines.joined(separator: "\n") + "\n"
  }

  static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

  static func f1(_ tp: Int, _ fp: Int, _ fn: Int) -> Double {
    let denominator = 2 * tp + fp + fn
    return denominator == 0 ? 1 : Double(2 * tp) / Double(denominator)
  }

  /// `x` with three decimals, rounded half away from zero.
  public static func format(_ x: Double) -> String {
    let thousandths = Int((x * 1000).rounded())
    let whole = thousandths / 1000
    let frac = thousandths % 1000
    return "\(whole)." + String(repeating: "0", count: frac < 10 ? 2 : frac < 100 ? 1 : 0)
      + "\(frac)"
  }
}
