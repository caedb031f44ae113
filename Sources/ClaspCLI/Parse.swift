import ArgumentParser
import ClaspCore
import Foundation

struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the recovered structure of CLAS review reports.",
    discussion: """
      JSON output is one object per report (an array when several files are given); its schema is \
      documented in the README. Text output lists metadata, sections, units and warnings.
      """)

  @Argument(help: "Report files (.txt, .md).") var files: [String]

  @Option(help: "Output format: json or text.") var format: StructureFormat = .json

  func run() throws {
    var reports: [Report] = []
    var failures: [String] = []
    for file in files {
      do {
        reports.append(try ReportLoader.load(path: file))
      } catch {
        failures.append(String(describing: error))
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let documents = reports.map(ParsedReportDocument.init)
      let data = files.count == 1 ? try documents.first.map(encoder.encode) : try encoder.encode(documents)
      if let data { print(String(decoding: data, as: UTF8.self)) }
    case .text:
      for report in reports { print(StructureTextRenderer.render(report)) }
    }
    for report in reports {
      for warning in report.warnings {
        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
      }
    }
    if !failures.isEmpty {
      FileHandle.standardError.write(
        Data("error: \(failures.count) of \(files.count) inputs failed\n".utf8))
      throw ExitCode(1)
    }
  }
}

enum StructureFormat: String, ExpressibleByArgument, CaseIterable {
  case json, text
}
