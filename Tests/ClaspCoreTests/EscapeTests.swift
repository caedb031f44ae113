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

@Suite struct SHA256Tests {
  @Test(
    "matches the FIPS 180-4 test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func vectors(input: String, digest: String) {
    #expect(SHA256.hex(input) == digest)
  }

  @Test(
    "pads correctly around block boundaries",
    arguments: [
      (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
      (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
      (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
      (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
      (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
      (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ])
  func boundaries(length: Int, digest: String) {
    #expect(SHA256.hex(String(repeating: "a", count: length)) == digest)
    #expect(SHA256.hex(AnySequence(Array(repeating: UInt8(0x61), count: length))) == digest)
  }

  @Test("hashes a million a's") func long() {
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}

@Suite struct NumberTextTests {
  @Test(
    "formats without locale and rounds half away from zero",
    arguments: [
      (2.5, 0, "3"), (3.14159, 2, "3.14"), (0.005, 2, "0.01"), (-1.25, 1, "-1.3"),
      (12.0, 1, "12.0"),
      (-0.001, 1, "0.0"),
    ])
  func fixed(value: Double, places: Int, text: String) {
    #expect(NumberText.fixed(value, places: places) == text)
  }

  @Test("compact drops trailing zeros") func compact() {
    #expect(NumberText.compact(2.0) == "2")
    #expect(NumberText.compact(2.5) == "2.5")
  }
}
