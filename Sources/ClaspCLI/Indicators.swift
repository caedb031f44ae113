import ArgumentParser
import ClaspCore
import Foundation

struct Indicators: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Extract the figures CLAS reports quote (percentages, rates, scores) as an indicator table.",
    discussion: """
      Every percentage, "N per 1,000", "N out of M", average score and count of children considered, \
      with its sentence, unit, kind (from Data/indicators.json), level, target, comparator, \
      organisation, period and whether the report was told it rather than observed it.
      """)

  @Argument(help: "Report files (.txt, .md).") var files: [String]

  @Option(help: "Output format: md, csv or json.") var format: IndicatorFormat = .md

  @Option(help: "Indicator table (default: Data/indicators.json).") var table: String?

  @Flag(help: "List only figures the table classifies.") var classifiedOnly = false

  func run() throws {
    let loaded =
      try table.map { try IndicatorTable.load(contentsOf: URL(fileURLWithPath: $0)) }
      ?? IndicatorTable.bundledDefault()
    let extractor = IndicatorExtractor(table: loaded)
    var indicators: [Indicator] = []
    var failures = 0
    for file in files {
      do {
        indicators += extractor.indicators(in: try ReportLoader.load(path: file))
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    if classifiedOnly { indicators = indicators.filter { $0.kind != nil } }
    switch format {
    case .md: print(IndicatorMarkdownRenderer.render(indicators, table: loaded), terminator: "")
    case .csv: print(IndicatorCSVRenderer.render(indicators), terminator: "")
    case .json: print(IndicatorJSONRenderer.render(indicators), terminator: "")
    }
    if failures > 0 {
      FileHandle.standardError.write(
        Data("error: \(failures) of \(files.count) inputs failed\n".utf8))
      throw ExitCode(1)
    }
  }
}

enum IndicatorFormat: String, ExpressibleByArgument, CaseIterable {
  case md, csv, json
}
