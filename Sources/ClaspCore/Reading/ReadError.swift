/// Why an input could not be read as report text.
public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// The file holds no text.
  case empty(path: String)
  /// The file holds binary data (NUL bytes or mostly control bytes), not text.
  case binary(path: String)
  /// The file is larger than the configured limit.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// The input is a PDF and `pdftotext` is not installed.
  case pdfToolMissing(path: String)
  /// `pdftotext` could not convert the PDF (corrupt, encrypted, or no text layer).
  case pdfFailed(path: String, reason: String)
  /// `pdftotext` did not finish within the time limit.
  case pdfTimedOut(path: String, seconds: Double)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot read the file: \(reason)"
    case .empty(let path): "\(path): the file is empty"
    case .binary(let path): "\(path): the file is binary data, not report text"
    case .tooLarge(let path, let bytes, let limit):
      "\(path): the file is \(bytes) bytes, over the \(limit)-byte limit"
    case .pdfToolMissing(let path):
      "\(path): cannot read a PDF without pdftotext; install the \(PDFTextExtractor.package) package "
        + "(apt-get install \(PDFTextExtractor.package))"
    case .pdfFailed(let path, let reason): "\(path): cannot convert the PDF to text: \(reason)"
    case .pdfTimedOut(let path, let seconds):
      "\(path): pdftotext did not finish within \(Self.format(seconds)) seconds"
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
