/// The `Encoder` behind `JSONWriter`: turns an `Encodable` value into a `JSONNode` tree.
final class JSONTreeEncoder: Encoder, SingleValueEncodingContainer {
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var node: JSONNode?

  init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

  /// The tree for `value`; scalars skip the encoder object altogether.
  static func node<Value: Encodable>(
    for value: Value, codingPath: @autoclosure () -> [any CodingKey]
  )
    throws -> JSONNode
  {
    // Metatype checks first: a failed `as?` is a full dynamic cast, paid for every struct.
    if Value.self == String.self { return .string(value as! String) }
    if Value.self == Int.self { return .literal((value as! Int).description) }
    if Value.self == Double.self { return try literal(value as! Double, codingPath()) }
    if Value.self == Bool.self { return .literal(value as! Bool ? "true" : "false") }
    let encoder = JSONTreeEncoder(codingPath: codingPath())
    try value.encode(to: encoder)
    return encoder.node ?? .object(JSONObject())
  }

  static func literal<Number: BinaryFloatingPoint & CustomStringConvertible>(
    _ number: Number, _ codingPath: [any CodingKey]
  ) throws -> JSONNode {
    guard number.isFinite else {
      throw EncodingError.invalidValue(
        number,
        .init(
          codingPath: codingPath, debugDescription: "Unable to encode \(number) directly in JSON."))
    }
    var text = number.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return .literal(text)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let object: JSONObject
    if case .object(let existing)? = node {
      object = existing
    } else {
      object = JSONObject()
      node = .object(object)
    }
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(object: object, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    let array: JSONArray
    if case .array(let existing)? = node {
      array = existing
    } else {
      array = JSONArray()
      node = .array(array)
    }
    return JSONUnkeyedContainer(array: array, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { self }

  func encodeNil() throws { node = .literal("null") }
  func encode(_ value: Bool) throws { node = .literal(value ? "true" : "false") }
  func encode(_ value: String) throws { node = .string(value) }
  func encode(_ value: Double) throws { node = try Self.literal(value, codingPath) }
  func encode(_ value: Float) throws { node = try Self.literal(value, codingPath) }
  func encode(_ value: Int) throws { node = .literal(value.description) }
  func encode(_ value: Int8) throws { node = .literal(value.description) }
  func encode(_ value: Int16) throws { node = .literal(value.description) }
  func encode(_ value: Int32) throws { node = .literal(value.description) }
  func encode(_ value: Int64) throws { node = .literal(value.description) }
  func encode(_ value: UInt) throws { node = .literal(value.description) }
  func encode(_ value: UInt8) throws { node = .literal(value.description) }
  func encode(_ value: UInt16) throws { node = .literal(value.description) }
  func encode(_ value: UInt32) throws { node = .literal(value.description) }
  func encode(_ value: UInt64) throws { node = .literal(value.description) }
  func encode<T: Encodable>(_ value: T) throws {
    node = try Self.node(for: value, codingPath: codingPath)
  }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: JSONObject
  let codingPath: [any CodingKey]

  func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .literal("null")) }
  func encode(_ value: Bool, forKey key: Key) throws {
    object.set(key.stringValue, .literal(value ? "true" : "false"))
  }
  func encode(_ value: String, forKey key: Key) throws {
    object.set(key.stringValue, .string(value))
  }
  func encode(_ value: Int, forKey key: Key) throws {
    object.set(key.stringValue, .literal(value.description))
  }
  func encode(_ value: Double, forKey key: Key) throws {
    object.set(key.stringValue, try JSONTreeEncoder.literal(value, codingPath + [key]))
  }
  func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    object.set(
      key.stringValue, try JSONTreeEncoder.node(for: value, codingPath: codingPath + [key]))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = JSONObject()
    object.set(key.stringValue, .object(nested))
    return KeyedEncodingContainer(
      JSONKeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
  }

  func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = JSONArray()
    object.set(key.stringValue, .array(nested))
    return JSONUnkeyedContainer(array: nested, codingPath: codingPath + [key])
  }

  func superEncoder() -> any Encoder { superEncoder(named: "super") }
  func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

  private func superEncoder(named name: String) -> any Encoder {
    let encoder = JSONTreeEncoder(codingPath: codingPath)
    object.set(name, .deferred(encoder))
    return encoder
  }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let array: JSONArray
  let codingPath: [any CodingKey]
  var count: Int { array.items.count }

  func encodeNil() throws { array.items.append(.literal("null")) }
  func encode(_ value: Bool) throws { array.items.append(.literal(value ? "true" : "false")) }
  func encode(_ value: String) throws { array.items.append(.string(value)) }
  func encode(_ value: Int) throws { array.items.append(.literal(value.description)) }
  func encode(_ value: Double) throws {
    array.items.append(try JSONTreeEncoder.literal(value, codingPath))
  }
  func encode<T: Encodable>(_ value: T) throws {
    array.items.append(try JSONTreeEncoder.node(for: value, codingPath: codingPath))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = JSONObject()
    array.items.append(.object(nested))
    return KeyedEncodingContainer(
      JSONKeyedContainer<NestedKey>(object: nested, codingPath: codingPath))
  }

  func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = JSONArray()
    array.items.append(.array(nested))
    return JSONUnkeyedContainer(array: nested, codingPath: codingPath)
  }

  func superEncoder() -> any Encoder {
    let encoder = JSONTreeEncoder(codingPath: codingPath)
    array.items.append(.deferred(encoder))
    return encoder
  }
}
