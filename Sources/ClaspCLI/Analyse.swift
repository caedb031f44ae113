import ArgumentParser
import ClaspCore
import Foundation

struct Analyse: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Turn a folder of reports into theme x area matrices, a national summary and evidence pages.",
    discussion: """
      Reads every report (default: Data/reports; a directory is searched recursively for .txt, .md \
      and .pdf files; - reads \
      standard input), codes it with the codebook, aggregates across areas and writes the outputs \
      into --out, replacing it only when every file is written. Reports are processed in parallel. \
      Byte-identical inputs are analysed once; truncated copies (no findings sections) are left out \
      of the matrices and listed in manifest.json. Exit status: 0 when every input was analysed; \
      \(partialFailureExitCode) when some inputs failed or were truncated (they are listed in \
      manifest.json and on stderr, and the outputs cover the rest); 1 when nothing could be written \
      (bad codebook, no inputs, output directory refused, or a failed input under --strict).
      """)

  /// The exit status when some inputs failed but the outputs were written for the rest.
  static let partialFailureExitCode: Int32 = ExitStatus.someInputsFailed.rawValue

  /// Inputs (default: Data/reports), size limit, PDF conversion and strictness, shared with `parse`.
  @OptionGroup var input: InputOptions

  @Option(
    help:
      "The codebook JSON (default: $CLASP_CODEBOOK, else Data/codebook.json here or beside clasp).")
  var codebook: String?

  @Option(
    help:
      "The indicator kinds table (default: $CLASP_INDICATORS, else Data/indicators.json here or beside clasp)."
  )
  var indicators: String?

  @Option(help: "The output directory, replaced as a whole.")
  var out: String = "notebooks-out"

  @Option(
    help: "Comma-separated output formats: md, csv, json (manifest.json is always written).",
    transform: Analyse.formats)
  var format: Set<OutputFormat> = Set(OutputFormat.allCases)

  @Flag(help: "Print how long each stage took (read+parse+code, aggregate, write) to stderr.")
  var timings = false

  func run() async throws {
    var clock = StageClock(enabled: timings)
    let named = input.inputs.isEmpty ? ["Data/reports"] : input.inputs
    let discovered = InputDiscovery.discover(named, excluding: [out])
    guard !discovered.inputs.isEmpty else {
      throw CleanExitError(
        "\(named.joined(separator: ", ")): no report files (.txt, .md, .pdf) found")
    }
    let codebookPath = self.codebook ?? Codebook.defaultURL()?.path ?? "Data/codebook.json"
    guard let codebookData = FileManager.default.contents(atPath: codebookPath) else {
      throw CleanExitError("\(codebookPath): cannot read the codebook; pass --codebook")
    }
    let codebook = try Codebook.decode(codebookData, file: codebookPath)
    let coder = Coder(codebook: codebook)
    let table =
      try indicators.map { try IndicatorTable.load(contentsOf: URL(fileURLWithPath: $0)) }
      ?? IndicatorTable.bundledDefault()
    let extractor = IndicatorExtractor(table: table)

    // Each report is read, parsed, coded and reduced to its partial aggregate on one core; its
    // findings go to a temporary spool, read back a chunk at a time when the outputs are written.
    // Without a writable temporary directory they stay in memory: slower to grow, same outputs.
    let spool: EvidenceSpool?
    do {
      spool = try EvidenceSpool()
    } catch {
      spool = nil
      FileHandle.standardError.write(Data("note: \(error); keeping findings in memory\n".utf8))
    }
    ReportBatch.keepFreedMemory()
    let outcome = await ReportBatch.run(
      discovered, sizeLimit: input.maxInputSize.bytes,
      pdf: PDFTextExtractor(timeout: input.pdfTimeout),
      codebook: codebook, spool: spool
    ) { report in
      (coder.coded(report), extractor.indicators(in: report))
    }
    clock.lap("read, parse, code and reduce \(outcome.inputCount) inputs")
    Diagnostics.report(outcome)
    let failures = outcome.failures.sorted { $0.input < $1.input }
    if input.strict && !failures.isEmpty {
      throw CleanExitError(
        "--strict: \(failures.count) of \(outcome.inputCount) inputs failed or were truncated; nothing written"
      )
    }
    let analysis = Analysis(aggregate: outcome.aggregate, codebook: codebook, indicatorTable: table)
    clock.lap("aggregate")
    let written = try OutputSet.write(
      analysis, formats: format,
      codebook: RunManifest.CodebookInput(
        sha256: SHA256.hex(codebookData), version: codebook.version, themes: codebook.themes.count),
      failures: failures, inputNotes: outcome.duplicateNotes, to: out)
    clock.lap("render and write \(written) files")
    // The run's findings, figures and tables are freed by the process's exit, not one by one.
    ProcessLifetime.keep((outcome, analysis))

    for failure in outcome.failures where failure.kind == "failed" {
      FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
    }
    print(
      "wrote \(written) files to \(out): \(analysis.reports.count) reports, "
        + "\(analysis.areas.count) areas, \(analysis.findingCount) findings")
    if !failures.isEmpty {
      FileHandle.standardError.write(
        Data(
          "error: \(failures.count) of \(outcome.inputCount) inputs failed or were truncated\n"
            .utf8))
      throw ExitCode(Self.partialFailureExitCode)
    }
  }

  /// Parses `md,csv,json` into a set of formats.
  static func formats(_ text: String) throws -> Set<OutputFormat> {
    var out = Set<OutputFormat>()
    for part in text.split(separator: ",") {
      let name = part.trimmingCharacters(in: .whitespaces).lowercased()
      guard let format = OutputFormat(rawValue: name == "markdown" ? "md" : name) else {
        throw ValidationError("unknown format '\(name)'; use md, csv or json")
      }
      out.insert(format)
    }
    guard !out.isEmpty else {
      throw ValidationError("--format needs at least one of md, csv, json")
    }
    return out
  }

}

/// Values kept until the process exits: freeing a large run's aggregate and analysis object by
/// object takes tens of milliseconds on one core, and the operating system reclaims the memory at
/// exit anyway.
enum ProcessLifetime {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var kept: [any Sendable] = []

  static func keep(_ value: any Sendable) {
    lock.withLock { kept.append(value) }
  }
}

/// Wall-clock and CPU time per stage, printed to stderr when enabled (`--timings`): CPU time
/// over wall time is how many cores the stage kept busy.
struct StageClock {
  let enabled: Bool
  private var last = DispatchTime.now()
  private var lastCPU = Self.processCPUSeconds()

  init(enabled: Bool) { self.enabled = enabled }

  /// Prints the time since the previous lap (or the start) against `stage`.
  mutating func lap(_ stage: String) {
    guard enabled else { return }
    let now = DispatchTime.now()
    let cpu = Self.processCPUSeconds()
    let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
    FileHandle.standardError.write(
      Data(
        "timing: \(String(format: "%.3f", seconds)) s  (CPU \(String(format: "%.3f", cpu - lastCPU)) s)  \(stage)\n"
          .utf8))
    last = now
    lastCPU = cpu
  }

  /// User and system time of every thread of the process so far.
  private static func processCPUSeconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

/// A fatal error whose message is already in `path: sentence` form.
struct CleanExitError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
