import ArgumentParser
import ClaspCore
import Foundation

/// The input options `parse` and `analyse` share: discovery, size limit, PDF conversion, strictness.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Report files or directories (.txt, .md, .pdf; directories are searched recursively).",
      discussion: "- reads one report from standard input."))
  var inputs: [String] = []

  @Option(
    name: .customLong("max-input-size"),
    help: "Largest input accepted, e.g. 20MB, 512KB or a byte count.")
  var maxInputSize: ByteCount = ByteCount(ReportReader.defaultSizeLimit)

  @Option(name: .customLong("pdf-timeout"), help: "Seconds allowed for converting one PDF.")
  var pdfTimeout: Double = PDFTextExtractor.defaultTimeout

  @Flag(help: "Treat any failed or truncated input as fatal: report it and write nothing.")
  var strict = false

  func validate() throws {
    guard pdfTimeout > 0 else { throw ValidationError("--pdf-timeout must be positive") }
    guard maxInputSize.bytes > 0 else { throw ValidationError("--max-input-size must be positive") }
  }

  /// Discovers and loads the inputs, skipping `excluding` (the output directory).
  func load(excluding: [String] = []) -> ReportInputs {
    let discovered = InputDiscovery.discover(inputs, excluding: excluding)
    return ReportInputs.load(
      discovered, sizeLimit: maxInputSize.bytes, pdf: PDFTextExtractor(timeout: pdfTimeout))
  }
}

/// A byte count given as `20MB`, `512KB`, `1GB` or plain bytes (binary multiples).
struct ByteCount: ExpressibleByArgument, Equatable {
  let bytes: Int

  init(_ bytes: Int) { self.bytes = bytes }

  init?(argument: String) {
    let text = argument.uppercased().filter { $0 != " " }
    let units: [(String, Int)] = [
      ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20),
      ("K", 1 << 10), ("B", 1),
    ]
    for (suffix, scale) in units where text.hasSuffix(suffix) {
      guard let value = Double(text.dropLast(suffix.count)), value >= 0 else { return nil }
      bytes = Int(value * Double(scale))
      return
    }
    guard let value = Int(text) else { return nil }
    bytes = value
  }

  var defaultValueDescription: String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20)MB" : "\(bytes)"
  }
}

/// Writes diagnostics to standard error, one `kind: message` line each, gathered into large writes
/// (a corpus can carry thousands of warnings).
enum Diagnostics {
  static func write(_ kind: String, _ message: CustomStringConvertible) {
    FileHandle.standardError.write(Data("\(kind): \(message)\n".utf8))
  }

  /// Lines gathered and written in blocks of about 64 KB.
  private struct Lines {
    private var buffer = Data()

    mutating func add(_ kind: String, _ message: CustomStringConvertible) {
      buffer.append(contentsOf: "\(kind): \(message)\n".utf8)
      if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
      guard !buffer.isEmpty else { return }
      FileHandle.standardError.write(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Prints what discovery skipped (except hidden files), duplicates, failures and warnings.
  static func report(_ loaded: ReportInputs) {
    var lines = Lines()
    for skipped in loaded.skipped where skipped.reason != .hidden { lines.add("note", skipped) }
    for note in loaded.duplicateNotes { lines.add("note", note) }
    for failure in loaded.failures { lines.add("error", failure) }
    for report in loaded.reports {
      for warning in report.warnings { lines.add("warning", warning) }
    }
    lines.flush()
  }

  /// The same for a streamed `analyse` run.
  static func report(_ outcome: ReportBatch.Outcome) {
    var lines = Lines()
    for skipped in outcome.skipped where skipped.reason != .hidden { lines.add("note", skipped) }
    for note in outcome.duplicateNotes { lines.add("note", note) }
    for failure in outcome.readFailures { lines.add("error", failure) }
    for warning in outcome.readerWarnings { lines.add("warning", warning) }
    lines.flush()
  }
}
