import Testing

@testable import ClaspCore

@Suite struct IndicatorNumberScannerTests {
  static func scan(_ text: String) -> IndicatorNumberScanner.Result {
    let bytes = Array(text.utf8)
    return IndicatorNumberScanner.scan(bytes, in: 0..<bytes.count)
  }

  static func figures(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return scan(text).numbers.map { n in
      let unit = n.unit.map { $0.rawValue } ?? "bare"
      return "\(String(decoding: bytes[n.range], as: UTF8.self))=\(n.value) \(unit)"
        + (n.base.map { " /\($0)" } ?? "")
    }
  }

  @Test(
    "figures with their units",
    arguments: [
      ("compliance was 93% , below target", ["93%=93.0 percent"]),
      (
        "some 12 per cent and 7.5 percent", ["12 per cent=12.0 percent", "7.5 percent=7.5 percent"]
      ),
      (
        "high at 2.4 per 1,000 vs 1.8 per 1,000",
        ["2.4 per 1,000=2.4 rate /1000.0", "1.8 per 1,000=1.8 rate /1000.0"]
      ),
      (
        "135 Wolverhampton children per 10,000 population",
        ["135 Wolverhampton children per 10,000=135.0 rate /10000.0"]
      ),
      ("12 out of 15 plans", ["12 out of 15=12.0 ratio /15.0"]),
      ("residents (99.8%, 264,950 residents)", ["99.8%=99.8 percent", "264,950=264950.0 bare"]),
      ("the average score was 16.3 which", ["16.3=16.3 bare"]),
    ] as [(String, [String])])
  func units(text: String, expected: [String]) {
    #expect(Self.figures(text) == expected)
  }

  @Test(
    "dates, ranges, ordinals, ages, durations and levels are not figures",
    arguments: [
      "until 31.03.2016 and from 01/04/2016",
      "young people aged 0-19 and 4-5 year olds and 12–16 hours",
      "on the 11th day",
      "within 28 days, for 5 months, trained to level 3, Tier 3, Year 6 pupils",
      "on 31 March",
      "under 18 conceptions",
    ])
  func notFigures(text: String) {
    #expect(Self.figures(text) == [])
  }

  @Test("years and financial years are periods; a dash joins two into a range")
  func periods() {
    #expect(Self.scan("In 2013, and in 2014/15").periods.map(\.text) == ["2013", "2014/15"])
    #expect(
      Self.scan("for 2012/13 - 2014/15, admissions").periods.map(\.text) == ["2012/13 - 2014/15"])
    #expect(Self.scan("risen every year since 2002").periods.map(\.text) == ["since 2002"])
    #expect(
      Self.scan("in December 2019 and as at 31 March 2015").periods.map(\.text) == [
        "December 2019", "31 March 2015",
      ])
  }
}
