/// Assembles every output file of a run in the chosen formats, plus the index and the manifest.
public enum OutputSet {
  /// The files of one run: CSV, JSON and Markdown as chosen, `README.md` with Markdown, and always
  /// `manifest.json` (which lists every other file with its SHA-256). `inputNotes` (duplicate
  /// inputs read once) join the manifest's warnings.
  ///
  /// - Throws: `RenderError.cannotEncode` when JSON encoding fails.
  public static func render(
    _ analysis: Analysis, formats: Set<OutputFormat>, codebook: RunManifest.CodebookInput,
    failures: [InputFailure], inputNotes: [String] = []
  ) throws(RenderError) -> [OutputFile] {
    var files: [OutputFile] = []
    if formats.contains(.csv) { files += CSVRenderer.render(analysis) }
    if formats.contains(.csv), analysis.indicatorTable != nil {
      files.append(
        OutputFile(
          path: "indicators.csv", contents: IndicatorCSVRenderer.render(analysis.indicators),
          summary:
            "Every figure the reports quote, one row each, with its kind, comparator and source."))
    }
    if formats.contains(.markdown), let table = analysis.indicatorTable {
      files.append(
        OutputFile(
          path: "indicators.md",
          contents: IndicatorMarkdownRenderer.render(analysis.indicators, table: table),
          summary: "Quoted figures: the range of each kind across areas, then every figure by area."
        ))
    }
    if formats.contains(.json) { files.append(try JSONRenderer.render(analysis)) }
    if formats.contains(.markdown) {
      files += MarkdownRenderer.render(analysis)
      files.append(
        OutputFile(
          path: "README.md",
          contents: MarkdownRenderer.index(analysis, files: files, failures: failures),
          summary: "This index."))
    }
    let manifest = RunManifest(
      codebook: codebook, inputs: analysis.reports.map(RunManifest.Input.init),
      failures: failures,
      warnings: analysis.warnings + inputNotes,
      counts: RunManifest.Counts(
        reports: analysis.reports.count, areas: analysis.areas.count, failures: failures.count,
        findings: analysis.findings.count),
      outputs: files.map {
        RunManifest.Output(
          path: $0.path, sha256: SHA256.hex($0.contents), bytes: $0.contents.utf8.count)
      })
    files.append(try JSONRenderer.render(manifest))
    return files.sorted { $0.path < $1.path }
  }
}
