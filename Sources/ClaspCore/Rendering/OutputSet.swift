import Dispatch

/// Assembles every output file of a run in the chosen formats, plus the index and the manifest.
public enum OutputSet {
  /// The files of one run, in memory: CSV, JSON and Markdown as chosen, `README.md` with Markdown,
  /// and always `manifest.json` (which lists every other file with its size). `inputNotes`
  /// (duplicate inputs read once) join the manifest's warnings.
  ///
  /// - Throws: `RenderError.cannotEncode` when JSON encoding fails, `.evidenceUnavailable` when
  ///   spooled findings cannot be read back.
  public static func render(
    _ analysis: Analysis, formats: Set<OutputFormat>, codebook: RunManifest.CodebookInput,
    failures: [InputFailure], inputNotes: [String] = []
  ) throws(RenderError) -> [OutputFile] {
    let memory = MemoryDestination()
    try assemble(
      analysis, formats: formats, codebook: codebook, failures: failures, inputNotes: inputNotes,
      into: memory)
    return memory.files.sorted { $0.path < $1.path }
  }

  /// Writes the files of one run (as `render` makes them) into the directory at `path`, replacing
  /// it only when every file is written (see `OutputDirectory`); the per-finding files are streamed,
  /// so memory does not grow with them. Returns how many files were written.
  ///
  /// - Throws: `RenderError` as `render` and `OutputDirectory.write` do.
  @discardableResult
  public static func write(
    _ analysis: Analysis, formats: Set<OutputFormat>, codebook: RunManifest.CodebookInput,
    failures: [InputFailure], inputNotes: [String] = [], to path: String
  ) throws(RenderError) -> Int {
    let staging = try OutputDirectory.Staging(replacing: path)
    do {
      try assemble(
        analysis, formats: formats, codebook: codebook, failures: failures,
        inputNotes: inputNotes, into: staging)
      try staging.commit()
    } catch {
      staging.discard()
      throw error
    }
    return staging.sizes.count
  }

  private static func assemble(
    _ analysis: Analysis, formats: Set<OutputFormat>, codebook: RunManifest.CodebookInput,
    failures: [InputFailure], inputNotes: [String], into destination: any OutputDestination
  ) throws(RenderError) {
    // The tables and pages that do not list every finding are rendered and written in the
    // background, side by side, while the per-finding files stream on all cores. (analysis.json
    // streams to its file an element at a time; the others are small.) Each job gives the
    // summaries of the files it wrote, and the index lists them in job order.
    var jobs: [@Sendable () -> Result<[OutputSummary], RenderError>] = []
    @Sendable func writing(_ files: [OutputFile]) -> Result<[OutputSummary], RenderError> {
      do throws(RenderError) {
        for file in files { try destination.write(file) }
        return .success(files.map { OutputSummary(path: $0.path, summary: $0.summary) })
      } catch {
        return .failure(error)
      }
    }
    if formats.contains(.json) {
      // analysis.json streams to its file: only one of its members is held at a time.
      jobs.append {
        do throws(RenderError) {
          let sink = try destination.open(
            JSONRenderer.analysisPath, summary: JSONRenderer.analysisSummary)
          try JSONRenderer.write(analysis) { bytes throws(RenderError) in try sink.append(bytes) }
          try sink.close()
          return .success([
            OutputSummary(path: JSONRenderer.analysisPath, summary: JSONRenderer.analysisSummary)
          ])
        } catch {
          return .failure(error)
        }
      }
    }
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
        return writing(files)
      }
    }
    if formats.contains(.markdown), let table = analysis.indicatorTable {
      jobs.append {
        writing([
          OutputFile(
            path: "indicators.md",
            contents: IndicatorMarkdownRenderer.render(
              analysis.indicators, ranges: analysis.indicatorRanges, table: table),
            summary:
              "Quoted figures: the range of each kind across areas, then every figure by area.")
        ])
      }
    }
    if formats.contains(.markdown) {
      jobs.append { writing(MarkdownRenderer.render(analysis)) }
    }
    let renderers = jobs
    let written = ResultSlots<Result<[OutputSummary], RenderError>>(count: renderers.count)
    let background = DispatchGroup()
    for index in renderers.indices {
      DispatchQueue.global().async(group: background) {
        written.set(index, renderers[index]())
      }
    }
    do {
      try FindingOutputs.write(analysis, formats: formats, into: destination)
    } catch {
      background.wait()
      throw error
    }
    background.wait()
    var listing = FindingOutputs.listing(analysis, formats: formats)
    for result in written.values { listing += try result!.get() }
    if formats.contains(.markdown) {
      try destination.write(
        OutputFile(
          path: "README.md",
          contents: MarkdownRenderer.index(analysis, files: listing, failures: failures),
          summary: "This index."))
    }
    let manifest = RunManifest(
      codebook: codebook, inputs: analysis.reports.map(RunManifest.Input.init),
      failures: failures,
      warnings: analysis.warnings + inputNotes,
      counts: RunManifest.Counts(
        reports: analysis.reports.count, areas: analysis.areas.count, failures: failures.count,
        findings: analysis.findingCount),
      outputs: destination.sizes.map { RunManifest.Output(path: $0.key, bytes: $0.value) })
    try destination.write(try JSONRenderer.render(manifest))
  }
}
