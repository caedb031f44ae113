import Testing

@testable import ClaspCore

@Suite struct ByteBufferTests {
  /// The bytes of `buffer`, copied out.
  static func contents(_ buffer: ByteBuffer) -> [UInt8] {
    buffer.withBytes { Array($0) }
  }

  @Test("appends across many growths keep every byte, in order")
  func growth() {
    var rng = SeededGenerator(seed: 7)
    var buffer = ByteBuffer(capacity: 1)
    var expected: [UInt8] = []
    for step in 0..<2_000 {
      if step % 3 == 0 {
        let byte = UInt8.random(in: 0...255, using: &rng)
        buffer.append(byte)
        expected.append(byte)
      } else {
        let piece = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
          UInt8.random(in: 0...255, using: &rng)
        }
        piece.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        expected += piece
      }
    }
    #expect(buffer.count == expected.count)
    #expect(Self.contents(buffer) == expected)
    #expect(Array(buffer.bytes(10..<20)) == Array(expected[10..<20]))
    buffer.removeAll()
    #expect(buffer.count == 0)
    buffer.append(literal: "after")
    #expect(Self.contents(buffer) == Array("after".utf8))
  }

  @Test("the renderers' escapes write the same bytes into a buffer as into an array")
  func sameAsArray() {
    let texts = [
      "plain", "quote \" and \\ backslash\n", "=SUM(A1)", "a,b\r\nc",
      "| pipe * star <b> & é \u{2028}",
      String(repeating: "long text ", count: 50), "",
    ]
    for text in texts {
      var array: [UInt8] = []
      var buffer = ByteBuffer()
      Array(text.utf8).withUnsafeBufferPointer { bytes in
        JSONWriter.writeString(bytes, into: &array)
        JSONWriter.writeString(bytes, into: &buffer)
        Escape.appendCSVField(bytes, to: &array)
        Escape.appendCSVField(bytes, to: &buffer)
        Escape.appendMarkdown(bytes, cell: true, to: &array)
        Escape.appendMarkdown(bytes, cell: true, to: &buffer)
      }
      JSONWriter.writeInteger(-1_234_567, into: &array)
      JSONWriter.writeInteger(-1_234_567, into: &buffer)
      #expect(Self.contents(buffer) == array, "\(text)")
    }
  }
}
