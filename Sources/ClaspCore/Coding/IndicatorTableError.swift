/// Why an indicator table could not be loaded; every case names the file and the JSON path of the bad
/// value.
public enum IndicatorTableError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file is not JSON.
  case malformedJSON(file: String, reason: String)
  /// A value has the wrong JSON type.
  case wrongType(file: String, path: String, expected: String)
  /// A required key is absent.
  case missingKey(file: String, path: String)
  /// A key the format does not define (often a misspelling).
  case unknownKey(file: String, path: String)
  /// A string or list that must not be empty is empty.
  case emptyValue(file: String, path: String)
  /// A kind id that is not a lowercase snake_case identifier.
  case invalidID(file: String, path: String, id: String)
  /// Two kinds share an id.
  case duplicateID(file: String, path: String, id: String)
  /// A value outside its closed set (a unit, a role).
  case unknownValue(file: String, path: String, value: String, allowed: [String])
  /// A phrase that the pattern language rejects.
  case invalidPattern(file: String, path: String, problem: PatternError)
  /// A kind with neither clause phrases nor comparator bases would match every figure.
  case matchesEverything(file: String, path: String)
  /// The format version is not one this build reads.
  case unsupportedVersion(file: String, path: String, version: Int)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read the indicator table: \(reason)"
    case .malformedJSON(let file, let reason):
      "\(file): the indicator table is not valid JSON: \(reason)"
    case .wrongType(let file, let path, let expected): "\(file): \(path): expected \(expected)"
    case .missingKey(let file, let path): "\(file): \(path): required key is missing"
    case .unknownKey(let file, let path): "\(file): \(path): unknown key"
    case .emptyValue(let file, let path): "\(file): \(path): must not be empty"
    case .invalidID(let file, let path, let id):
      "\(file): \(path): kind id \"\(id)\" must be lowercase letters, digits and underscores"
    case .duplicateID(let file, let path, let id): "\(file): \(path): duplicate kind id \"\(id)\""
    case .unknownValue(let file, let path, let value, let allowed):
      "\(file): \(path): \"\(value)\" is not one of \(allowed.joined(separator: ", "))"
    case .invalidPattern(let file, let path, let problem): "\(file): \(path): \(problem)"
    case .matchesEverything(let file, let path):
      "\(file): \(path): a kind needs clause phrases or comparator bases"
    case .unsupportedVersion(let file, let path, let version):
      "\(file): \(path): unsupported indicator table version \(version) (this build reads version 1)"
    }
  }
}
