import Testing

@testable import ClaspCore

@Suite struct SHA256Tests {
  /// Both block functions: the SHA instructions (where this CPU has them) and the scalar rounds.
  static let paths = SHA256.usesHardware ? [true, false] : [false]

  /// The digest of `bytes` by the SHA instructions (`hardware`) or the scalar rounds.
  static func hex(_ bytes: [UInt8], hardware: Bool) -> String {
    bytes.withUnsafeBytes { SHA256.hex($0, hardware: hardware) }
  }

  @Test(
    "matches the FIPS 180-4 test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
          + "lmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func vectors(input: String, digest: String) {
    #expect(SHA256.hex(input) == digest)
    for hardware in Self.paths {
      #expect(Self.hex(Array(input.utf8), hardware: hardware) == digest, "hardware: \(hardware)")
    }
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
    for hardware in Self.paths {
      let bytes = [UInt8](repeating: 0x61, count: length)
      #expect(Self.hex(bytes, hardware: hardware) == digest, "hardware: \(hardware)")
    }
  }

  @Test("hashes a million a's") func long() {
    let bytes = [UInt8](repeating: 0x61, count: 1_000_000)
    let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    #expect(SHA256.hex(bytes) == digest)
    for hardware in Self.paths {
      #expect(Self.hex(bytes, hardware: hardware) == digest, "hardware: \(hardware)")
    }
  }

  @Test(
    "the SHA instructions and the scalar rounds agree on every length to 300",
    .enabled(if: SHA256.usesHardware, "this CPU has no SHA extensions"))
  func hardwareMatchesScalarShort() {
    var generator = SplitMix64(seed: 0x5348_4132_3536)
    let bytes = (0..<301).map { _ in UInt8.random(in: 0...255, using: &generator) }
    for length in 0...300 {
      let prefix = Array(bytes[..<length])
      #expect(
        Self.hex(prefix, hardware: true) == Self.hex(prefix, hardware: false), "length \(length)")
    }
  }

  @Test(
    "the SHA instructions and the scalar rounds agree on large buffers at unaligned starts",
    .enabled(if: SHA256.usesHardware, "this CPU has no SHA extensions"),
    arguments: [(1, 200_003), (3, 131_072), (7, 65_599), (13, 1_048_576)])
  func hardwareMatchesScalarLarge(start: Int, length: Int) {
    var generator = SplitMix64(seed: UInt64(start * 1_000_003 + length))
    let bytes = (0..<(start + length)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes.withUnsafeBytes { all in
      let slice = UnsafeRawBufferPointer(rebasing: all[start...])
      #expect(SHA256.hex(slice, hardware: true) == SHA256.hex(slice, hardware: false))
    }
  }
}
