import Foundation

/// Reads report files into normalised text.
public enum ReportReader {
  /// The default size limit for one input file (20 MB).
  public static let defaultSizeLimit = 20 * 1024 * 1024

  /// Reads and normalises the file at `path`.
  /// - Throws: `ReadError`.
  public static func read(path: String, sizeLimit: Int = defaultSizeLimit) throws -> SourceText {
    let bytes: [UInt8]
    do {
      let url = URL(fileURLWithPath: path)
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      if let size = attributes[.size] as? Int, size > sizeLimit {
        throw ReadError.tooLarge(path: path, bytes: size, limit: sizeLimit)
      }
      if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
        throw ReadError.unreadable(path: path, reason: "it is a directory")
      }
      bytes = Array(try Data(contentsOf: url))
    } catch let error as ReadError {
      throw error
    } catch {
      throw ReadError.unreadable(path: path, reason: Self.reason(error))
    }
    return try text(from: bytes, path: path)
  }

  /// Decodes and normalises `bytes` that came from `path`.
  /// - Throws: `ReadError.empty` or `ReadError.binary`.
  public static func text(from bytes: [UInt8], path: String) throws -> SourceText {
    let (decoded, encoding) = try TextDecoder.decode(bytes, path: path)
    let normalised = TextNormaliser.normalise(decoded)
    let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let repaired = ExtractionRepair.repair(lines)
    return SourceText(
      path: path, encoding: encoding, lines: repaired.lines, lineNumbers: repaired.lineNumbers)
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain {
      switch nsError.code {
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
      case NSFileReadNoPermissionError: return "permission denied"
      default: break
      }
    }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    return nsError.localizedDescription
  }
}
