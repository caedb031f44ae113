/// The facts printed at the head of a review and in its method section.
public struct ReportMetadata: Codable, Sendable, Hashable {
  /// The local area reviewed, from the title ("Bath and North East Somerset").
  public let area: String
  /// The review's first and last days, ISO 8601 (`2016-07-11`).
  public let reviewStart: String?
  public let reviewEnd: String?
  /// The publication date, ISO 8601.
  public let published: String?
  public let inspectors: [String]
  public let providers: [String]
  public let ccgs: [String]
  public let nhsEnglandArea: String?
  public let cqcRegion: String?
  /// The signatory's title as printed (Deputy Chief Inspector, or Regional Director in older reports).
  public let signatoryTitle: String?
  /// The signatory's name.
  public let signatory: String?
  /// "In total, we took into account the experiences of N children and young people."
  public let childrenConsidered: Int?

  public init(
    area: String, reviewStart: String?, reviewEnd: String?, published: String?,
    inspectors: [String], providers: [String], ccgs: [String], nhsEnglandArea: String?,
    cqcRegion: String?, signatoryTitle: String?, signatory: String?, childrenConsidered: Int?
  ) {
    self.area = area
    self.reviewStart = reviewStart
    self.reviewEnd = reviewEnd
    self.published = published
    self.inspectors = inspectors
    self.providers = providers
    self.ccgs = ccgs
    self.nhsEnglandArea = nhsEnglandArea
    self.cqcRegion = cqcRegion
    self.signatoryTitle = signatoryTitle
    self.signatory = signatory
    self.childrenConsidered = childrenConsidered
  }

  /// The area as a lowercase slug (`bath-and-north-east-somerset`), the `report` key of gold files.
  public var slug: String { Slug.make(area) }

  /// The review year, from the review start date (else the publication date).
  public var reviewYear: Int? {
    guard let date = reviewStart ?? published, date.utf8.count >= 4 else { return nil }
    return Int(date.prefix(4))
  }
}

/// Makes file-name-safe, lowercase ASCII slugs from untrusted text.
public enum Slug {
  /// Lowercases ASCII letters and digits and joins every other run with one `-`.
  public static func make(_ text: String) -> String {
    var out: [UInt8] = []
    var pendingDash = false
    for byte in text.utf8 {
      let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
      if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
        if pendingDash && !out.isEmpty { out.append(45) }
        pendingDash = false
        out.append(lower)
      } else {
        pendingDash = true
      }
    }
    return out.isEmpty ? "report" : String(decoding: out.prefix(80), as: UTF8.self)
  }
}
