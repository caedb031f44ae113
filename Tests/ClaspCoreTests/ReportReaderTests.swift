import Foundation
import Testing

@testable import ClaspCore

@Suite struct ReportReaderTests {
  @Test("markup, entities and typography are normalised")
  func normalise() {
    let cases: [(String, String)] = [
      (
        "<b>Date of review:</b>\t9 <sup>th</sup> June 2014 – 13 <sup>th</sup> June",
        "Date of review:\t9th June 2014 - 13th June"
      ),
      ("## The child’s journey", "The child's journey"),
      ("“Quoted” text…", "\"Quoted\" text..."),
      ("**Case example 2:** *A young woman*", "Case example 2: A young woman"),
      ("---", ""),
      ("Tom &amp; Jerry &lt;3 &#233;t&#xE9;", "Tom & Jerry <3 été"),
      ("ﬁnal ﬂow eﬀect", "final flow effect"),
      ("a\u{00A0}b\u{00AD}c", "a bc"),
      ("11 th May 2015 to 15 th May", "11th May 2015 to 15th May"),
      ("the 4 three", "the 4 three"),
      ("* bullet item", "- bullet item"),
      ("mail [us](mailto:x@y.z) now", "mail us now"),
      ("keep <script>alert(1)</script> visible", "keep <script>alert(1)</script> visible"),
      ("trailing spaces   ", "trailing spaces"),
    ]
    for (input, expected) in cases {
      #expect(TextNormaliser.normalise(input) == expected, "\(input)")
    }
  }

  @Test("line endings are normalised and line numbers preserved")
  func lineEndings() {
    #expect(TextNormaliser.normalise("a\r\nb\rc\n---\nd") == "a\nb\nc\n\nd")
  }

  @Test("UTF-16, Windows-1252 and CRLF copies parse to the identical structure")
  func encodings() throws {
    let path = Fixtures.reportPath("derby")
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let reference = try ReportLoader.load(bytes: Array(original.utf8), path: "derby.txt")
    var utf16LE: [UInt8] = [0xFF, 0xFE]
    for unit in original.utf16 { utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    var utf16BE: [UInt8] = [0xFE, 0xFF]
    for unit in original.utf16 { utf16BE += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    let cp1252 = try #require(original.data(using: .windowsCP1252))
    let crlf = Array(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let bom = [0xEF, 0xBB, 0xBF] + Array(original.utf8)
    for bytes in [utf16LE, utf16BE, Array(cp1252), crlf, bom] {
      #expect(try ReportLoader.load(bytes: bytes, path: "derby.txt") == reference)
    }
    #expect(try TextDecoder.decode(Array(cp1252), path: "x").1 == .windows1252)
    #expect(try TextDecoder.decode(utf16LE, path: "x").1 == .utf16LE)
  }

  @Test("empty, blank and binary inputs are clear errors naming the file")
  func badInput() throws {
    #expect(throws: ReadError.empty(path: "e.txt")) {
      try ReportReader.text(from: [], path: "e.txt")
    }
    #expect(throws: ReadError.empty(path: "e.txt")) {
      try ReportReader.text(from: Array(" \n\t\n".utf8), path: "e.txt")
    }
    #expect(throws: ReadError.binary(path: "b.bin")) {
      try ReportReader.text(from: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x14], path: "b.bin")
    }
    #expect(
      ReadError.binary(path: "b.bin").description
        == "b.bin: the file is binary data, not report text")
    #expect(throws: ReadError.unreadable(path: "/nonexistent/x.txt", reason: "no such file")) {
      try ReportReader.read(path: "/nonexistent/x.txt")
    }
  }

  @Test("review dates in their printed forms become ISO 8601")
  func dates() {
    #expect(ReviewDate.range("11th July - 15th July 2016") == ("2016-07-11", "2016-07-15"))
    #expect(ReviewDate.range("9-13 June 2014") == ("2014-06-09", "2014-06-13"))
    #expect(ReviewDate.range("11th May 2015 to 15th May 2015") == ("2015-05-11", "2015-05-15"))
    #expect(ReviewDate.range("30th November - 4th December 2015") == ("2015-11-30", "2015-12-04"))
    #expect(ReviewDate.single("19th September 2014") == "2014-09-19")
    #expect(ReviewDate.single("no date here") == nil)
  }
}
