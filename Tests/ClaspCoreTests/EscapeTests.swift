import ClaspTestSupport
import Testing

@testable import ClaspCore

@Suite struct EscapeTests {
  @Test(
    "neutralises spreadsheet formulas and quotes per RFC 4180",
    arguments: [
      ("plain", "plain"),
      ("=1+1", "'=1+1"),
      ("+44", "'+44"),
      ("-x", "'-x"),
      ("@SUM(A1)", "'@SUM(A1)"),
      ("\tx", "'\tx"),
      ("\rx", "\"'\rx\""),
      ("a,b", "\"a,b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("two\nlines", "\"two\nlines\""),
      ("=HYPERLINK(\"u\",\"t\")", "\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\""),
      ("", ""),
    ])
  func csv(input: String, expected: String) {
    #expect(Escape.csvField(input) == expected)
  }

  @Test(
    "a field written from pieces equals the field of the joined text",
    arguments: [
      [], [""], ["", ""], ["", "=x"], ["=x", "y"], ["a", "b"], ["say \"hi\"", "ok"],
      ["two\nlines", "x"], ["-1", "+1"], ["\t", ""], ["a,b"], ["", "", "c"],
    ] as [[String]])
  func joinedField(pieces: [String]) {
    for separator in [UInt8(ascii: " "), UInt8(ascii: ";"), UInt8(ascii: ",")] {
      var out: [UInt8] = []
      Escape.appendCSVField(joining: pieces, separator: separator, to: &out)
      let joined = pieces.joined(separator: String(UnicodeScalar(separator)))
      #expect(String(decoding: out, as: UTF8.self) == Escape.csvField(joined))
    }
  }

  @Test("the byte tests agree with the characters they stand for, over all 256 bytes")
  func byteClasses() {
    let markdown: Set<UInt8> = [
      0x0A, 0x0D, 0x0B, 0x0C, 0x26, 0x3C, 0x3E, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E,
      0x23,
      0x21, 0xC2, 0xE2,
    ]
    let formula = Set(Escape.formulaStarters.flatMap(\.utf8))
    for byte in UInt8.min...UInt8.max {
      #expect(Escape.isMarkdownSpecial(byte) == markdown.contains(byte), "\(byte)")
      #expect(Escape.isFormulaStart(byte) == formula.contains(byte), "\(byte)")
    }
  }

  @Test(
    "integers are spelled as String spells them",
    arguments: [0, 7, -7, 10, 1_234_567, Int.max, Int.min])
  func integers(value: Int) {
    var out: [UInt8] = []
    JSONWriter.writeInteger(value, into: &out)
    #expect(String(decoding: out, as: UTF8.self) == String(value))
  }

  @Test("a record ends in CRLF and reads back through a strict reader")
  func record() throws {
    let fields = ["a", "b,c", "d\"e", "f\r\ng", "=cmd"]
    let text = Escape.csvRecord(fields)
    #expect(text.hasSuffix("\r\n"))
    let back = try RFC4180Reader.records(text)
    #expect(back == [["a", "b,c", "d\"e", "f\r\ng", "'=cmd"]])
  }

  @Test("HTML escaping covers the five special characters")
  func html() {
    #expect(
      Escape.html("<script>alert('x') & \"y\"</script>")
        == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
  }

  @Test("Markdown cells escape pipes, markup, HTML and line breaks")
  func markdownCell() {
    #expect(Escape.markdownCell("a | b") == "a \\| b")
    #expect(Escape.markdownCell("<script>") == "&lt;script&gt;")
    #expect(Escape.markdownCell("one\ntwo\r\nthree\rfour") == "one<br>two<br>three<br>four")
    #expect(
      Escape.markdownCell("[x](javascript:y) *b* _i_ `c`")
        == "\\[x\\](javascript:y) \\*b\\* \\_i\\_ \\`c\\`")
    #expect(Escape.markdown("line\nbreak") == "line break")
    #expect(Escape.markdownCell("a\u{2028}b\u{2029}c\u{85}d\u{0B}e") == "a<br>b<br>c<br>d<br>e")
    #expect(Escape.markdownCell("café – naïve ✓ 100%") == "café – naïve ✓ 100%")
    #expect(Escape.markdown("plain text") == "plain text")
  }
}
