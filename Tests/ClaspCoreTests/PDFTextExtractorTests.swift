import Foundation
import Testing

@testable import ClaspCore

/// True when `pdftotext` can run here; `.ci/run` and the README set-up install it.
let pdftotextInstalled = PDFTextExtractor().resolvedExecutable() != nil

@Suite struct PDFTextExtractorTests {
  /// How a round-trip PDF is set.
  enum Layout: String, CaseIterable, Sendable {
    case courier
    case helvetica
    /// Paragraph numbers in their own column, text indented past them.
    case helveticaHangingNumbers
  }

  /// Writes a PDF of the seed report's text, laid out like the published report (wrapped lines,
  /// header table, running header, page numbers), and returns its path.
  static func seedPDF(
    _ slug: String, in directory: URL, font: TestPDF.Font = .courier, hangingNumbers: Bool = false
  ) throws -> String {
    let source = try ReportReader.read(path: Fixtures.reportPath(slug))
    let area = try Fixtures.report(slug).metadata.area
    let header = "Review of health services for Children Looked After and Safeguarding in \(area)"
    let url = directory.appendingPathComponent(
      "\(slug)-\(font.rawValue)\(hangingNumbers ? "-hanging" : "").pdf")
    try TestPDF.make(
      lines: source.lines, runningHeader: header, font: font, hangingNumbers: hangingNumbers
    ).write(to: url)
    return url.path
  }

  @Test(
    "each seed report as a PDF parses to the same units and metadata as its text",
    .enabled(if: pdftotextInstalled, "pdftotext is not installed (apt-get install poppler-utils)"),
    arguments: Fixtures.slugs, Layout.allCases)
  func roundTrip(slug: String, layout: Layout) throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try Self.seedPDF(
      slug, in: directory, font: layout == .courier ? .courier : .helvetica,
      hangingNumbers: layout == .helveticaHangingNumbers)
    let fromPDF = try ReportLoader.load(path: path)
    let fromText = try Fixtures.report(slug)
    #expect(fromPDF.units.map(\.id) == (try Fixtures.goldUnits(slug)))
    #expect(fromPDF.metadata == fromText.metadata)
    #expect(fromPDF.sections.map(\.id) == fromText.sections.map(\.id))
    #expect(fromPDF.blocks.count == fromText.blocks.count)
    for (pdfUnit, textUnit) in zip(fromPDF.units, fromText.units) {
      #expect(
        pdfUnit.text.collapsingWhitespace() == textUnit.text.collapsingWhitespace(), "\(pdfUnit.id)"
      )
    }
    // Line numbers point into the extracted text: the first unit starts on a later line.
    #expect(try #require(fromPDF.units.first).lines.first > 0)
  }

  @Test("a missing pdftotext is one clear error naming the package")
  func missingTool() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("r.pdf").path
    try TestPDF.make(lines: ["Hello"], runningHeader: nil).write(to: URL(fileURLWithPath: path))
    let extractor = PDFTextExtractor(executable: "/nonexistent/pdftotext")
    #expect(throws: ReadError.pdfToolMissing(path: path)) {
      try ReportReader.read(path: path, pdf: extractor)
    }
    #expect(
      ReadError.pdfToolMissing(path: "r.pdf").description
        == "r.pdf: cannot read a PDF without pdftotext; install the poppler-utils package (apt-get install poppler-utils)"
    )
  }

  @Test(
    "a corrupt PDF is reported with pdftotext's reason",
    .enabled(if: pdftotextInstalled, "pdftotext is not installed (apt-get install poppler-utils)"))
  func corrupt() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("broken.pdf").path
    try Data("%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n".utf8).write(
      to: URL(fileURLWithPath: path))
    let error = try #require(throws: ReadError.self) { try ReportReader.read(path: path) }
    guard case .pdfFailed(let named, let reason) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(named == path)
    #expect(reason.hasPrefix("pdftotext exited with status"))
    #expect(
      error.description.hasPrefix("\(path): cannot convert the PDF to text: pdftotext exited"))
  }

  @Test(
    "a PDF with no text layer is reported as such",
    .enabled(if: pdftotextInstalled, "pdftotext is not installed (apt-get install poppler-utils)"))
  func noText() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("scan.pdf").path
    try TestPDF.document(pageContents: [""]).write(to: URL(fileURLWithPath: path))
    #expect(
      throws: ReadError.pdfFailed(path: path, reason: "it has no text layer (a scanned copy?)")
    ) {
      try ReportReader.read(path: path)
    }
  }

  @Test("a conversion that hangs is stopped at the time limit")
  func timeout() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let tool = directory.appendingPathComponent("pdftotext")
    try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: tool)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
    let path = directory.appendingPathComponent("slow.pdf").path
    try TestPDF.make(lines: ["Hello"], runningHeader: nil).write(to: URL(fileURLWithPath: path))
    let start = Date()
    #expect(throws: ReadError.pdfTimedOut(path: path, seconds: 0.5)) {
      try ReportReader.read(path: path, pdf: PDFTextExtractor(executable: tool.path, timeout: 0.5))
    }
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(
      ReadError.pdfTimedOut(path: "a.pdf", seconds: 60).description
        == "a.pdf: pdftotext did not finish within 60 seconds")
  }

  @Test(
    "a PDF is recognised by its signature, whatever its extension",
    .enabled(if: pdftotextInstalled, "pdftotext is not installed (apt-get install poppler-utils)"))
  func signature() throws {
    #expect(PDFTextExtractor.isPDF(Array("%PDF-1.7\n".utf8)))
    #expect(PDFTextExtractor.isPDF(Array("\u{FEFF}junk%PDF-1.4".utf8)))
    #expect(!PDFTextExtractor.isPDF(Array("Review of health services".utf8)))
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let pdf = try Self.seedPDF("derby", in: directory)
    let misnamed = directory.appendingPathComponent("derby-pdf.txt").path
    try FileManager.default.moveItem(atPath: pdf, toPath: misnamed)
    #expect(
      try ReportLoader.load(path: misnamed).units.map(\.id) == (try Fixtures.goldUnits("derby")))
    // Standard input has no file for pdftotext: the bytes go through a temporary file.
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: misnamed)))
    let piped = try StructureParser.parse(
      try ReportReader.text(from: bytes, path: "-", pdf: PDFTextExtractor()))
    #expect(piped.units.map(\.id) == (try Fixtures.goldUnits("derby")))
    #expect(piped.source == "-")
  }
}
