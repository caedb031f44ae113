import ClaspTestSupport
import Testing

/// The reader the CSV tests rely on must itself reject anything loose.
@Suite struct RFC4180ReaderTests {
  @Test(
    "rejects CSV that is not strict RFC 4180",
    arguments: [
      "a,b\nc,d\r\n",  // bare LF
      "a,b\r\nc,d",  // no final CRLF
      "a,b\r\nc\"x,d\r\n",  // quote inside an unquoted field
      "a,b\r\n\"c\"x,d\r\n",  // text after a closing quote
      "a,b\r\n\"c,d\r\n",  // unterminated quote
      "a,b\r\nc\r\n",  // record narrower than the header
    ])
  func rejects(text: String) {
    #expect(throws: RFC4180Reader.Violation.self) { try RFC4180Reader.records(text) }
  }

  @Test("reads quoted fields with commas, doubled quotes and line breaks")
  func reads() throws {
    let records = try RFC4180Reader.records("h1,h2\r\n\"a,\"\"b\"\"\r\nc\",\r\n")
    #expect(records == [["h1", "h2"], ["a,\"b\"\r\nc", ""]])
  }
}
