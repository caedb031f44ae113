import Foundation

extension IndicatorTable {
  /// Loads and validates the indicator table at `url`.
  /// - Throws: `IndicatorTableError`, naming the file and the JSON path of the first problem.
  public static func load(contentsOf url: URL) throws(IndicatorTableError) -> IndicatorTable {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: url.path, reason: "no such file or not readable")
    }
    return try decode(data, file: url.path)
  }

  /// Loads the default table, `Data/indicators.json`, found by `defaultURL()`.
  /// - Throws: `IndicatorTableError.unreadable` when no table is found, or a validation error.
  public static func bundledDefault() throws(IndicatorTableError) -> IndicatorTable {
    guard let url = defaultURL() else {
      throw .unreadable(
        file: "Data/indicators.json",
        reason: "not found in the working directory or beside the executable; pass --table")
    }
    return try load(contentsOf: url)
  }

  /// Where the default table is: `$CLASP_INDICATORS`, else `Data/indicators.json` in the working
  /// directory or in a parent of the running executable's directory (a checkout's `.build/debug`).
  public static func defaultURL() -> URL? {
    DataFile.url(named: "indicators.json", overrideVariable: "CLASP_INDICATORS")
  }

  /// Decodes and validates indicator table JSON; `file` names the source in error messages.
  /// - Throws: `IndicatorTableError`.
  public static func decode(_ data: Data, file: String) throws(IndicatorTableError)
    -> IndicatorTable
  {
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw .malformedJSON(file: file, reason: "check brackets, commas and quotes")
    }
    return try IndicatorTableReader(file: file).table(root)
  }
}

/// Walks untyped JSON, checking every key and value and remembering the path for errors.
private struct IndicatorTableReader: JSONTableReading {
  typealias Failure = IndicatorTableError
  let file: String

  func table(_ root: Any) throws(IndicatorTableError) -> IndicatorTable {
    let o = try dictionary(
      root, at: "$",
      keys: ["version", "kinds", "references", "claimCues", "periodCues", "continuationCues"],
      required: ["version", "kinds"])
    let version = try integer(o["version"]!, at: "version")
    guard version == 1 else {
      throw .unsupportedVersion(file: file, path: "version", version: version)
    }
    let list = try array(o["kinds"]!, at: "kinds", expected: "an array of kinds")
    guard !list.isEmpty else { throw .emptyValue(file: file, path: "kinds") }
    var kinds: [IndicatorKind] = []
    var seen = Set<IndicatorKindID>()
    for (i, item) in list.enumerated() {
      let kind = try kind(item, at: "kinds[\(i)]")
      guard seen.insert(kind.id).inserted else {
        throw .duplicateID(file: file, path: "kinds[\(i)].id", id: kind.id.rawValue)
      }
      kinds.append(kind)
    }
    var references: [IndicatorReferenceRule] = []
    if let r = o["references"] {
      for (i, item) in try array(r, at: "references", expected: "an array of reference rules")
        .enumerated()
      {
        references.append(try reference(item, at: "references[\(i)]"))
      }
    }
    return IndicatorTable(
      version: version, kinds: kinds, references: references,
      claimCues: try patterns(o["claimCues"], at: "claimCues"),
      periodCues: try patterns(o["periodCues"], at: "periodCues"),
      continuationCues: try patterns(o["continuationCues"], at: "continuationCues"))
  }

  func kind(_ value: Any, at path: String) throws(IndicatorTableError) -> IndicatorKind {
    let o = try dictionary(
      value, at: path,
      keys: [
        "id", "label", "definition", "units", "roles", "clause", "context", "exclude",
        "comparatorBases", "recordsLevel", "comparable",
      ],
      required: ["id", "label", "definition", "units", "clause"])
    let id = try string(o["id"]!, at: "\(path).id")
    guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }),
      let first = id.utf8.first, first >= 97, first <= 122
    else { throw .invalidID(file: file, path: "\(path).id", id: id) }
    let units: [IndicatorUnit] = try values(o["units"]!, at: "\(path).units")
    guard !units.isEmpty else { throw .emptyValue(file: file, path: "\(path).units") }
    var roles: [IndicatorRole] = [.figure]
    if let r = o["roles"] {
      roles = try values(r, at: "\(path).roles")
      guard !roles.isEmpty else { throw .emptyValue(file: file, path: "\(path).roles") }
    }
    let clause = try groups(o["clause"]!, at: "\(path).clause")
    let context =
      try o["context"].map { v throws(IndicatorTableError) in try groups(v, at: "\(path).context") }
      ?? []
    var bases: [String] = []
    if let b = o["comparatorBases"] {
      for (i, item) in try array(b, at: "\(path).comparatorBases", expected: "an array of strings")
        .enumerated()
      {
        bases.append(try string(item, at: "\(path).comparatorBases[\(i)]"))
      }
    }
    guard !clause.isEmpty || !bases.isEmpty else {
      throw .matchesEverything(file: file, path: path)
    }
    let recordsLevel = try flag(o["recordsLevel"], at: "\(path).recordsLevel") ?? false
    let comparable = try flag(o["comparable"], at: "\(path).comparable") ?? true
    return IndicatorKind(
      id: IndicatorKindID(rawValue: id), label: try string(o["label"]!, at: "\(path).label"),
      definition: try string(o["definition"]!, at: "\(path).definition"), units: units,
      roles: roles,
      clause: clause, context: context, exclude: try patterns(o["exclude"], at: "\(path).exclude"),
      comparatorBases: bases, recordsLevel: recordsLevel, comparable: comparable)
  }

  func reference(_ value: Any, at path: String) throws(IndicatorTableError)
    -> IndicatorReferenceRule
  {
    let o = try dictionary(
      value, at: path, keys: ["role", "basis", "before", "after"], required: ["role", "basis"])
    let roleText = try string(o["role"]!, at: "\(path).role")
    guard let role = IndicatorRole(rawValue: roleText), role != .figure else {
      throw .unknownValue(
        file: file, path: "\(path).role", value: roleText, allowed: ["target", "comparator"])
    }
    let basis: String? = o["basis"]! is NSNull ? nil : try string(o["basis"]!, at: "\(path).basis")
    let before = try patterns(o["before"], at: "\(path).before")
    let after = try patterns(o["after"], at: "\(path).after")
    guard !before.isEmpty || !after.isEmpty else {
      throw .emptyValue(file: file, path: "\(path).before")
    }
    return IndicatorReferenceRule(role: role, basis: basis, before: before, after: after)
  }

  func groups(_ value: Any, at path: String) throws(IndicatorTableError) -> [[String]] {
    var out: [[String]] = []
    for (g, group) in try array(value, at: path, expected: "an array of phrase arrays").enumerated()
    {
      let list = try patterns(group, at: "\(path)[\(g)]")
      guard !list.isEmpty else { throw .emptyValue(file: file, path: "\(path)[\(g)]") }
      out.append(list)
    }
    return out
  }

  func values<T: RawRepresentable & CaseIterable>(
    _ value: Any, at path: String
  ) throws(IndicatorTableError) -> [T] where T.RawValue == String {
    var out: [T] = []
    for (i, item) in try array(value, at: path, expected: "an array of strings").enumerated() {
      let text = try string(item, at: "\(path)[\(i)]")
      guard let v = T(rawValue: text) else {
        throw .unknownValue(
          file: file, path: "\(path)[\(i)]", value: text, allowed: T.allCases.map(\.rawValue))
      }
      out.append(v)
    }
    return out
  }

  func patterns(_ value: Any?, at path: String) throws(IndicatorTableError) -> [String] {
    try patterns(value, at: path, expected: "an array of phrases")
  }

  func flag(_ value: Any?, at path: String) throws(IndicatorTableError) -> Bool? {
    guard let value else { return nil }
    guard let n = value as? NSNumber, String(cString: n.objCType) == "c" else {
      throw .wrongType(file: file, path: path, expected: "true or false")
    }
    return n.boolValue
  }
}
