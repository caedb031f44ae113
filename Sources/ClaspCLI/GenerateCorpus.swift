import ArgumentParser
import ClaspCore
import Foundation

struct GenerateCorpus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate-corpus",
    abstract: "Write N distinct synthetic reports derived from seed reports, for benchmarks.",
    discussion: """
      Report k renames the area of seed k mod S, shifts its years, shuffles and renumbers the \
      findings within each section and swaps about a quarter of them for findings sampled from \
      other seeds. The same seeds and count always give the same files.
      """)

  @Option(help: "How many reports to write.") var count: Int = 150
  @Option(help: "Directory to write report-NNNNN.txt files into.") var out: String
  @Argument(help: "Seed report files.") var seeds: [String] = []

  func validate() throws {
    guard count > 0 else { throw ValidationError("--count must be positive") }
  }

  func run() throws {
    let paths =
      seeds.isEmpty
      ? try FileManager.default.contentsOfDirectory(atPath: "Data/reports")
        .filter { $0.hasSuffix(".txt") }.sorted().map { "Data/reports/\($0)" } : seeds
    let corpus = try ScaledCorpus(seeds: paths.map { try ReportReader.read(path: $0) })
    let directory = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var bytes = 0
    for index in 0..<count {
      let text = corpus.report(index)
      bytes += text.utf8.count
      let name =
        "report-\(String(repeating: "0", count: max(0, 5 - String(index).count)))\(index).txt"
      try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
    }
    print("wrote \(count) reports (\(bytes) bytes) to \(out)")
  }
}
