import Foundation

/// Writes small PDFs of report text for the PDF round-trip tests, laid out like a printed report:
/// paragraphs wrapped to the page width, two-column rows for `label<TAB>value` lines (header fields,
/// contents), hanging indents for bullets, a running header and a "Page N of M" footer on each page.
///
/// Courier (a standard Type 1 font, WinAnsiEncoding) keeps the writer free of font metrics.
enum TestPDF {
  static let pageWidth = 595
  static let pageHeight = 842
  static let margin = 72
  static let fontSize = 10
  static let charWidth = 6  // Courier advance at 10 pt
  static let lineHeight = 12
  static let bodyTop = 770
  static let bodyBottom = 70
  static let labelColumn = 40  // characters

  struct Placed {
    let x: Int  // characters from the left margin
    let text: String
    let size: Int
    let y: Int
  }

  /// Lays `lines` out on pages and returns the PDF bytes.
  static func make(lines: [String], runningHeader: String?) -> Data {
    let width = (pageWidth - 2 * margin) / charWidth
    var rows: [(x: Int, text: String)?] = []  // nil is vertical space
    for line in lines {
      let indent = line.prefix(while: { $0 == " " }).count
      let content = line.trimmingCharacters(in: .whitespaces)
      if content.isEmpty {
        rows.append(nil)
        continue
      }
      if let tab = content.firstIndex(of: "\t") {
        let left = wrap(String(content[..<tab]), width: labelColumn - 2)
        let right = wrap(
          content[content.index(after: tab)...].trimmingCharacters(in: .whitespaces),
          width: width - labelColumn)
        for index in 0..<max(left.count, right.count) {
          let l = index < left.count ? left[index] : ""
          let r = index < right.count ? right[index] : ""
          let padded =
            l.isEmpty
            ? String(repeating: " ", count: labelColumn) + r
            : l + String(repeating: " ", count: max(2, labelColumn - l.count)) + r
          rows.append((indent, padded))
        }
        continue
      }
      let hanging = content.hasPrefix("- ") ? 2 : 0
      for (index, piece) in wrap(content, width: width - indent - hanging, firstWidth: width - indent)
        .enumerated()
      {
        rows.append((indent + (index == 0 ? 0 : hanging), piece))
      }
    }
    let perPage = (bodyTop - bodyBottom) / lineHeight
    var pages: [[(x: Int, text: String)?]] = []
    var index = 0
    while index < rows.count {
      var page = Array(rows[index..<min(rows.count, index + perPage)])
      index += perPage
      while page.first.map({ $0 == nil }) == true { page.removeFirst() }
      pages.append(page)
    }
    var contents: [String] = []
    for (number, page) in pages.enumerated() {
      var stream = ""
      if let runningHeader, number > 0 {
        stream += text(runningHeader, x: margin, y: 805, size: 8)
      }
      for (row, entry) in page.enumerated() {
        guard let entry else { continue }
        let y = bodyTop - row * lineHeight
        stream += text(entry.text, x: margin + entry.x * charWidth, y: y, size: fontSize)
      }
      stream += text("Page \(number + 1) of \(pages.count)", x: 270, y: 40, size: 8)
      contents.append(stream)
    }
    return document(pageContents: contents)
  }

  static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
    var out: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let limit = out.isEmpty ? (firstWidth ?? width) : width
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= limit {
        current += " " + word
      } else {
        out.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  private static func text(_ string: String, x: Int, y: Int, size: Int) -> String {
    "BT /F1 \(size) Tf 1 0 0 1 \(x) \(y) Tm (\(escape(string))) Tj ET\n"
  }

  private static func escape(_ string: String) -> String {
    let bytes = string.data(using: .windowsCP1252, allowLossyConversion: true) ?? Data()
    var out = ""
    for byte in bytes {
      switch byte {
      case 0x28, 0x29, 0x5C: out += "\\" + String(UnicodeScalar(byte))
      case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
      default: out += "\\" + String(byte, radix: 8)
      }
    }
    return out
  }

  static func document(pageContents: [String]) -> Data {
    var objects: [String] = []
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    let kids = pageContents.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageContents.count) >>")
    objects.append(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    for (index, content) in pageContents.enumerated() {
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(pageWidth) \(pageHeight)] "
          + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * index) 0 R >>")
      objects.append(
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
    }
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(out.utf8.count)
      out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
    }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
  }
}
