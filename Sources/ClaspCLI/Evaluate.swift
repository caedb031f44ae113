import ArgumentParser
import ClaspCore
import Foundation

struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score the coder against gold annotation: per-theme precision, recall and F1.",
    discussion: """
      Each report is coded and compared with <gold>/<slug>.jsonl on the five themes of the annotation \
      guide. Prints one row per theme, then micro-F1 and polarity agreement (the share of unit-theme \
      pairs coded by both whose polarity matches). With --min-f1, exits 1 when micro-F1 or any \
      theme's F1 falls below it.
      """)

  @Option(help: "The directory of gold JSON Lines files, one <slug>.jsonl per report.") var gold:
    String

  @Argument(help: "Report files (.txt, .md).") var files: [String]

  @Option(help: "A codebook JSON file (default: Data/codebook.json).") var codebook: String?

  @Option(name: .customLong("min-f1"), help: "Fail when micro-F1 or any theme's F1 is below this.")
  var minF1: Double?

  @Flag(help: "Also list every disagreement with gold.") var verbose = false

  func validate() throws {
    if let minF1, !(0...1).contains(minF1) {
      throw ValidationError("--min-f1 must be between 0 and 1")
    }
  }

  func run() throws {
    let book =
      try codebook.map { try Codebook.load(contentsOf: URL(fileURLWithPath: $0)) }
      ?? Codebook.bundledDefault()
    let coder = Coder(codebook: book)
    var predicted: [GoldAnnotation] = []
    var expected: [GoldAnnotation] = []
    for file in files {
      let report = try ReportLoader.load(path: file)
      predicted += GoldAnnotation.from(findings: coder.findings(in: report), of: report)
      let slug = report.metadata.slug
      let path = URL(fileURLWithPath: gold).appendingPathComponent("\(slug).jsonl").path
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw EvaluationError.noGold(report: slug, directory: gold)
      }
      expected += try GoldAnnotation.parse(jsonLines: text, file: path)
    }
    let evaluation = Evaluation(
      predicted: predicted, gold: expected, themes: Codebook.requiredThemes)
    print(evaluation.table(), terminator: "")
    for missing in evaluation.missingUnits {
      FileHandle.standardError.write(
        Data("warning: gold unit \(missing) was not found by the parser\n".utf8))
    }
    if verbose {
      for d in evaluation.disagreements {
        print(
          "\(d.report) \(d.unit) \(d.theme): gold \(d.gold?.rawValue ?? "-"), coded \(d.predicted?.rawValue ?? "-")"
        )
      }
    }
    if let minF1, evaluation.microF1 < minF1 || evaluation.minimumF1 < minF1 {
      FileHandle.standardError.write(
        Data(
          "error: F1 below \(minF1) (micro \(Evaluation.format(evaluation.microF1)), lowest theme \(Evaluation.format(evaluation.minimumF1)))\n"
            .utf8))
      throw ExitCode(1)
    }
  }
}
