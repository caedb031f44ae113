/// Why normalised text could not be parsed as a CLAS review.
public enum StructureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The text is not a CQC Children Looked After and Safeguarding review.
  case notCLASReview(path: String, reason: String)

  public var description: String {
    switch self {
    case .notCLASReview(let path, let reason):
      "\(path): not a CQC Children Looked After and Safeguarding review: \(reason)"
    }
  }
}
