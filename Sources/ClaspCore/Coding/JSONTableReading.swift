import Foundation

/// The error cases every hand-validated JSON table (codebook, indicator table) shares.
///
/// Enum cases of the conforming error types satisfy these requirements directly.
protocol JSONTableError: Error {
  static func wrongType(file: String, path: String, expected: String) -> Self
  static func missingKey(file: String, path: String) -> Self
  static func unknownKey(file: String, path: String) -> Self
  static func emptyValue(file: String, path: String) -> Self
  static func invalidPattern(file: String, path: String, problem: PatternError) -> Self
}

/// Walks untyped JSON, checking keys and values and naming the file and JSON path in errors.
protocol JSONTableReading {
  associatedtype Failure: JSONTableError
  /// The file name used in error messages.
  var file: String { get }
}

extension JSONTableReading {
  /// `value` as an object whose keys are all in `keys` and include every `required` key.
  func dictionary(
    _ value: Any, at path: String, keys: Set<String>, required: [String]
  ) throws(Failure) -> [String: Any] {
    guard let o = value as? [String: Any] else {
      throw .wrongType(file: file, path: path, expected: "an object")
    }
    if let unknown = o.keys.filter({ !keys.contains($0) }).sorted().first {
      throw .unknownKey(file: file, path: path == "$" ? unknown : "\(path).\(unknown)")
    }
    for key in required where o[key] == nil {
      throw .missingKey(file: file, path: path == "$" ? key : "\(path).\(key)")
    }
    return o
  }

  /// `value` as an array.
  func array(_ value: Any, at path: String, expected: String) throws(Failure) -> [Any] {
    guard let list = value as? [Any] else {
      throw .wrongType(file: file, path: path, expected: expected)
    }
    return list
  }

  /// `value` as a string, non-blank unless `allowEmpty`.
  func string(_ value: Any, at path: String, allowEmpty: Bool = false) throws(Failure) -> String {
    guard let s = value as? String else {
      throw .wrongType(file: file, path: path, expected: "a string")
    }
    if !allowEmpty && s.allSatisfy(\.isWhitespace) { throw .emptyValue(file: file, path: path) }
    return s
  }

  /// `value` as an integer (a JSON boolean is not one).
  func integer(_ value: Any, at path: String) throws(Failure) -> Int {
    // Booleans arrive as NSNumber too; their Objective-C type code is "c".
    if let n = value as? NSNumber, String(cString: n.objCType) != "c",
      let i = Int(exactly: n.doubleValue)
    {
      return i
    }
    throw .wrongType(file: file, path: path, expected: "an integer")
  }

  /// `value` as a list of patterns of the pattern language, each checked; absent means none.
  func patterns(_ value: Any?, at path: String, expected: String) throws(Failure) -> [String] {
    guard let value else { return [] }
    var out: [String] = []
    for (i, item) in try array(value, at: path, expected: expected).enumerated() {
      let text = try string(item, at: "\(path)[\(i)]", allowEmpty: true)
      do {
        _ = try Pattern(parsing: text)
      } catch {
        throw .invalidPattern(file: file, path: "\(path)[\(i)]", problem: error)
      }
      out.append(text)
    }
    return out
  }
}

extension CodebookError: JSONTableError {}
extension IndicatorTableError: JSONTableError {}
