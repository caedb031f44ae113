import Foundation

/// Finds the engine's bundled tables (`Data/codebook.json`, `Data/indicators.json`).
enum DataFile {
  /// `$<variable>` when it names an existing file, else `Data/<name>` in the working directory or
  /// in a parent of the running executable's directory (a checkout's `.build/debug`).
  static func url(named name: String, overrideVariable variable: String) -> URL? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment[variable], fm.fileExists(atPath: env) {
      return URL(fileURLWithPath: env)
    }
    var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
    var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      candidates.append(dir)
      dir = dir.deletingLastPathComponent()
    }
    for base in candidates {
      let url = base.appendingPathComponent("Data/\(name)")
      if fm.fileExists(atPath: url.path) { return url }
    }
    return nil
  }
}
