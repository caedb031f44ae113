import Testing

@testable import ClaspCore

@Suite struct NumberTextTests {
  @Test(
    "formats without locale and rounds half away from zero",
    arguments: [
      (2.5, 0, "3"), (3.14159, 2, "3.14"), (0.005, 2, "0.01"), (-1.25, 1, "-1.3"),
      (12.0, 1, "12.0"),
      (-0.001, 1, "0.0"),
    ])
  func fixed(value: Double, places: Int, text: String) {
    #expect(NumberText.fixed(value, places: places) == text)
  }

  @Test("compact drops trailing zeros") func compact() {
    #expect(NumberText.compact(2.0) == "2")
    #expect(NumberText.compact(2.5) == "2.5")
  }
}
