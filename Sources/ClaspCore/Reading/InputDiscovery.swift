import Foundation

/// Turns the paths a user gives into the ordered list of report inputs.
///
/// A directory is walked recursively for `.txt`, `.md` and `.pdf` files in byte order of their
/// paths; `-` is standard input; a file named explicitly is always an input, whatever its extension
/// (a missing one then fails when read, so it is reported). Hidden entries, the output directory,
/// project documentation (`README`, `SOURCES`, `LICENSE`...) and links back into a directory
/// already walked are skipped and listed with the reason.
///
/// ```swift
/// let found = InputDiscovery.discover(["Reports", "-"], excluding: ["notebooks-out"])
/// found.inputs   // ["Reports/a/derby.pdf", "Reports/thurrock.txt", "-"]
/// found.skipped  // [SkippedInput(path: "Reports/.cache", reason: .hidden)]
/// ```
public enum InputDiscovery {
  /// The file extensions a directory walk picks up (lowercased).
  public static let extensions: Set<String> = ["txt", "md", "pdf"]
  /// Directory depth beyond which a walk stops (a guard against pathological trees).
  public static let maximumDepth = 64

  /// The inputs named by `arguments`, in order, without repeats of the same path.
  /// - Parameter excluding: directories never read from (the output directory).
  public static func discover(_ arguments: [String], excluding: [String] = []) -> DiscoveredInputs {
    var walk = Walk(excluded: Set(excluding.map(realPath)))
    for argument in arguments {
      if argument == ReportReader.standardInputName {
        walk.add(argument)
        continue
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        walk.directory(argument, depth: 0)
      } else {
        walk.add(argument)
      }
    }
    return DiscoveredInputs(inputs: walk.inputs, skipped: walk.skipped)
  }

  static func realPath(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
  }

  /// Names of project documentation that sits beside reports (Data/reports/SOURCES.md).
  static func isDocumentation(_ name: String) -> Bool {
    let stem = name.split(separator: ".").first.map { $0.uppercased() } ?? ""
    return ["README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "CONTRIBUTING"]
      .contains(stem)
  }

  private struct Walk {
    let excluded: Set<String>
    var visited = Set<String>()
    var seenInputs = Set<String>()
    var inputs: [String] = []
    var skipped: [SkippedInput] = []

    init(excluded: Set<String>) { self.excluded = excluded }

    mutating func add(_ path: String) {
      if seenInputs.insert(path).inserted { inputs.append(path) }
    }

    mutating func directory(_ path: String, depth: Int) {
      let real = InputDiscovery.realPath(path)
      if excluded.contains(real) {
        skipped.append(SkippedInput(path: path, reason: .outputDirectory))
        return
      }
      guard visited.insert(real).inserted else {
        skipped.append(SkippedInput(path: path, reason: .alreadyWalked))
        return
      }
      guard depth < InputDiscovery.maximumDepth else {
        skipped.append(SkippedInput(path: path, reason: .tooDeep))
        return
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: path)
      } catch {
        skipped.append(SkippedInput(path: path, reason: .unreadableDirectory))
        return
      }
      for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
        let child = path.hasSuffix("/") ? path + name : path + "/" + name
        if name.hasPrefix(".") {
          skipped.append(SkippedInput(path: child, reason: .hidden))
          continue
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else {
          // A dangling or looping symbolic link.
          skipped.append(SkippedInput(path: child, reason: .brokenLink))
          continue
        }
        if isDirectory.boolValue {
          directory(child, depth: depth + 1)
          continue
        }
        let ext = (name as NSString).pathExtension.lowercased()
        guard InputDiscovery.extensions.contains(ext) else {
          skipped.append(SkippedInput(path: child, reason: .unsupportedType))
          continue
        }
        if InputDiscovery.isDocumentation(name) {
          skipped.append(SkippedInput(path: child, reason: .documentation))
          continue
        }
        add(child)
      }
    }
  }
}

/// The result of `InputDiscovery.discover`.
public struct DiscoveredInputs: Sendable, Equatable {
  /// Paths to read, in order; `-` is standard input.
  public let inputs: [String]
  /// What a directory walk passed over, and why.
  public let skipped: [SkippedInput]

  public init(inputs: [String], skipped: [SkippedInput]) {
    self.inputs = inputs
    self.skipped = skipped
  }
}

/// A path a directory walk did not read.
public struct SkippedInput: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  /// Why a path was not read.
  public enum Reason: String, Sendable, Codable {
    case hidden
    case outputDirectory = "output-directory"
    case alreadyWalked = "already-walked"
    case brokenLink = "broken-link"
    case unsupportedType = "unsupported-type"
    case documentation
    case unreadableDirectory = "unreadable-directory"
    case tooDeep = "too-deep"
  }

  public let path: String
  public let reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    switch reason {
    case .hidden: "\(path): skipped: hidden"
    case .outputDirectory: "\(path): skipped: it is the output directory"
    case .alreadyWalked: "\(path): skipped: a link to a directory already read (a symlink loop?)"
    case .brokenLink: "\(path): skipped: a broken or looping symbolic link"
    case .unsupportedType: "\(path): skipped: not a .txt, .md or .pdf file"
    case .documentation: "\(path): skipped: project documentation, not a report"
    case .unreadableDirectory: "\(path): skipped: the directory cannot be read"
    case .tooDeep:
      "\(path): skipped: nested more than \(InputDiscovery.maximumDepth) directories deep"
    }
  }
}
