extension ASCIIBytes {
  /// The first index at or after `start` whose byte passes `test`, or `bytes.count`: eight bytes at
  /// a time through `marks` (which must mark exactly the bytes `test` passes, as the SWAR tests of
  /// `ASCIIBytes` do), then byte by byte for the tail.
  @inline(__always)
  static func firstIndex(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, marks: (UInt64) -> UInt64,
    test: (UInt8) -> Bool
  ) -> Int {
    var i = start
    while i + 8 <= bytes.count {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
      let found = marks(word)
      if found != 0 { return i + firstMarked(found) }
      i += 8
    }
    while i < bytes.count && !test(bytes[i]) { i += 1 }
    return i
  }
}
