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
    var out: [UInt8] = []
    try write(analysis) { out += $0 }
    return OutputFile(
      path: analysisPath, contents: String(decoding: out, as: UTF8.self), summary: analysisSummary)
  }

  /// Where `analysis.json` goes in the output directory.
  static let analysisPath = "analysis.json"

  /// The index line of `analysis.json`.
  static let analysisSummary =
    "The whole result as JSON (schema version \(schemaVersion)): report metadata, matrices, national view, summary facts, and for each theme and area the lines of findings.jsonl behind it."

  /// Writes `analysis.json` piece by piece to `emit`: each member of `analysis` (each element, for
  /// arrays) is encoded and written on its own, so a large run never holds the whole document or
  /// its tree.
  ///
  /// - Throws: `RenderError.cannotEncode` when a value has no JSON form, or what `emit` throws.
  static func write(_ analysis: Analysis, emit: ([UInt8]) throws(RenderError) -> Void)
    throws(RenderError)
  {
    // Arrays go an element at a time: a measure table or a theme's evidence index is the most
    // that is ever encoded at once. The two largest (the tables and the evidence index) are
    // written directly, without an encoded tree.
    let members: [JSONWriter.Member] = [
      .init("areas", elements: analysis.areas), .init("cooccurrence", analysis.cooccurrence),
      .init("evidence", elements: analysis.evidence, writeElement: writeThemeEvidence),
      .init("indicatorRanges", elements: analysis.indicatorRanges),
      .init("indicators", elements: analysis.indicators, writeElement: writeIndicator),
      .init("measures", elements: analysis.measures, writeElement: writeMeasureTable),
      .init("national", elements: analysis.national),
      .init("recommendationsByOrganisation", analysis.recommendationsByOrganisation),
      .init("reports", elements: analysis.reports), .init("summary", analysis.summary),
      .init("themes", elements: analysis.themes), .init("warnings", elements: analysis.warnings),
      .init("years", elements: analysis.years),
    ]
    let document: [JSONWriter.Member] = [
      .init("analysis", object: members), .init("clasp", ClaspVersion.current),
      .init("schemaVersion", schemaVersion),
    ]
    do {
      var out: [UInt8] = []
      try JSONWriter.writeObject(document, depth: 0, into: &out) { bytes in try emit(bytes) }
      out.append(0x0a)
      try emit(out)
    } catch let error as RenderError {
      throw error
    } catch {
      throw .cannotEncode(file: analysisPath, reason: String(describing: error))
    }
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
