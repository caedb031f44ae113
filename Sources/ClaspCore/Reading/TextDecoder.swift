import Foundation

/// Decodes report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.
public enum TextDecoder {
  /// The encodings the decoder recognises.
  public enum Encoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "Windows-1252"
  }

  /// Decodes `bytes` read from `path` (named in errors only).
  /// - Throws: `ReadError.empty` or `ReadError.binary`.
  public static func decode(_ bytes: [UInt8], path: String) throws -> (String, Encoding) {
    try decode(bytes, path: path) { String(decoding: $0, as: UTF8.self) }
  }

  /// Decodes `bytes` read from `path` and hands the text, as UTF-8, to `read`: valid UTF-8 input
  /// goes to `read` as it is, without becoming a `String` first.
  /// - Throws: `ReadError.empty` or `ReadError.binary`.
  static func decode<Result>(
    _ bytes: [UInt8], path: String, _ read: (UnsafeBufferPointer<UInt8>) -> Result
  ) throws -> (Result, Encoding) {
    func utf8(of text: String) -> Result {
      var text = text
      return text.withUTF8(read)
    }
    if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
      return (utf8(of: try utf16(bytes.dropFirst(2), bigEndian: false, path: path)), .utf16LE)
    }
    if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
      return (utf8(of: try utf16(bytes.dropFirst(2), bigEndian: true, path: path)), .utf16BE)
    }
    var body = bytes[...]
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      body = bytes.dropFirst(3)
    }
    let decoded: Result? = try body.withUnsafeBufferPointer { bytes in
      try checkText(bytes, path: path)
      return ASCIIBytes.isValidUTF8(bytes) ? read(bytes) : nil
    }
    if let decoded { return (decoded, .utf8) }
    return (utf8(of: windows1252(body)), .windows1252)
  }

  private static func checkText(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
    var visible = 0
    var control = 0
    // Eight bytes at a time: bytes above a space are visible; bytes below one are control
    // characters unless they are tab, line feed, form feed or carriage return.
    let words = ASCIIBytes.wordCount(ofBytes: bytes.count)
    for index in 0..<words {
      let word = ASCIIBytes.word(bytes, index)
      visible += ASCIIBytes.markedCount(
        ~ASCIIBytes.bytes(of: word, below: 0x21) & ASCIIBytes.highBits)
      let low = ASCIIBytes.bytes(of: word, below: 0x20)
      guard low != 0 else { continue }
      if ASCIIBytes.bytes(of: word, equalTo: 0) != 0 { throw ReadError.binary(path: path) }
      let allowed =
        ASCIIBytes.bytes(of: word, equalTo: 0x09) | ASCIIBytes.bytes(of: word, equalTo: 0x0A)
        | ASCIIBytes.bytes(of: word, equalTo: 0x0C) | ASCIIBytes.bytes(of: word, equalTo: 0x0D)
      control += ASCIIBytes.markedCount(low & ~allowed)
    }
    for byte in bytes[(words * 8)...] {
      if byte == 0 { throw ReadError.binary(path: path) }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
        control += 1
      } else if byte > 0x20 {
        visible += 1
      }
    }
    if visible == 0 { throw ReadError.empty(path: path) }
    if control * 20 > visible { throw ReadError.binary(path: path) }
  }

  private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws
    -> String
  {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let a = UInt16(bytes[index])
      let b = UInt16(bytes[index + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      index += 2
    }
    let text = String(decoding: units, as: UTF16.self)
    if text.utf8.contains(0) { throw ReadError.binary(path: path) }
    if !text.utf8.contains(where: { $0 > 0x20 }) { throw ReadError.empty(path: path) }
    return text
  }

  /// Windows-1252 code points for bytes 0x80-0x9F; the rest of the range maps to Latin-1.
  private static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  private static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      let value = (byte >= 0x80 && byte <= 0x9F) ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
      scalars.append(Unicode.Scalar(value)!)
    }
    return String(scalars)
  }
}
