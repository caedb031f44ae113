import ArgumentParser
import ClaspCore
import Foundation

struct Code: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Code every unit of CLAS review reports with the codebook's themes and polarity.",
    discussion: """
      JSON Lines output has one object per unit in the gold annotation format ({"report", "unit", \
      "themes"}) plus "start", "section", "evidence" (the sentences that carried each theme), "matches" (the \
      terms, with byte offsets into the unit text) and "cites". CSV has one row per unit and theme.
      """)

  @Argument(help: "Report files (.txt, .md).") var files: [String]

  @Option(help: "A codebook JSON file (default: Data/codebook.json).") var codebook: String?

  @Option(help: "Output format: jsonl or csv.") var format: CodeFormat = .jsonl

  func run() throws {
    let book =
      try codebook.map { try Codebook.load(contentsOf: URL(fileURLWithPath: $0)) }
      ?? Codebook.bundledDefault()
    let coder = Coder(codebook: book)
    var units: [CodedUnit] = []
    var failures = 0
    for file in files {
      do {
        let report = try ReportLoader.load(path: file)
        units += CodedUnit.units(of: report, findings: coder.findings(in: report))
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    switch format {
    case .jsonl: print(CodedUnitRenderer.jsonLines(units), terminator: "")
    case .csv: print(CodedUnitRenderer.csv(units, order: book.themes.map(\.id)), terminator: "")
    }
    if failures > 0 {
      FileHandle.standardError.write(
        Data("error: \(failures) of \(files.count) inputs failed\n".utf8))
      throw ExitCode(1)
    }
  }
}

enum CodeFormat: String, ExpressibleByArgument, CaseIterable {
  case jsonl, csv
}
