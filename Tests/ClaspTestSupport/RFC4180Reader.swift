/// A strict RFC 4180 reader shared by the test targets; anything but the strict form throws.
///
/// Every record ends in CRLF, quotes stand only around whole fields with inner quotes doubled, and
/// every record is as wide as the header.
public enum RFC4180Reader {
  /// What broke the strict form, and where.
  public struct Violation: Error, CustomStringConvertible {
    /// The problem, with its byte offset where it has one.
    public let description: String
  }

  /// The records of `text`, header first.
  /// - Throws: `Violation` at the first departure from the strict form.
  public static func records(_ text: String) throws -> [[String]] {
    let bytes = Array(text.utf8)
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var i = 0
    var atFieldStart = true
    while i < bytes.count {
      let byte = bytes[i]
      if atFieldStart && byte == 0x22 {
        i += 1
        while true {
          guard i < bytes.count else { throw Violation(description: "unterminated quoted field") }
          if bytes[i] == 0x22 {
            if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
              field.append(0x22)
              i += 2
              continue
            }
            i += 1
            break
          }
          field.append(bytes[i])
          i += 1
        }
        guard i < bytes.count, bytes[i] == 0x2C || bytes[i] == 0x0D else {
          throw Violation(description: "text after closing quote at byte \(i)")
        }
        atFieldStart = false
        continue
      }
      switch byte {
      case 0x2C:
        record.append(String(decoding: field, as: UTF8.self))
        field = []
        atFieldStart = true
        i += 1
      case 0x0D:
        guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else {
          throw Violation(description: "bare CR at byte \(i)")
        }
        record.append(String(decoding: field, as: UTF8.self))
        records.append(record)
        record = []
        field = []
        atFieldStart = true
        i += 2
      case 0x0A: throw Violation(description: "bare LF at byte \(i)")
      case 0x22: throw Violation(description: "quote inside unquoted field at byte \(i)")
      default:
        field.append(byte)
        atFieldStart = false
        i += 1
      }
    }
    guard record.isEmpty && field.isEmpty && atFieldStart else {
      throw Violation(description: "last record does not end in CRLF")
    }
    guard let width = records.first?.count else { throw Violation(description: "no header") }
    for (n, r) in records.enumerated() where r.count != width {
      throw Violation(description: "record \(n + 1) has \(r.count) fields, header has \(width)")
    }
    return records
  }
}
