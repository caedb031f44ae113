import Foundation

/// Renders the whole result as JSON: `analysis.json` (schema `JSONRenderer.schemaVersion`) and the
/// run manifest.
///
/// Keys are sorted and there are no timestamps, so equal inputs give equal bytes.
///
/// ```swift
/// let file = try JSONRenderer.render(analysis)  // analysis.json
/// ```
public enum JSONRenderer {
  /// The version of the `analysis.json` layout; bump it when a field changes meaning or goes away.
  public static let schemaVersion = 2

  /// `analysis.json`: `{"schemaVersion", "clasp", "analysis": {themes, areas, reports, measures,
  /// cooccurrence, national, years, recommendationsByOrganisation, evidence, summary, warnings,
  /// indicators, indicatorRanges}}`. The findings themselves are in `findings.jsonl` (schema 2;
  /// schema 1 held them in `analysis.findings`), and `evidence` gives their line numbers there.
  ///
  /// - Throws: `RenderError.cannotEncode` when a value has no JSON form (a non-finite number).
  public static func render(_ analysis: Analysis) throws(RenderError) -> OutputFile {
    let document = AnalysisDocument(
      schemaVersion: schemaVersion, clasp: ClaspVersion.current, analysis: analysis)
    return OutputFile(
      path: "analysis.json", contents: try encode(document, file: "analysis.json"),
      summary:
        "The whole result as JSON (schema version \(schemaVersion)): report metadata, matrices, national view, summary facts, and for each theme and area the lines of findings.jsonl behind it."
    )
  }

  /// `manifest.json` for `manifest`.
  ///
  /// - Throws: `RenderError.cannotEncode` when a value has no JSON form.
  public static func render(_ manifest: RunManifest) throws(RenderError) -> OutputFile {
    OutputFile(
      path: "manifest.json", contents: try encode(manifest, file: "manifest.json"),
      summary:
        "The run's inputs with SHA-256 digests, codebook digest, Clasp version, counts, warnings and failed inputs."
    )
  }

  /// Pretty, key-sorted JSON of `value` with a final newline, as `JSONEncoder` writes it.
  static func encode<Value: Encodable>(_ value: Value, file: String) throws(RenderError) -> String {
    do {
      return String(decoding: try JSONWriter.bytes(of: value), as: UTF8.self)
    } catch {
      throw .cannotEncode(file: file, reason: String(describing: error))
    }
  }
}

/// The top level of `analysis.json`.
struct AnalysisDocument: Encodable {
  let schemaVersion: Int
  let clasp: String
  let analysis: Analysis
}
