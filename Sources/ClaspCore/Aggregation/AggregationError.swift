/// What can go wrong while aggregating.
public enum AggregationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The temporary file that holds the findings of a large run could not be made, written or read.
  case spoolFailed(reason: String)

  public var description: String {
    switch self {
    case .spoolFailed(let reason): "evidence spool: \(reason)"
    }
  }
}
