import ClaspCore
import Foundation

/// The codebook loading and coding `analyse` runs, in one place so the stages can be swapped whole.
struct AnalysisStages: Sendable {
  let coder: Coder

  init(codebook: Codebook) { coder = Coder(codebook: codebook) }

  /// Decodes and validates the codebook JSON read from `file`.
  /// - Throws: `CodebookError` naming the file and JSON path of the first problem.
  static func codebook(_ data: Data, file: String) throws -> Codebook {
    try Codebook.decode(data, file: file)
  }

  /// The findings of `report`.
  func findings(in report: Report) -> [Finding] { coder.findings(in: report) }
}
