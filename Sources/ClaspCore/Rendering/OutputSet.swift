import Dispatch

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
    // The renderers are independent: run them on all cores, then assemble in a fixed order.
    var jobs: [@Sendable () -> Result<[OutputFile], RenderError>] = []
    if formats.contains(.csv) {
      jobs.append {
        var files = CSVRenderer.render(analysis)
        if analysis.indicatorTable != nil {
          files.append(
            OutputFile(
              path: "indicators.csv", contents: IndicatorCSVRenderer.render(analysis.indicators),
              summary:
                "Every figure the reports quote, one row each, with its kind, comparator and source."
            ))
        }
        return .success(files)
      }
    }
    if formats.contains(.markdown), let table = analysis.indicatorTable {
      jobs.append {
        .success([
          OutputFile(
            path: "indicators.md",
            contents: IndicatorMarkdownRenderer.render(analysis.indicators, table: table),
            summary:
              "Quoted figures: the range of each kind across areas, then every figure by area.")
        ])
      }
    }
    if formats.contains(.json) {
      jobs.append {
        do throws(RenderError) {
          return .success([try JSONRenderer.render(analysis)])
        } catch {
          return .failure(error)
        }
      }
    }
    if formats.contains(.markdown) { jobs.append { .success(MarkdownRenderer.render(analysis)) } }
    let renderers = jobs
    let rendered = ResultSlots<Result<[OutputFile], RenderError>>(count: renderers.count)
    DispatchQueue.concurrentPerform(iterations: renderers.count) { index in
      rendered.set(index, renderers[index]())
    }
    var files: [OutputFile] = []
    for result in rendered.values { files += try result!.get() }
    if formats.contains(.markdown) {
      files.append(
        OutputFile(
          path: "README.md",
          contents: MarkdownRenderer.index(analysis, files: files, failures: failures),
          summary: "This index."))
    }
    let written = files
    let digests = ResultSlots<String>(count: written.count)
    DispatchQueue.concurrentPerform(iterations: written.count) { index in
      digests.set(index, SHA256.hex(written[index].contents))
    }
    let manifest = RunManifest(
      codebook: codebook, inputs: analysis.reports.map(RunManifest.Input.init),
      failures: failures,
      warnings: analysis.warnings + inputNotes,
      counts: RunManifest.Counts(
        reports: analysis.reports.count, areas: analysis.areas.count, failures: failures.count,
        findings: analysis.findings.count),
      outputs: zip(files, digests.values).map { file, digest in
        RunManifest.Output(path: file.path, sha256: digest!, bytes: file.contents.utf8.count)
      })
    files.append(try JSONRenderer.render(manifest))
    return files.sorted { $0.path < $1.path }
  }
}
