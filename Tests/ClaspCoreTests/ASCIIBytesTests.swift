import Foundation
import Testing

@testable import ClaspCore

@Suite struct ASCIIBytesTests {
  /// Byte sequences around every boundary of UTF-8's well-formedness table.
  static let sequences: [[UInt8]] = {
    let edges: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
      0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    var out: [[UInt8]] = [[], Array("plain ASCII text, longer than a word".utf8)]
    for a in edges {
      for b in edges {
        out.append([a, b])
        for c in [0x80, 0xBF, 0x41] as [UInt8] {
          out.append(Array("12345678".utf8) + [a, b, c, 0x80])
          out.append([a, b, c])
        }
      }
    }
    return out
  }()

  @Test("UTF-8 validation agrees with the standard library's")
  func validation() {
    for bytes in Self.sequences {
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(bytes.withUnsafeBufferPointer(ASCIIBytes.isValidUTF8) == expected, "\(bytes)")
    }
  }

  @Test("word-at-a-time tests mark exactly the bytes they name")
  func wordTests() {
    let bytes: [UInt8] = Array(0...255)
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<ASCIIBytes.wordCount(ofBytes: buffer.count) {
        let word = ASCIIBytes.word(buffer, index)
        for k in 0..<8 {
          let byte = buffer[index * 8 + k]
          let bit: UInt64 = 0x80 << (8 * UInt64(k))
          #expect((ASCIIBytes.bytes(of: word, below: 0x21) & bit != 0) == (byte < 0x21))
          #expect((ASCIIBytes.bytes(of: word, equalTo: 0x20) & bit != 0) == (byte == 0x20))
          #expect((ASCIIBytes.digits(of: word) & bit != 0) == ASCIIBytes.isDigit(byte))
        }
      }
    }
  }

  @Test("the count of marked bytes is the population count, for every mask of high bits")
  func markedCount() {
    for flags in 0..<256 {
      var mask: UInt64 = 0
      for k in 0..<8 where flags & (1 << k) != 0 { mask |= 0x80 << (8 * UInt64(k)) }
      #expect(ASCIIBytes.markedCount(mask) == mask.nonzeroBitCount)
    }
  }

  @Test("byte searches find what Foundation finds in ASCII text")
  func search() {
    let text = "Looked After and Safeguarding in Derby; the experiences of 12 children"
    text.utf8.withContiguousStorageIfAvailable { bytes in
      #expect(ASCIIBytes.containsIgnoringCase("safeguarding in ", in: bytes))
      #expect(!ASCIIBytes.containsIgnoringCase("safeguarding at ", in: bytes))
      #expect(ASCIIBytes.contains("experiences of ", in: bytes))
      #expect(!ASCIIBytes.contains("Experiences of ", in: bytes))
      #expect(ASCIIBytes.hasPrefixIgnoringCase("looked after", bytes))
    }
    #expect(ASCIIBytes.isASCII(text))
    #expect(!ASCIIBytes.isASCII("café"))
  }
}
