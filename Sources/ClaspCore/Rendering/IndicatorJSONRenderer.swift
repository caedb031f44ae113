import Foundation

/// Renders indicators as JSON: `{"schema": 1, "indicators": [...]}`, keys sorted, figures in the order
/// given (document order per report).
public enum IndicatorJSONRenderer {
  /// The JSON document, pretty-printed, ending in a newline.
  public static func render(_ indicators: [Indicator]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types cannot fail.
    let data = try! encoder.encode(IndicatorDocument(schema: 1, indicators: indicators))
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

/// The JSON shape of `clasp indicators --format json`.
public struct IndicatorDocument: Codable, Sendable, Hashable {
  /// The document's schema version, `1`.
  public let schema: Int
  /// The figures, in the order given.
  public let indicators: [Indicator]

  /// Makes a document.
  public init(schema: Int, indicators: [Indicator]) {
    self.schema = schema
    self.indicators = indicators
  }
}
