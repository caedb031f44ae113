import Foundation

/// Reads report files into normalised text.
public enum ReportReader {
  /// The default size limit for one input file (20 MB).
  public static let defaultSizeLimit = 20 * 1024 * 1024

  /// The name that reads standard input.
  public static let standardInputName = "-"

  /// Reads and normalises the file at `path` (`-` for standard input); PDFs (by their `%PDF-`
  /// signature, whatever the extension) are converted with `pdf` first.
  /// - Throws: `ReadError`.
  public static func read(
    path: String, sizeLimit: Int = defaultSizeLimit, pdf: PDFTextExtractor = PDFTextExtractor()
  ) throws -> SourceText {
    try text(from: try contents(of: path, sizeLimit: sizeLimit), path: path, pdf: pdf)
  }

  /// Decodes and normalises the bytes read from `path`, converting them with `pdf` first when they
  /// are a PDF (the file at `path` is converted; standard input goes through a temporary file).
  /// - Throws: `ReadError`.
  public static func text(from bytes: [UInt8], path: String, pdf: PDFTextExtractor) throws
    -> SourceText
  {
    guard PDFTextExtractor.isPDF(bytes) else { return try text(from: bytes, path: path) }
    let converted =
      path == standardInputName
      ? try pdf.text(ofPDF: bytes, name: path) : try pdf.text(ofPDFAt: path, name: path)
    return try text(from: converted, path: path)
  }

  /// The raw bytes of `path` (`-` for standard input), refusing more than `sizeLimit` bytes.
  /// - Throws: `ReadError.unreadable` or `ReadError.tooLarge`.
  public static func contents(of path: String, sizeLimit: Int = defaultSizeLimit) throws -> [UInt8]
  {
    if path == standardInputName {
      let data = FileHandle.standardInput.readData(ofLength: sizeLimit + 1)
      if data.count > sizeLimit {
        throw ReadError.tooLarge(path: path, bytes: data.count, limit: sizeLimit)
      }
      return Array(data)
    }
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
        throw ReadError.unreadable(path: path, reason: "it is a directory")
      }
      if let size = attributes[.size] as? Int, size > sizeLimit {
        throw ReadError.tooLarge(path: path, bytes: size, limit: sizeLimit)
      }
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw ReadError.unreadable(
          path: path,
          reason: FileManager.default.isReadableFile(atPath: path)
            ? "cannot open the file" : "permission denied")
      }
      defer { try? handle.close() }
      // The size check above can be stale (a growing file, a FIFO): never read past the limit.
      let data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
      if data.count > sizeLimit {
        throw ReadError.tooLarge(path: path, bytes: data.count, limit: sizeLimit)
      }
      return Array(data)
    } catch let error as ReadError {
      throw error
    } catch {
      throw ReadError.unreadable(path: path, reason: Self.reason(error))
    }
  }

  /// Decodes and normalises `bytes` that came from `path`.
  /// - Throws: `ReadError.empty` or `ReadError.binary`.
  public static func text(from bytes: [UInt8], path: String) throws -> SourceText {
    let (lines, encoding) = try TextDecoder.decode(
      bytes, path: path, TextNormaliser.normalisedLines(utf8:))
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
