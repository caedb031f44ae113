import Foundation

/// Writes small PDFs of report text for the PDF round-trip tests, laid out like a printed report:
/// paragraphs wrapped to the page width, two-column rows for `label<TAB>value` lines (header fields,
/// contents), hanging indents for bullets, a running header and a "Page N of M" footer on each page.
///
/// Standard Type 1 fonts (WinAnsiEncoding) need no embedding; Courier is monospaced, Helvetica
/// proportional like the published reports, with its metrics built in for wrapping.
enum TestPDF {
  /// The standard Type 1 font to set the text in.
  enum Font: String, CaseIterable, Sendable {
    /// Monospaced: every character is 600/1000 em.
    case courier = "Courier"
    /// Proportional, as the published reports are (Arial's metrics match Helvetica's).
    case helvetica = "Helvetica"
  }

  static let pageWidth = 595
  static let pageHeight = 842
  static let margin = 72
  static let fontSize = 10
  static let lineHeight = 12
  static let bodyTop = 770
  static let bodyBottom = 70
  /// Where the value column of a `label<TAB>value` row starts, in points from the margin.
  static let labelColumn = 240

  /// Helvetica advance widths (1/1000 em) for ASCII 32...126, from the standard AFM.
  static let helveticaWidths: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ]

  /// The width of `text` in points at `size`.
  static func width(_ text: Substring, font: Font, size: Int = fontSize) -> Double {
    var units = 0
    for scalar in text.unicodeScalars {
      switch font {
      case .courier: units += 600
      case .helvetica:
        let v = Int(scalar.value)
        units += (32...126).contains(v) ? helveticaWidths[v - 32] : 556
      }
    }
    return Double(units * size) / 1000
  }

  /// Lays `lines` out on pages and returns the PDF bytes.
  /// - Parameter hangingNumbers: set paragraph numbers ("1.1", "- 2.3") in a column of their own,
  ///   the text and its continuation lines indented past them, as the published reports do.
  static func make(
    lines: [String], runningHeader: String?, font: Font = .courier, hangingNumbers: Bool = false
  ) -> Data {
    let body = Double(pageWidth - 2 * margin)
    let space = width(" ", font: font)
    var rows: [(x: Double, text: String, x2: Double?, text2: String)?] = []  // nil is vertical space
    for line in lines {
      let indent = Double(line.prefix(while: { $0 == " " }).count) * space
      let content = line.trimmingCharacters(in: .whitespaces)
      if content.isEmpty {
        rows.append(nil)
        continue
      }
      if let tab = content.firstIndex(of: "\t") {
        let left = wrap(String(content[..<tab]), width: Double(labelColumn) - 12, font: font)
        let right = wrap(
          content[content.index(after: tab)...].trimmingCharacters(in: .whitespaces),
          width: body - Double(labelColumn), font: font)
        for index in 0..<max(left.count, right.count) {
          rows.append(
            (
              indent, index < left.count ? left[index] : "", Double(labelColumn),
              index < right.count ? right[index] : ""
            ))
        }
        continue
      }
      if hangingNumbers, let (number, rest) = paragraphNumber(content) {
        let column = indent + 36
        let pieces = wrap(rest, width: body - column, font: font)
        for (index, piece) in pieces.enumerated() {
          rows.append(index == 0 ? (indent, number, column, piece) : (column, piece, nil, ""))
        }
        continue
      }
      let hanging = content.hasPrefix("- ") ? width("- ", font: font) : 0
      let pieces = wrap(
        content, width: body - indent - hanging, firstWidth: body - indent, font: font)
      for (index, piece) in pieces.enumerated() {
        rows.append((indent + (index == 0 ? 0 : hanging), piece, nil, ""))
      }
    }
    let perPage = (bodyTop - bodyBottom) / lineHeight
    var pages: [[(x: Double, text: String, x2: Double?, text2: String)?]] = []
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
        stream += text(runningHeader, x: Double(margin), y: 805, size: 8)
      }
      for (row, entry) in page.enumerated() {
        guard let entry else { continue }
        let y = bodyTop - row * lineHeight
        if !entry.text.isEmpty {
          stream += text(entry.text, x: Double(margin) + entry.x, y: y, size: fontSize)
        }
        if let x2 = entry.x2, !entry.text2.isEmpty {
          stream += text(entry.text2, x: Double(margin) + x2, y: y, size: fontSize)
        }
      }
      stream += text("Page \(number + 1) of \(pages.count)", x: 270, y: 40, size: 8)
      contents.append(stream)
    }
    return document(pageContents: contents, font: font)
  }

  /// "1.1 Text" or "- 1.1 Text" -> ("1.1", "Text").
  static func paragraphNumber(_ content: String) -> (String, String)? {
    var rest = Substring(content)
    if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
    let number = rest.prefix(while: { $0.isNumber || $0 == "." })
    guard number.contains("."), number.first?.isNumber == true,
      rest.dropFirst(number.count).first == " "
    else { return nil }
    return (String(number), String(rest.dropFirst(number.count + 1)))
  }

  static func wrap(_ text: String, width: Double, firstWidth: Double? = nil, font: Font) -> [String]
  {
    var out: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let limit = out.isEmpty ? (firstWidth ?? width) : width
      if current.isEmpty {
        current = String(word)
      } else if self.width(Substring(current + " " + word), font: font) <= limit {
        current += " " + word
      } else {
        out.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  private static func text(_ string: String, x: Double, y: Int, size: Int) -> String {
    let position = String(format: "%.2f", x)
    return "BT /F1 \(size) Tf 1 0 0 1 \(position) \(y) Tm (\(escape(string))) Tj ET\n"
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

  static func document(pageContents: [String], font: Font = .courier) -> Data {
    var objects: [String] = []
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    let kids = pageContents.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageContents.count) >>")
    objects.append(
      "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.rawValue) /Encoding /WinAnsiEncoding >>")
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
