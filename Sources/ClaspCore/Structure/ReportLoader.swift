/// Reads and parses a report file in one step: the entry point later stages use.
public enum ReportLoader {
  /// Reads `path` (a text or PDF file, or `-` for standard input) and parses it into a report.
  /// - Throws: `ReadError` or `StructureError`.
  public static func load(
    path: String, sizeLimit: Int = ReportReader.defaultSizeLimit,
    pdf: PDFTextExtractor = PDFTextExtractor()
  ) throws -> Report {
    try StructureParser.parse(try ReportReader.read(path: path, sizeLimit: sizeLimit, pdf: pdf))
  }

  /// Parses report text bytes that came from `path`.
  /// - Throws: `ReadError` or `StructureError`.
  public static func load(bytes: [UInt8], path: String) throws -> Report {
    try StructureParser.parse(try ReportReader.text(from: bytes, path: path))
  }
}
