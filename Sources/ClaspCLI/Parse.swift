import ArgumentParser
import ClaspCore
import Foundation

struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the recovered structure of CLAS review reports.",
    discussion: """
      JSON output is one object per report (an array when several inputs are given or found); its \
      schema is documented in the README. Text output lists metadata, sections, units and warnings. \
      Exit status: 0 when every input parsed, 2 when some failed (they are listed on standard error \
      and the rest are printed), 1 when nothing could be read or --strict stopped the run.
      """)

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: json or text.") var format: StructureFormat = .json

  func validate() throws {
    guard !input.inputs.isEmpty else {
      throw ValidationError("give at least one input (- for standard input)")
    }
  }

  func run() throws {
    let loaded = input.load()
    Diagnostics.report(loaded)
    guard !loaded.entries.isEmpty else {
      Diagnostics.write(
        "error", "no .txt, .md or .pdf reports found in \(input.inputs.joined(separator: ", "))")
      throw ExitStatus.couldNotRun
    }
    let failed = loaded.failures.count
    if input.strict && (failed > 0 || !loaded.truncated.isEmpty) {
      Diagnostics.write(
        "error",
        "--strict: \(failed + loaded.truncated.count) of \(loaded.entries.count) inputs failed or were truncated; nothing printed"
      )
      throw ExitStatus.couldNotRun
    }
    let reports = loaded.reports
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let documents = reports.map(ParsedReportDocument.init)
      var isDirectory: ObjCBool = false
      let single =
        input.inputs.count == 1
        && !(FileManager.default.fileExists(atPath: input.inputs[0], isDirectory: &isDirectory)
          && isDirectory.boolValue)
      let data = single ? try documents.first.map(encoder.encode) : try encoder.encode(documents)
      if let data { print(String(decoding: data, as: UTF8.self)) }
    case .text:
      for report in reports { print(StructureTextRenderer.render(report)) }
    }
    if failed > 0 {
      Diagnostics.write("error", "\(failed) of \(loaded.entries.count) inputs failed")
      throw ExitStatus.someInputsFailed
    }
  }
}

enum StructureFormat: String, ExpressibleByArgument, CaseIterable {
  case json, text
}
