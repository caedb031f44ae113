import ArgumentParser
import ClaspCore

struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the recovered structure of CLAS review reports.")

  @Argument(help: "Report files (.txt, .md).") var files: [String]

  func run() throws {
    throw CleanExit.message("not yet")
  }
}
