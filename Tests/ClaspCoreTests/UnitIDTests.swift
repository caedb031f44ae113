import Testing

@testable import ClaspCore

@Suite struct UnitIDTests {
  @Test("orders numerically within a kind and paragraphs before recommendations")
  func ordering() {
    let ids: [UnitID] = [
      "rec:1.2", "para:1.10", "para:5.1.1", "para:1.9", "rec:1.10", "para:2.4b", "para:2.4",
    ]
    #expect(
      ids.sorted() == [
        "para:1.9", "para:1.10", "para:2.4", "para:2.4b", "para:5.1.1", "rec:1.2", "rec:1.10",
      ])
  }

  @Test("splits kind and number") func parts() {
    let id = UnitID(kind: .recommendation, number: "4.8")
    #expect(id.rawValue == "rec:4.8")
    #expect(id.kind == .recommendation)
    #expect(id.number == "4.8")
    #expect(UnitID(rawValue: "paragraph:1").kind == nil)
    #expect(UnitID(rawValue: "para").kind == nil)
    #expect(UnitID(rawValue: "para:").kind == .paragraph)
    #expect(UnitID(rawValue: "1.2").number == "1.2")
    #expect(UnitID(rawValue: "para:1:2").number == "1:2")
  }

  @Test("empty number parts are skipped when ordering")
  func emptyParts() {
    #expect(!(UnitID(rawValue: "para:1..2") < UnitID(rawValue: "para:1.2")))
    #expect(!(UnitID(rawValue: "para:1.2") < UnitID(rawValue: "para:1..2")))
    #expect(UnitID(rawValue: "para:1.2.") < UnitID(rawValue: "para:1.2.1"))
  }

  @Test("slugs are lowercase ASCII joined by single dashes")
  func slug() {
    #expect(Slug.make("Bath and North East Somerset") == "bath-and-north-east-somerset")
    #expect(Slug.make("  ../etc/passwd ") == "etc-passwd")
    #expect(Slug.make("***") == "report")
  }
}
