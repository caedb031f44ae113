import Foundation

/// Converts PDF reports to text with `pdftotext` (Debian package poppler-utils) in a subprocess.
///
/// `pdftotext -layout` keeps each header-table row on one line ("Date of review:   27th July...")
/// where the default reading-order mode prints all the labels before all the values; the column
/// gaps, page furniture and hard wraps it leaves are undone by `ExtractionRepair`. The subprocess
/// runs with a time limit and its standard error is captured for the error message.
///
/// ```swift
/// let bytes = try PDFTextExtractor().text(ofPDFAt: "Reports/derby.pdf")
/// ```
public struct PDFTextExtractor: Sendable {
  /// The Debian package that provides `pdftotext`.
  public static let package = "poppler-utils"
  /// The default time limit for one conversion.
  public static let defaultTimeout: Double = 60

  /// The `pdftotext` to run; `nil` searches `PATH`.
  public let executable: String?
  /// Seconds one conversion may take before it is stopped.
  public let timeout: Double

  /// Creates an extractor that runs `executable` (default: `pdftotext` on `PATH`).
  public init(executable: String? = nil, timeout: Double = defaultTimeout) {
    precondition(timeout > 0, "timeout must be positive")
    self.executable = executable
    self.timeout = timeout
  }

  /// True when `bytes` start like a PDF file (`%PDF-` within the first 1024 bytes, as readers allow).
  public static func isPDF<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    let magic: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x2D]
    let head = Array(bytes.prefix(1024))
    guard head.count >= magic.count else { return false }
    for start in 0...(head.count - magic.count) where head[start] == 0x25 {
      if Array(head[start..<(start + magic.count)]) == magic { return true }
    }
    return false
  }

  /// The UTF-8 text of the PDF file at `path`, as `pdftotext -layout` prints it.
  /// - Parameter name: how to name the input in errors (defaults to `path`).
  /// - Throws: `ReadError.pdfToolMissing`, `.pdfFailed`, `.pdfTimedOut`.
  public func text(ofPDFAt path: String, name: String? = nil) throws -> [UInt8] {
    let name = name ?? path
    guard let tool = resolvedExecutable() else { throw ReadError.pdfToolMissing(path: name) }
    let fileManager = FileManager.default
    let work = fileManager.temporaryDirectory.appendingPathComponent(
      "clasp-pdf-\(UUID().uuidString)")
    try? fileManager.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? fileManager.removeItem(at: work) }
    let output = work.appendingPathComponent("out.txt")
    let errors = work.appendingPathComponent("stderr.txt")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-layout", "-enc", "UTF-8", "-eol", "unix", path, output.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    guard fileManager.createFile(atPath: errors.path, contents: nil),
      let errorHandle = FileHandle(forWritingAtPath: errors.path)
    else {
      throw ReadError.pdfFailed(path: name, reason: "cannot create a temporary file")
    }
    defer { try? errorHandle.close() }
    process.standardError = errorHandle
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      throw ReadError.pdfToolMissing(path: name)
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 2) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        _ = finished.wait(timeout: .now() + 2)
      }
      throw ReadError.pdfTimedOut(path: name, seconds: timeout)
    }
    guard process.terminationStatus == 0 else {
      let stderr = (try? Data(contentsOf: errors)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      throw ReadError.pdfFailed(
        path: name, reason: Self.reason(stderr, status: process.terminationStatus))
    }
    let text = Array((try? Data(contentsOf: output)) ?? Data())
    guard text.contains(where: { $0 > 0x20 && $0 != 0x0C }) else {
      throw ReadError.pdfFailed(path: name, reason: "it has no text layer (a scanned copy?)")
    }
    return text
  }

  /// The UTF-8 text of a PDF given as bytes (standard input), via a temporary file.
  /// - Throws: as `text(ofPDFAt:name:)`, or `ReadError.unreadable` when the temporary file fails.
  public func text(ofPDF bytes: [UInt8], name: String) throws -> [UInt8] {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("clasp-stdin-\(UUID().uuidString).pdf")
    do {
      try Data(bytes).write(to: file)
    } catch {
      throw ReadError.unreadable(path: name, reason: "cannot write a temporary copy of the PDF")
    }
    defer { try? FileManager.default.removeItem(at: file) }
    return try text(ofPDFAt: file.path, name: name)
  }

  /// The executable to run, or `nil` when none is installed.
  public func resolvedExecutable() -> String? {
    let fileManager = FileManager.default
    if let executable {
      return fileManager.isExecutableFile(atPath: executable) ? executable : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/pdftotext"
      if fileManager.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The first meaningful line of pdftotext's error output, lowercased like our own messages.
  static func reason(_ stderr: String, status: Int32) -> String {
    let lines = stderr.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let first = lines.first(where: { !$0.isEmpty }) else {
      return "pdftotext exited with status \(status)"
    }
    let detail = first.count > 160 ? String(first.prefix(160)) + "..." : first
    return "pdftotext exited with status \(status): \(detail)"
  }
}
