/// A set of pattern indices as a bit mask: membership is a shift and a mask, where a `Set<Int>`
/// would hash.
struct PatternMask: Sendable {
  private let bits: [UInt64]

  /// The mask of `indices`, none negative.
  init(_ indices: some Sequence<Int>) {
    var bits: [UInt64] = []
    for i in indices {
      while bits.count <= i >> 6 { bits.append(0) }
      bits[i >> 6] |= 1 << UInt64(i & 63)
    }
    self.bits = bits
  }

  /// True when pattern `i` is in the mask.
  func contains(_ i: Int) -> Bool {
    let word = i >> 6
    return word < bits.count && bits[word] & (1 << UInt64(i & 63)) != 0
  }
}
