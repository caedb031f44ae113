import Foundation

extension Codebook {
  /// The five themes of the annotation guide, which every codebook used for evaluation must define.
  public static let requiredThemes: [ThemeID] = [
    "supervision", "mash_referral_quality", "hidden_harm", "iha_timeliness", "training_levels",
  ]

  /// Loads and validates the codebook at `url`.
  /// - Throws: `CodebookError`, naming the file and the JSON path of the first problem.
  public static func load(contentsOf url: URL) throws(CodebookError) -> Codebook {
    let file = url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: file, reason: "no such file or not readable")
    }
    return try decode(data, file: file)
  }

  /// Loads the default codebook, `Data/codebook.json`, found by `defaultURL()`.
  /// - Throws: `CodebookError.unreadable` when no default codebook is found, or a validation error.
  public static func bundledDefault() throws(CodebookError) -> Codebook {
    guard let url = defaultURL() else {
      throw .unreadable(
        file: "Data/codebook.json",
        reason: "not found in the working directory or beside the executable; pass --codebook")
    }
    return try load(contentsOf: url)
  }

  /// Where the default codebook is: `$CLASP_CODEBOOK`, else `Data/codebook.json` in the working
  /// directory or in a parent of the running executable's directory (a checkout's `.build/debug`).
  public static func defaultURL() -> URL? {
    DataFile.url(named: "codebook.json", overrideVariable: "CLASP_CODEBOOK")
  }

  /// Decodes and validates codebook JSON; `file` names the source in error messages.
  /// - Throws: `CodebookError`.
  public static func decode(_ data: Data, file: String) throws(CodebookError) -> Codebook {
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw .malformedJSON(file: file, reason: "check brackets, commas and quotes")
    }
    return try CodebookReader(file: file).codebook(root)
  }
}

/// Walks untyped JSON, checking every key and value and remembering the path for errors.
private struct CodebookReader: JSONTableReading {
  typealias Failure = CodebookError
  let file: String

  func codebook(_ root: Any) throws(CodebookError) -> Codebook {
    let object = try dictionary(
      root, at: "$", keys: ["version", "themes"], required: ["version", "themes"])
    let version = try integer(object["version"]!, at: "version")
    guard version == 1 else {
      throw .unsupportedVersion(file: file, path: "version", version: version)
    }
    guard let list = object["themes"] as? [Any] else {
      throw .wrongType(file: file, path: "themes", expected: "an array of themes")
    }
    guard !list.isEmpty else { throw .emptyValue(file: file, path: "themes") }
    var themes: [Theme] = []
    var seen: [ThemeID: Int] = [:]
    for (i, item) in list.enumerated() {
      let t = try theme(item, at: "themes[\(i)]")
      if seen[t.id] != nil {
        throw .duplicateID(file: file, path: "themes[\(i)].id", id: t.id.rawValue)
      }
      seen[t.id] = i
      themes.append(t)
    }
    for (i, t) in themes.enumerated() {
      guard let parent = t.parent else { continue }
      guard seen[parent] != nil else {
        throw .unknownParent(file: file, path: "themes[\(i)].parent", parent: parent.rawValue)
      }
      var chain = [t.id]
      var current = parent
      while true {
        if current == t.id {
          throw .parentCycle(
            file: file, path: "themes[\(i)].parent", cycle: (chain + [t.id]).map(\.rawValue))
        }
        // A cycle not through t is reported from one of its own members.
        if chain.contains(current) { break }
        chain.append(current)
        guard let next = themes[seen[current]!].parent else { break }
        current = next
      }
    }
    return Codebook(version: version, themes: themes)
  }

  func theme(_ value: Any, at path: String) throws(CodebookError) -> Theme {
    let o = try dictionary(
      value, at: path, keys: ["id", "label", "definition", "parent", "rules"],
      required: ["id", "label", "definition", "rules"])
    let id = try string(o["id"]!, at: "\(path).id")
    guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }),
      let first = id.utf8.first, first >= 97, first <= 122
    else { throw .invalidID(file: file, path: "\(path).id", id: id) }
    let label = try string(o["label"]!, at: "\(path).label")
    let definition = try string(o["definition"]!, at: "\(path).definition")
    var parent: ThemeID?
    if let p = o["parent"], !(p is NSNull) {
      parent = ThemeID(rawValue: try string(p, at: "\(path).parent"))
    }
    let rules = try rules(o["rules"]!, at: "\(path).rules")
    return Theme(
      id: ThemeID(rawValue: id), label: label, definition: definition, parent: parent, rules: rules)
  }

  func rules(_ value: Any, at path: String) throws(CodebookError) -> ThemeRules {
    let o = try dictionary(
      value, at: path, keys: ["strong", "include", "exclude", "context", "minSentences"],
      required: [])
    let strong = try patterns(o["strong"], at: "\(path).strong")
    let include = try patterns(o["include"], at: "\(path).include")
    guard !(strong.isEmpty && include.isEmpty) else { throw .noPatterns(file: file, path: path) }
    let exclude = try patterns(o["exclude"], at: "\(path).exclude")
    var context: [[String]] = []
    if let c = o["context"] {
      guard let groups = c as? [Any] else {
        throw .wrongType(
          file: file, path: "\(path).context", expected: "an array of pattern arrays")
      }
      for (g, group) in groups.enumerated() {
        let list = try patterns(group, at: "\(path).context[\(g)]")
        guard !list.isEmpty else { throw .emptyValue(file: file, path: "\(path).context[\(g)]") }
        context.append(list)
      }
    }
    var minSentences = 2
    if let m = o["minSentences"] {
      minSentences = try integer(m, at: "\(path).minSentences")
      guard minSentences >= 1 else {
        throw .outOfRange(file: file, path: "\(path).minSentences", value: minSentences, minimum: 1)
      }
    }
    return ThemeRules(
      strong: strong, include: include, exclude: exclude, context: context,
      minSentences: minSentences)
  }

  func patterns(_ value: Any?, at path: String) throws(CodebookError) -> [String] {
    try patterns(value, at: path, expected: "an array of patterns")
  }
}
