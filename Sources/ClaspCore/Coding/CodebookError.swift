/// Why a codebook could not be loaded; every case names the file and the JSON path of the bad value.
public enum CodebookError: Error, Equatable, Sendable, CustomStringConvertible {
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
  /// A string that must not be empty is empty.
  case emptyValue(file: String, path: String)
  /// A theme id that is not a lowercase snake_case identifier.
  case invalidID(file: String, path: String, id: String)
  /// Two themes share an id.
  case duplicateID(file: String, path: String, id: String)
  /// A parent names no theme of the codebook.
  case unknownParent(file: String, path: String, parent: String)
  /// Following parents from a theme comes back to it.
  case parentCycle(file: String, path: String, cycle: [String])
  /// A pattern that the pattern language rejects.
  case invalidPattern(file: String, path: String, problem: PatternError)
  /// A theme with no `strong` or `include` pattern can never match.
  case noPatterns(file: String, path: String)
  /// A number outside its allowed range.
  case outOfRange(file: String, path: String, value: Int, minimum: Int)
  /// The format version is not one this build reads.
  case unsupportedVersion(file: String, path: String, version: Int)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read the codebook: \(reason)"
    case .malformedJSON(let file, let reason): "\(file): the codebook is not valid JSON: \(reason)"
    case .wrongType(let file, let path, let expected): "\(file): \(path): expected \(expected)"
    case .missingKey(let file, let path): "\(file): \(path): required key is missing"
    case .unknownKey(let file, let path): "\(file): \(path): unknown key"
    case .emptyValue(let file, let path): "\(file): \(path): must not be empty"
    case .invalidID(let file, let path, let id):
      "\(file): \(path): theme id \"\(id)\" must be lowercase letters, digits and underscores"
    case .duplicateID(let file, let path, let id): "\(file): \(path): duplicate theme id \"\(id)\""
    case .unknownParent(let file, let path, let parent):
      "\(file): \(path): parent \"\(parent)\" is not a theme of this codebook"
    case .parentCycle(let file, let path, let cycle):
      "\(file): \(path): parents form a cycle: \(cycle.joined(separator: " -> "))"
    case .invalidPattern(let file, let path, let problem): "\(file): \(path): \(problem)"
    case .noPatterns(let file, let path):
      "\(file): \(path): a theme needs at least one strong or include pattern"
    case .outOfRange(let file, let path, let value, let minimum):
      "\(file): \(path): \(value) is below the minimum \(minimum)"
    case .unsupportedVersion(let file, let path, let version):
      "\(file): \(path): unsupported codebook version \(version) (this build reads version 1)"
    }
  }
}
