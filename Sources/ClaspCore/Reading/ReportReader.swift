import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    // Plain POSIX calls: Foundation's attribute dictionary and `Data` cost more than reading a
    // 100 KB report does, and a run reads thousands.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw ReadError.unreadable(path: path, reason: reason(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw ReadError.unreadable(path: path, reason: reason(errno))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      throw ReadError.unreadable(path: path, reason: "it is a directory")
    }
    let size = Int(status.st_size)
    if status.st_mode & S_IFMT == S_IFREG, size > sizeLimit {
      throw ReadError.tooLarge(path: path, bytes: size, limit: sizeLimit)
    }
    // The size from fstat can be stale (a growing file) or absent (a FIFO): read until end of file,
    // never past the limit.
    var bytes = [UInt8](repeating: 0, count: min(max(size, 0), sizeLimit) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard bytes.count <= sizeLimit else { break }
        bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, sizeLimit + 1 - count)))
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw ReadError.unreadable(path: path, reason: reason(errno))
      }
      if got == 0 { break }
      count += got
    }
    if count > sizeLimit { throw ReadError.tooLarge(path: path, bytes: count, limit: sizeLimit) }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// The reason a POSIX call failed with `code`, as the errors of this module word it.
  private static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT, ENOTDIR: return "no such file"
    case EACCES, EPERM: return "permission denied"
    case EISDIR: return "it is a directory"
    default: return String(cString: strerror(code)).lowercased()
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
}

/// POSIX `read`, under a name `ReportReader.read` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int
{
  #if canImport(Glibc)
  Glibc.read(descriptor, buffer, count)
  #else
  Darwin.read(descriptor, buffer, count)
  #endif
}
