import ArgumentParser
import ClaspCore

@main
struct Clasp: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clasp",
    abstract: "Comparative analytics for CQC Children Looked After and Safeguarding reviews.",
    version: ClaspVersion.current,
    subcommands: [
      Parse.self, Analyse.self, Code.self, Evaluate.self, GenerateCorpus.self, Indicators.self,
    ]
  )
}
