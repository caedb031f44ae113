/// Why the outputs could not be rendered or written.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The target exists and is not a directory Clasp wrote (no `manifest.json`), so it is left alone.
  case notAnOutputDirectory(path: String)
  /// An output file path would leave the output directory.
  case unsafeOutputPath(path: String)
  /// The file system refused a write or rename.
  case cannotWrite(path: String, reason: String)
  /// A value could not be encoded as JSON.
  case cannotEncode(file: String, reason: String)
  /// The findings of the run could not be read back from their temporary spool.
  case evidenceUnavailable(reason: String)

  public var description: String {
    switch self {
    case .notAnOutputDirectory(let path):
      "\(path): refusing to replace a non-empty directory that has no manifest.json from clasp"
    case .unsafeOutputPath(let path): "\(path): output path leaves the output directory"
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .cannotEncode(let file, let reason): "\(file): cannot encode: \(reason)"
    case .evidenceUnavailable(let reason): "cannot read the findings back: \(reason)"
    }
  }
}
