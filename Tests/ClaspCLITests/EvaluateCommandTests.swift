import Testing

@testable import ClaspCore

@Suite struct EvaluateCommandTests {
  @Test("the required themes are the five of the annotation guide")
  func requiredThemes() {
    #expect(Codebook.requiredThemes.count == 5)
  }
}
