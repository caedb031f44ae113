import ArgumentParser
import ClaspCore
import Foundation

struct Analyse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Turn a folder of reports into theme x area matrices, a national summary and evidence pages.",
    discussion: """
      Reads every report (a directory contributes its *.txt files), codes it with the codebook, \
      aggregates across areas and writes the outputs into --out, replacing it only when every file is \
      written. Reports are processed in parallel. Exit status: 0 when every input was analysed; \
      \(partialFailureExitCode) when some inputs failed (they are listed in manifest.json and on \
      stderr, and the outputs cover the rest); 1 when nothing could be written (bad codebook, no \
      inputs, output directory refused).
      """)

  /// The exit status when some inputs failed but the outputs were written for the rest.
  static let partialFailureExitCode: Int32 = 2

  @Argument(help: "Report files or directories of *.txt reports (default: Data/reports).")
  var inputs: [String] = []

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

  func run() throws {
    let files = try Self.expand(inputs.isEmpty ? ["Data/reports"] : inputs)
    guard !files.isEmpty else {
      throw CleanExitError(
        "\(inputs.isEmpty ? "Data/reports" : inputs.joined(separator: ", ")): no report files (*.txt) found"
      )
    }
    let codebookPath = self.codebook ?? Codebook.defaultURL()?.path ?? "Data/codebook.json"
    guard let codebookData = FileManager.default.contents(atPath: codebookPath) else {
      throw CleanExitError("\(codebookPath): cannot read the codebook; pass --codebook")
    }
    let codebook = try Codebook.decode(codebookData, file: codebookPath)
    let coder = Coder(codebook: codebook)
    let table = try indicators.map { try IndicatorTable.load(contentsOf: URL(fileURLWithPath: $0)) }
      ?? IndicatorTable.bundledDefault()
    let extractor = IndicatorExtractor(table: table)

    let outcome = ReportBatch.run(inputs: files, codebook: codebook) { path in
      let report = try ReportLoader.load(path: path)
      return (report, coder.findings(in: report), extractor.indicators(in: report))
    }
    let analysis = Analysis(aggregate: outcome.aggregate, codebook: codebook, indicatorTable: table)
    let outputs = try OutputSet.render(
      analysis, formats: format,
      codebook: RunManifest.CodebookInput(
        sha256: SHA256.hex(codebookData), version: codebook.version, themes: codebook.themes.count),
      failures: outcome.failures)
    try OutputDirectory.write(outputs, to: out)

    for failure in outcome.failures {
      FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
    }
    print(
      "wrote \(outputs.count) files to \(out): \(analysis.reports.count) reports, "
        + "\(analysis.areas.count) areas, \(analysis.findings.count) findings")
    if !outcome.failures.isEmpty {
      FileHandle.standardError.write(
        Data("error: \(outcome.failures.count) of \(files.count) inputs failed\n".utf8))
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

  /// Files named directly, plus the non-hidden `*.txt` files of named directories, deduplicated and
  /// sorted (the order does not affect the outputs, but it keeps messages stable).
  static func expand(_ inputs: [String]) throws -> [String] {
    var files = Set<String>()
    let manager = FileManager.default
    for input in inputs {
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
        let names = try manager.contentsOfDirectory(atPath: input)
        for name in names where !name.hasPrefix(".") && name.lowercased().hasSuffix(".txt") {
          files.insert(URL(fileURLWithPath: input).appendingPathComponent(name).relativePath)
        }
      } else {
        files.insert(input)
      }
    }
    return files.sorted()
  }
}

/// A fatal error whose message is already in `path: sentence` form.
struct CleanExitError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
