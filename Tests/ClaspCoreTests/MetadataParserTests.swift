import Foundation
import Testing

@testable import ClaspCore

@Suite struct MetadataParserTests {
  static func clean() throws -> String {
    try String(contentsOfFile: Fixtures.damagePath("clean"), encoding: .utf8)
  }

  static func load(_ text: String) throws -> Report {
    try ReportLoader.load(bytes: Array(text.utf8), path: "variant.txt")
  }

  @Test(
    "review dates written with to, -, – and shared months or years read the same",
    arguments: [
      "4th July 2016 to 8th July 2016", "4th July 2016 - 8th July 2016",
      "4th July 2016 – 8th July 2016",
      "4 July 2016 – 8 July 2016", "4–8 July 2016", "4-8 July 2016", "4 July to 8 July 2016",
      "4th - 8th July 2016", "4 th July th July 2016 to 8 th July th July 2016",
    ])
  func reviewDates(printed: String) throws {
    let text = try Self.clean().replacingOccurrences(
      of: "4th July 2016 - 8th July 2016", with: printed)
    let metadata = try Self.load(text).metadata
    #expect(metadata.reviewStart == "2016-07-04")
    #expect(metadata.reviewEnd == "2016-07-08")
  }

  @Test("split and duplicated ordinals are repaired in the text")
  func ordinals() {
    #expect(TextNormaliser.normalise("14 th September th September 2015") == "14th September 2015")
    #expect(TextNormaliser.normalise("23 rd May 2014") == "23rd May 2014")
    #expect(TextNormaliser.normalise("1 st March st March") == "1st March")
    #expect(TextNormaliser.normalise("the 4th floor th floor") == "the 4th floor")
    #expect(TextNormaliser.normalise("on 2nd June the team") == "on 2nd June the team")
  }

  @Test("older reports signed by the CQC Regional Director keep that title")
  func regionalDirector() throws {
    let metadata = try ReportLoader.load(path: Fixtures.damagePath("regional-director")).metadata
    #expect(metadata.signatoryTitle == "CQC Regional Director")
    #expect(metadata.signatory == "Pat Placeholder")
  }

  @Test("labels printed first and values after are paired up")
  func labelsFirst() throws {
    let metadata = try ReportLoader.load(path: Fixtures.damagePath("labels-first")).metadata
    #expect(metadata.inspectors == ["Alex Example", "Sam Sample"])
    #expect(metadata.cqcRegion == "North East")
    #expect(metadata.signatory == "Pat Placeholder")
    // Everything on one line: the dates are still recognised.
    let oneLine = try Self.clean().replacingOccurrences(
      of:
        "Date of review:\t4th July 2016 - 8th July 2016\nDate of publication:\t15th November 2016",
      with: "Date of review: Date of publication: 4 July 2016 to 8 July 2016 15 November 2016")
    let joined = try Self.load(oneLine).metadata
    #expect(joined.reviewStart == "2016-07-04")
    #expect(joined.reviewEnd == "2016-07-08")
    #expect(joined.published == "2016-11-15")
    #expect(
      ReviewDate.phrases(in: "4 July 2016 to 8 July 2016 15 November 2016 Alex Example")
        == ["4 July 2016 to 8 July 2016", "15 November 2016"])
  }
}
