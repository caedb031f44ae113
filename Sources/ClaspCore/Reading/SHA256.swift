internal import ClaspSHA256Accel

/// SHA-256 (FIPS 180-4), for the manifest's input and codebook digests and duplicate detection.
///
/// The core depends on Foundation alone, which has no hash on Linux. `analyse` hashes every input,
/// so on x86-64 CPUs with the SHA extensions the blocks go to `SHA256Hardware` (its own target,
/// the only code built for those instructions); elsewhere blocks are read straight from the
/// caller's bytes with big-endian word loads, the rounds are unrolled eight at a time and nothing
/// is allocated per block. Both give the same digests; the tests compare them.
public enum SHA256 {
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

  /// Whether `hex` uses the CPU's SHA instructions, decided once per process.
  static let usesHardware = SHA256Hardware.isAvailable

  /// The digest of `bytes` as 64 lowercase hex digits.
  ///
  /// - Complexity: O(n) in the number of bytes.
  public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    if let digest = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) {
      return digest
    }
    return Array(bytes).withUnsafeBytes(hex(_:))
  }

  /// The digest of the UTF-8 bytes of `text`.
  public static func hex(_ text: String) -> String {
    var text = text
    return text.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
  }

  private static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
    hex(buffer, hardware: usesHardware)
  }

  /// The digest of the bytes in `buffer`, with the SHA instructions when `hardware` is true
  /// (only where `usesHardware` is; the tests pass false to check the scalar rounds).
  static func hex(_ buffer: UnsafeRawBufferPointer, hardware: Bool) -> String {
    var h: State = (
      0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
      0x5be0_cd19
    )
    let count = buffer.count
    let whole = count / 64 * 64
    // The tail, the 0x80 marker and the bit length fill one or two final blocks.
    withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
      let tail = tail.baseAddress!
      let rest = count - whole
      if rest > 0 { tail.copyMemory(from: buffer.baseAddress! + whole, byteCount: rest) }
      let blocks = rest < 56 ? 1 : 2
      tail.storeBytes(of: 0x80, toByteOffset: rest, as: UInt8.self)
      (tail + rest + 1).initializeMemory(
        as: UInt8.self, repeating: 0, count: blocks * 64 - rest - 9)
      tail.storeBytes(
        of: (UInt64(count) &* 8).bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
      let tailBlocks = UnsafeRawPointer(tail)
      if hardware {
        if whole > 0, let base = buffer.baseAddress {
          SHA256Hardware.compressBlocks(state: &h, blocks: base, count: whole / 64)
        }
        SHA256Hardware.compressBlocks(state: &h, blocks: tailBlocks, count: blocks)
        return
      }
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        k.withUnsafeBufferPointer { k in
          let w = w.baseAddress!
          let k = k.baseAddress!
          if whole > 0, let base = buffer.baseAddress {
            var offset = 0
            while offset < whole {
              compress(base + offset, &h, w, k)
              offset &+= 64
            }
          }
          compress(tailBlocks, &h, w, k)
          if blocks == 2 { compress(tailBlocks + 64, &h, w, k) }
        }
      }
    }
    return String(unsafeUninitializedCapacity: 64) { out in
      let digits: StaticString = "0123456789abcdef"
      let table = digits.utf8Start
      var i = 0
      for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
        var shift: UInt32 = 28
        while true {
          out[i] = table[Int((word &>> shift) & 0xf)]
          i &+= 1
          if shift == 0 { break }
          shift &-= 4
        }
      }
      return 64
    }
  }

  /// The compression function over the 64-byte block at `block`; `w` has room for 64 words.
  @inline(__always)
  private static func compress(
    _ block: UnsafeRawPointer, _ h: inout State, _ w: UnsafeMutablePointer<UInt32>,
    _ k: UnsafePointer<UInt32>
  ) {
    for i in 0..<16 {
      w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
    }
    for i in 16..<64 {
      let w15 = w[i &- 15]
      let w2 = w[i &- 2]
      let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
      let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
      w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
    }
    var (a, b, c, d, e, f, g, hh) = h
    var i = 0
    while i < 64 {
      round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
      round(hh, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
      round(g, hh, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
      round(f, g, hh, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
      round(e, f, g, &hh, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
      round(d, e, f, &g, hh, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
      round(c, d, e, &f, g, hh, a, &b, k[i &+ 6] &+ w[i &+ 6])
      round(b, c, d, &e, f, g, hh, &a, k[i &+ 7] &+ w[i &+ 7])
      i &+= 8
    }
    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
  }

  /// One round; the caller rotates the roles of the eight working variables instead of moving them.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
    _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    // Ch and Maj in their shorter equivalent forms: g ^ (e & (f ^ g)) and (a & b) | (c & (a | b)).
    let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
    let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
    d = d &+ t1
    h = t1 &+ t2
  }

  @inline(__always)
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
