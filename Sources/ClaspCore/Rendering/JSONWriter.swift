/// Writes an `Encodable` value as pretty, key-sorted JSON bytes, byte for byte what Foundation's
/// `JSONEncoder` writes with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`.
///
/// `JSONEncoder` spent most of `analyse` on `analysis.json`; this writer keeps a light tree of the
/// encoded values (objects remember their keys in encoding order) and serialises it into one
/// UTF-8 buffer: two-space indent, `" : "` between key and value, empty containers as `[\n\n]`,
/// keys in `String` order, numbers in their `description` without a trailing `.0`, strings with
/// `"`, `\`, and control characters escaped (`\b \t \n \f \r`, else `\u00xx`).
///
/// ```swift
/// let bytes = try JSONWriter.bytes(of: manifest)
/// ```
enum JSONWriter {
  /// The JSON of `value` followed by a newline.
  ///
  /// - Throws: `EncodingError.invalidValue` for a non-finite number, or whatever `value` throws.
  static func bytes<Value: Encodable>(of value: Value) throws -> [UInt8] {
    let root = try JSONTreeEncoder.node(for: value, codingPath: [])
    var out: [UInt8] = []
    out.reserveCapacity(1 << 16)
    write(root, depth: 0, into: &out)
    out.append(0x0a)
    return out
  }

  /// Writes an object of `members` into `out` as `bytes(of:)` would (without the final newline),
  /// encoding one member at a time so that only one member's tree is ever in memory, and handing
  /// `out` to `flush` (then emptying it) whenever a megabyte has built up.
  ///
  /// - Parameter depth: the object's nesting depth, for indentation.
  /// - Throws: what encoding a member throws, and what `flush` throws.
  static func writeObject(
    _ members: [Member], depth: Int, into out: inout [UInt8], flush: ([UInt8]) throws -> Void
  ) throws {
    out.append(UInt8(ascii: "{"))
    out.append(0x0a)
    for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
      if i > 0 {
        out.append(UInt8(ascii: ","))
        out.append(0x0a)
      }
      indent(depth + 1, into: &out)
      writeString(member.key, into: &out)
      out += " : ".utf8
      try member.write(&out, depth + 1, flush)
      if out.count >= 1 << 20 {
        try flush(out)
        out.removeAll(keepingCapacity: true)
      }
    }
    out.append(0x0a)
    indent(depth, into: &out)
    out.append(UInt8(ascii: "}"))
  }

  /// One member of an object written by `writeObject`.
  struct Member {
    let key: String
    let write: (inout [UInt8], Int, ([UInt8]) throws -> Void) throws -> Void

    /// A member whose value is encoded when it is written.
    init<Value: Encodable>(_ key: String, _ value: Value) {
      self.key = key
      write = { out, depth, _ in
        JSONWriter.write(
          try JSONTreeEncoder.node(for: value, codingPath: []), depth: depth, into: &out)
      }
    }

    /// A member whose value is an array, encoded and written an element at a time (so only one
    /// element's tree is in memory), flushing between elements.
    init<Element: Encodable>(_ key: String, elements: [Element]) {
      self.init(key, elements: elements) { element, depth, out in
        JSONWriter.write(
          try JSONTreeEncoder.node(for: element, codingPath: []), depth: depth, into: &out)
      }
    }

    /// A member whose value is an array whose elements `writeElement` writes straight into the
    /// buffer (at the depth it is given), without an encoded tree, flushing between elements.
    init<Element>(
      _ key: String, elements: [Element],
      writeElement: @escaping (Element, Int, inout [UInt8]) throws -> Void
    ) {
      self.key = key
      write = { out, depth, flush in
        out.append(UInt8(ascii: "["))
        out.append(0x0a)
        for (i, element) in elements.enumerated() {
          if i > 0 {
            out.append(UInt8(ascii: ","))
            out.append(0x0a)
          }
          JSONWriter.indent(depth + 1, into: &out)
          try writeElement(element, depth + 1, &out)
          if out.count >= 1 << 20 {
            try flush(out)
            out.removeAll(keepingCapacity: true)
          }
        }
        out.append(0x0a)
        JSONWriter.indent(depth, into: &out)
        out.append(UInt8(ascii: "]"))
      }
    }

    /// A member whose value is itself an object of members.
    init(_ key: String, object members: [Member]) {
      self.key = key
      write = { out, depth, flush in
        try JSONWriter.writeObject(members, depth: depth, into: &out, flush: flush)
      }
    }
  }

  private static func write(_ node: JSONNode, depth: Int, into out: inout [UInt8]) {
    switch node {
    case .literal(let text):
      out.append(contentsOf: text.utf8)
    case .string(let text):
      writeString(text, into: &out)
    case .array(let array):
      out.append(UInt8(ascii: "["))
      out.append(0x0a)
      var first = true
      for item in array.items {
        if first {
          first = false
        } else {
          out.append(UInt8(ascii: ","))
          out.append(0x0a)
        }
        indent(depth + 1, into: &out)
        write(item, depth: depth + 1, into: &out)
      }
      out.append(0x0a)
      indent(depth, into: &out)
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      out.append(0x0a)
      var first = true
      for index in object.sortedIndices() {
        if first {
          first = false
        } else {
          out.append(UInt8(ascii: ","))
          out.append(0x0a)
        }
        indent(depth + 1, into: &out)
        writeString(object.keys[index], into: &out)
        out.append(UInt8(ascii: " "))
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        write(object.values[index], depth: depth + 1, into: &out)
      }
      out.append(0x0a)
      indent(depth, into: &out)
      out.append(UInt8(ascii: "}"))
    case .deferred(let encoder):
      write(encoder.node ?? .object(JSONObject()), depth: depth, into: &out)
    }
  }

  /// Writes an array of `count` elements laid out as `bytes(of:)` lays it out, the array at
  /// nesting `depth`; `element(i, out)` writes element `i` (at nesting `depth + 1`).
  @inline(__always)
  static func writeArray(
    count: Int, depth: Int, into out: inout [UInt8], element: (Int, inout [UInt8]) throws -> Void
  ) rethrows {
    out.append(UInt8(ascii: "["))
    out.append(0x0a)
    for i in 0..<count {
      if i > 0 {
        out.append(UInt8(ascii: ","))
        out.append(0x0a)
      }
      indent(depth + 1, into: &out)
      try element(i, &out)
    }
    out.append(0x0a)
    indent(depth, into: &out)
    out.append(UInt8(ascii: "]"))
  }

  /// Opens an object laid out as `bytes(of:)` lays it out; its members follow (`writeKey` and a
  /// value each, keys in `String` order as the encoder sorts them), then `closeObject`.
  @inline(__always)
  static func openObject(into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    out.append(0x0a)
  }

  /// Writes the separator (unless `first`), indent and `"key" : ` of an object member at nesting
  /// `depth` (the object's depth + 1); the member's value comes next.
  @inline(__always)
  static func writeKey(_ key: StaticString, first: Bool, depth: Int, into out: inout [UInt8]) {
    if !first {
      out.append(UInt8(ascii: ","))
      out.append(0x0a)
    }
    indent(depth, into: &out)
    out.append(UInt8(ascii: "\""))
    out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    out += "\" : ".utf8
  }

  /// Closes an object opened by `openObject`, the object at nesting `depth`.
  @inline(__always)
  static func closeObject(depth: Int, into out: inout [UInt8]) {
    out.append(0x0a)
    indent(depth, into: &out)
    out.append(UInt8(ascii: "}"))
  }

  /// Appends `value` as the encoder writes a `Double`: its `description` without a trailing `.0`.
  ///
  /// - Throws: `EncodingError.invalidValue` for a non-finite number.
  static func writeNumber(_ value: Double, into out: inout [UInt8]) throws {
    // Whole numbers well inside the range `description` prints without an exponent are written
    // as integers (what `description` minus its ".0" spells), skipping the float formatting.
    if value == value.rounded(.towardZero) && abs(value) < 1e15
      && !(value == 0 && value.sign == .minus)
    {
      writeInteger(Int(value), into: &out)
      return
    }
    guard case .literal(let text) = try JSONTreeEncoder.literal(value, []) else { return }
    out += text.utf8
  }

  /// Appends the two spaces per level of `depth` that indent a line.
  @inline(__always)
  static func indent(_ depth: Int, into out: inout [UInt8]) {
    var count = depth * 2
    while count > 0 {
      let run = min(count, spaces.count)
      spaces.withUnsafeBufferPointer {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run]))
      }
      count -= run
    }
  }

  private static let spaces = [UInt8](repeating: 0x20, count: 64)

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `value` in decimal, as `String(value)` spells it.
  static func writeInteger<Out: ByteOutput>(_ value: Int, into out: inout Out) {
    guard value != 0 else { return out.append(UInt8(ascii: "0")) }
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value.magnitude
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      out.append(
        contentsOf: UnsafeBufferPointer(
          start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + (20 - count),
          count: count))
    }
  }

  /// Appends `text` as a JSON string.
  static func writeString(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { writeString($0, into: &out) }
  }

  /// Appends the UTF-8 text `bytes` as a JSON string.
  static func writeString<Out: ByteOutput>(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: inout Out
  ) {
    out.append(UInt8(ascii: "\""))
    var start = 0
    while true {
      let i = ASCIIBytes.firstIndex(
        in: bytes, from: start, marks: escapedBytes,
        test: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
      guard i < bytes.count else { break }
      let byte = bytes[i]
      start = i + 1
      out.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
      case 0x08: out.append(UInt8(ascii: "b"))
      case 0x09: out.append(UInt8(ascii: "t"))
      case 0x0a: out.append(UInt8(ascii: "n"))
      case 0x0c: out.append(UInt8(ascii: "f"))
      case 0x0d: out.append(UInt8(ascii: "r"))
      default:
        out.append(contentsOf: [
          UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)],
          hexDigits[Int(byte & 0xf)],
        ])
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Marks the bytes of `word` a JSON string escapes: controls, `"` and `\\`.
  @inline(__always)
  private static func escapedBytes(_ word: UInt64) -> UInt64 {
    ASCIIBytes.bytes(of: word, below: 0x20) | ASCIIBytes.bytes(of: word, equalTo: 0x22)
      | ASCIIBytes.bytes(of: word, equalTo: 0x5C)
  }
}

/// One encoded value; containers are references so nested containers can fill them later.
enum JSONNode {
  /// A number, `true`, `false` or `null`, already in its JSON form.
  case literal(String)
  case string(String)
  case array(JSONArray)
  case object(JSONObject)
  /// The value a `superEncoder` will have encoded by the time the tree is written.
  case deferred(JSONTreeEncoder)
}

final class JSONArray {
  var items: [JSONNode] = []
}

final class JSONObject {
  var keys: [String] = []
  var values: [JSONNode] = []

  /// Sets `key`; a key encoded twice keeps its place and takes the later value, as in `JSONEncoder`.
  func set(_ key: String, _ value: JSONNode) {
    if keys.count < 32, let index = keys.firstIndex(of: key) {
      values[index] = value
      return
    }
    keys.append(key)
    values.append(value)
  }

  func sortedIndices() -> [Int] {
    keys.indices.sorted { keys[$0] < keys[$1] }
  }
}
