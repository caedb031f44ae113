import ClaspCore
import Foundation

/// The codebook loading and coding `analyse` runs, in one place so the stages can be swapped whole.
struct AnalysisStages: Sendable {
  let codebook: Codebook

  /// Decodes the codebook JSON read from `file`.
  /// - Throws: the decoder's error when the JSON does not match the codebook format.
  static func codebook(_ data: Data, file: String) throws -> Codebook {
    // The validating loader (`Codebook.decode(_:file:)`) and the coder live on the coding branch;
    // until they land on main this decodes the model directly and codes nothing.
    do {
      return try JSONDecoder().decode(Codebook.self, from: data)
    } catch {
      throw CleanExitError("\(file): not a codebook: \(error)")
    }
  }

  /// The findings of `report`.
  func findings(in report: Report) -> [Finding] { [] }
}
