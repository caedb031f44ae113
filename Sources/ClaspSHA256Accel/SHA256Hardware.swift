/// SHA-256's compression function on the x86 SHA extensions (SHA-NI), for `ClaspCore.SHA256`.
///
/// This module alone is compiled with `-msha -msse4.1` (see Package.swift), so the instructions
/// those flags allow cannot leak into code that runs on CPUs without them: callers check
/// `isAvailable` first and fall back to their scalar rounds. On other architectures the module
/// only says the instructions are unavailable.
#if arch(x86_64) && canImport(_Builtin_intrinsics)
internal import _Builtin_intrinsics.intel
internal import _Builtin_intrinsics.intel.cpuid

public enum SHA256Hardware {
  /// Whether this CPU has the SHA extensions and the SSSE3 and SSE4.1 they are used with.
  public static let isAvailable: Bool = {
    var eax: UInt32 = 0
    var ebx: UInt32 = 0
    var ecx: UInt32 = 0
    var edx: UInt32 = 0
    // Leaf 1: SSSE3 is ECX bit 9, SSE4.1 ECX bit 19. Leaf 7 subleaf 0: SHA is EBX bit 29.
    guard __get_cpuid(1, &eax, &ebx, &ecx, &edx) != 0 else { return false }
    let vector = ecx & (1 << 9) != 0 && ecx & (1 << 19) != 0
    guard vector, __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) != 0 else { return false }
    return ebx & (1 << 29) != 0
  }()

  /// Runs the compression function over `count` consecutive 64-byte blocks at `blocks`.
  ///
  /// `state` holds the eight working words a...h in FIPS 180-4 order, before and after.
  /// The blocks need no alignment. Call only when `isAvailable` is true.
  public static func compressBlocks(
    state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
    blocks: UnsafeRawPointer, count: Int
  ) {
    // sha256rnds2 keeps the state as two vectors, ABEF and CDGH, highest lane first.
    var abef = Words(state.5, state.4, state.1, state.0)
    var cdgh = Words(state.7, state.6, state.3, state.2)
    // pshufb mask turning each little-endian word load into the message's big-endian word.
    let swap = _mm_set_epi64x(0x0c0d_0e0f_0809_0a0b, 0x0405_0607_0001_0203)
    var block = blocks
    for _ in 0..<count {
      let abefBefore = abef
      let cdghBefore = cdgh
      var w0 = load(block, 0, swap)
      var w1 = load(block, 16, swap)
      var w2 = load(block, 32, swap)
      var w3 = load(block, 48, swap)
      // Four rounds per step; the schedule computes message words four at a time, each
      // vector wN rotating through W[4i..4i+3]: msg1 a step after its words are used, alignr
      // and msg2 three steps later, as in Intel's reference sequence.
      rounds(&abef, &cdgh, w0, Words(0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5))
      rounds(&abef, &cdgh, w1, Words(0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5))
      message1(&w0, w1)
      rounds(&abef, &cdgh, w2, Words(0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3))
      message1(&w1, w2)
      rounds(&abef, &cdgh, w3, Words(0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174))
      message2(&w0, w3, w2)
      message1(&w2, w3)
      rounds(&abef, &cdgh, w0, Words(0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc))
      message2(&w1, w0, w3)
      message1(&w3, w0)
      rounds(&abef, &cdgh, w1, Words(0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da))
      message2(&w2, w1, w0)
      message1(&w0, w1)
      rounds(&abef, &cdgh, w2, Words(0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7))
      message2(&w3, w2, w1)
      message1(&w1, w2)
      rounds(&abef, &cdgh, w3, Words(0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967))
      message2(&w0, w3, w2)
      message1(&w2, w3)
      rounds(&abef, &cdgh, w0, Words(0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13))
      message2(&w1, w0, w3)
      message1(&w3, w0)
      rounds(&abef, &cdgh, w1, Words(0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85))
      message2(&w2, w1, w0)
      message1(&w0, w1)
      rounds(&abef, &cdgh, w2, Words(0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3))
      message2(&w3, w2, w1)
      message1(&w1, w2)
      rounds(&abef, &cdgh, w3, Words(0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070))
      message2(&w0, w3, w2)
      message1(&w2, w3)
      rounds(&abef, &cdgh, w0, Words(0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5))
      message2(&w1, w0, w3)
      message1(&w3, w0)
      rounds(&abef, &cdgh, w1, Words(0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3))
      message2(&w2, w1, w0)
      rounds(&abef, &cdgh, w2, Words(0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208))
      message2(&w3, w2, w1)
      rounds(&abef, &cdgh, w3, Words(0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2))
      abef &+= abefBefore
      cdgh &+= cdghBefore
      block += 64
    }
    state = (abef[3], abef[2], cdgh[3], cdgh[2], abef[1], abef[0], cdgh[1], cdgh[0])
  }

  /// Four 32-bit lanes, lane 0 lowest, the view sha256rnds2 and friends take of an `__m128i`.
  private typealias Words = SIMD4<UInt32>

  /// Four rounds with message words `w` (W[i...i+3]) and round constants `k` (K[i...i+3]).
  @inline(__always)
  private static func rounds(_ abef: inout Words, _ cdgh: inout Words, _ w: Words, _ k: Words) {
    let wk = w &+ k
    // Each sha256rnds2 does two rounds with the low two lanes of its third operand and
    // returns the new ABEF; the old ABEF becomes the new CDGH.
    cdgh = words(_mm_sha256rnds2_epu32(vector(cdgh), vector(abef), vector(wk)))
    let high = Words(wk[2], wk[3], wk[2], wk[3])
    abef = words(_mm_sha256rnds2_epu32(vector(abef), vector(cdgh), vector(high)))
  }

  /// The first half of the schedule for the four words after `next`: sha256msg1 adds
  /// sigma0 of W[i+1...i+4] to W[i...i+3] (`previous`), with `next` holding W[i+4...i+7].
  @inline(__always)
  private static func message1(_ previous: inout Words, _ next: Words) {
    previous = words(_mm_sha256msg1_epu32(vector(previous), vector(next)))
  }

  /// Completes four message words in `target`: adds W[i-7...i-4] (the words `last` and
  /// `beforeLast` straddle), then sha256msg2 adds sigma1 of the two words before each.
  @inline(__always)
  private static func message2(_ target: inout Words, _ last: Words, _ beforeLast: Words) {
    // palignr by 4 bytes: lanes 1...3 of `beforeLast`, then lane 0 of `last`.
    let straddle = Words(beforeLast[1], beforeLast[2], beforeLast[3], last[0])
    target = words(_mm_sha256msg2_epu32(vector(target &+ straddle), vector(last)))
  }

  /// Sixteen message bytes at `offset` as four big-endian words.
  @inline(__always)
  private static func load(_ block: UnsafeRawPointer, _ offset: Int, _ swap: __m128i) -> Words {
    let raw = block.loadUnaligned(fromByteOffset: offset, as: __m128i.self)
    return words(_mm_shuffle_epi8(raw, swap))
  }

  @inline(__always)
  private static func vector(_ words: Words) -> __m128i { unsafeBitCast(words, to: __m128i.self) }

  @inline(__always)
  private static func words(_ vector: __m128i) -> Words { unsafeBitCast(vector, to: Words.self) }
}
#else
/// SHA-256's compression function on the x86 SHA extensions: unavailable on this architecture.
public enum SHA256Hardware {
  /// Always false here: callers use their scalar rounds.
  public static let isAvailable = false

  /// Never called, as `isAvailable` is false.
  public static func compressBlocks(
    state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
    blocks: UnsafeRawPointer, count: Int
  ) {
    preconditionFailure("SHA256Hardware.compressBlocks called where isAvailable is false")
  }
}
#endif
