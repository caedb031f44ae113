import Foundation
import Testing

@testable import ClaspCore

@Suite struct JSONWriterTests {
  /// What `JSONRenderer` wrote before `JSONWriter`: the writer must match it byte for byte.
  private func foundation<Value: Encodable>(_ value: Value) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return Array(try encoder.encode(value)) + [0x0a]
  }

  @Test("writes the same bytes as JSONEncoder for whole analyses, hostile text included")
  func analyses() throws {
    for analysis in [Fixture.threeAreas, Fixture.hostileAnalysis] {
      let document = AnalysisDocument(schemaVersion: 1, clasp: "x", analysis: analysis)
      #expect(try JSONWriter.bytes(of: document) == foundation(document))
    }
  }

  @Test(
    "analysis.json written a member at a time is what JSONEncoder writes for the whole document")
  func streamedAnalysis() throws {
    for analysis in [Fixture.threeAreas, Fixture.hostileAnalysis] {
      var streamed: [UInt8] = []
      try JSONRenderer.write(analysis) { streamed += $0 }
      let document = AnalysisDocument(
        schemaVersion: JSONRenderer.schemaVersion, clasp: ClaspVersion.current, analysis: analysis)
      #expect(streamed == (try foundation(document)))
      #expect(
        try JSONRenderer.render(analysis).contents == String(decoding: streamed, as: UTF8.self))
    }
  }

  @Test("escapes every ASCII control character, quote and backslash as JSONEncoder does")
  func strings() throws {
    var text = ""
    for scalar in 0..<128 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
    let values = [text, "é\u{2028}😀/", "", "\"\\"]
    #expect(try JSONWriter.bytes(of: values) == foundation(values))
  }

  @Test("formats numbers and sorts keys as JSONEncoder does")
  func numbers() throws {
    let doubles = [
      0.1, 1, 1e-7, 1e20, 1e16, 1e15, 123_456_789_012_345_680_000, -0.0, 0.30000000000000004, 100,
      2.5e-5, 2.0 / 3, -12.75, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude,
    ]
    #expect(try JSONWriter.bytes(of: doubles) == foundation(doubles))
    let keyed = ["a10": 1, "a2": 2, "B": 3, "a": 4, "_x": 5, "é": 6, "a b": 7, "": 8, "Z": -9]
    #expect(try JSONWriter.bytes(of: keyed) == foundation(keyed))
    let nested: [String: [[Int]]] = ["empty": [], "inner": [[], [1, 2]]]
    #expect(try JSONWriter.bytes(of: nested) == foundation(nested))
    #expect(try JSONWriter.bytes(of: [String: Int]()) == foundation([String: Int]()))
    #expect(try JSONWriter.bytes(of: [true, false]) == foundation([true, false]))
    let optionals: [Int?] = [1, nil]
    #expect(try JSONWriter.bytes(of: optionals) == foundation(optionals))
  }

  @Test("refuses a non-finite number")
  func nonFinite() {
    #expect(throws: EncodingError.self) { try JSONWriter.bytes(of: [Double.nan]) }
    #expect(throws: EncodingError.self) { try JSONWriter.bytes(of: [Double.infinity]) }
  }
}

/// The top level of `analysis.json` as one `Encodable` value: what `JSONRenderer.write` streams.
struct AnalysisDocument: Encodable {
  let schemaVersion: Int
  let clasp: String
  let analysis: Analysis
}

@Suite struct IndicatorJSONTests {
  /// `writeIndicator`'s bytes, and the encoder's for the same figure.
  static func both(_ indicator: Indicator) throws -> (direct: [UInt8], encoded: [UInt8]) {
    var direct: [UInt8] = []
    try JSONRenderer.writeIndicator(indicator, depth: 0, into: &direct)
    direct.append(0x0a)
    return (direct, try JSONWriter.bytes(of: indicator))
  }

  @Test("every figure of the five seeds is written as the encoder writes it")
  func seeds() throws {
    let table = try IndicatorTable.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/indicators.json"))
    let extractor = IndicatorExtractor(table: table)
    var count = 0
    for slug in Fixtures.slugs {
      for indicator in extractor.indicators(in: try Fixtures.report(slug)) {
        let (direct, encoded) = try Self.both(indicator)
        #expect(direct == encoded, "\(slug): \(indicator.text)")
        count += 1
      }
    }
    #expect(count > 50)
  }

  @Test("absent and present optionals, odd numbers and hostile text match the encoder")
  func edges() throws {
    let reference = IndicatorReference(value: 87.25, text: "an \"England\" average", basis: nil)
    for (base, unit) in [(nil, IndicatorUnit.percent), (1_000, .rate)] as [(Double?, IndicatorUnit)]
    {
      for value in [0, 93, 2.4, 1e16, 123_456.789, 0.1] as [Double] {
        let indicator = Indicator(
          area: "Ärea\n\t\u{1}", kind: value == 0 ? nil : "training_compliance", value: value,
          unit: unit, base: base, text: "=93%", role: .figure, level: value > 1 ? 3 : nil,
          target: value > 1 ? reference : nil,
          comparator: IndicatorReference(value: -0.5, text: "x", basis: "national"),
          organisation: value == 93 ? "Trust \\ Ltd" : nil, period: nil, claimed: value == 2.4,
          subject: "subject", sentence: "A sentence, \"quoted\".",
          unitID: value > 2 ? "para:1.2" : nil,
          section: .childProtection, line: 12)
        let (direct, encoded) = try Self.both(indicator)
        #expect(direct == encoded, "\(value) \(unit)")
      }
    }
  }
}
