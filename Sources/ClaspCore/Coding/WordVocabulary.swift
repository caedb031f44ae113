/// The distinct words of a set of patterns, compiled into a byte trie that finds and classifies
/// every word of a text in one pass over its bytes.
///
/// Each distinct pattern word (bytes, prefix and case flags) gets an id. A scan lowercases ASCII on
/// the fly through a byte-class table, follows the trie while inside a word (most words leave it
/// within a byte or two) and at each word's end lists the ids of the pattern words it matches. Word
/// boundaries are exactly `WordTokenizer`'s; nothing is allocated per word.
struct WordVocabulary: Sendable {
  /// The pattern words; a word id indexes this array.
  let entries: [Pattern.Word]
  /// The trie, in flat tables.
  private let tables: Tables

  /// The trie's tables, allocated once and never mutated: state 0 is dead (and absorbing), 1 the
  /// root. A class because it owns the memory its pointers address.
  private final class Tables: @unchecked Sendable {
    let classCount: Int
    /// `state * classCount + class` to the next state.
    let transitions: UnsafeMutablePointer<Int32>
    /// Per state: bit 0 when a prefix word ends there, bit 1 when an exact word does.
    let kinds: UnsafeMutablePointer<UInt8>
    /// Per byte: its class in the low byte, and the `asciiWord`, `upper`, `letter` bits.
    let byteInfo: UnsafeMutablePointer<UInt16>
    /// The words ending at state `s` are `ends[endStart[s]..<endStart[s + 1]]`.
    let endStart: UnsafeMutablePointer<Int32>
    let ends: UnsafeMutablePointer<Int32>
    /// Per word id: bit 0 when it is a prefix, bit 1 when case-sensitive.
    let wordFlags: UnsafeMutablePointer<UInt8>

    init(
      classCount: Int, transitions: [Int32], kinds: [UInt8], byteInfo: [UInt16],
      terminals: [[Int32]], entries: [Pattern.Word]
    ) {
      func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(a.count, 1))
        p.initialize(from: a, count: a.count)
        return p
      }
      self.classCount = classCount
      self.transitions = copy(transitions)
      self.kinds = copy(kinds)
      self.byteInfo = copy(byteInfo)
      var start: [Int32] = [0]
      for t in terminals { start.append(start.last! + Int32(t.count)) }
      self.endStart = copy(start)
      self.ends = copy(terminals.flatMap { $0 })
      self.wordFlags = copy(entries.map { ($0.isPrefix ? 1 : 0) | ($0.caseSensitive ? 2 : 0) })
    }

    deinit {
      transitions.deallocate()
      kinds.deallocate()
      byteInfo.deallocate()
      endStart.deallocate()
      ends.deallocate()
      wordFlags.deallocate()
    }
  }

  /// Builds the vocabulary of `patterns`' words, ids in order of first appearance.
  init(_ patterns: [Pattern]) {
    var entries: [Pattern.Word] = []
    var byteClass = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    var byteInfo = [UInt16](repeating: 0, count: 256)
    var index: [Pattern.Word: Int] = [:]
    for pattern in patterns {
      for word in pattern.words where index[word] == nil {
        index[word] = entries.count
        entries.append(word)
      }
    }
    for word in entries {
      for b in word.bytes where byteClass[Int(Self.fold(b))] == 0 {
        byteClass[Int(Self.fold(b))] = UInt8(classCount)
        classCount += 1
      }
    }
    precondition(classCount <= 256)
    for b in 65...90 { byteClass[b] = byteClass[b + 32] }
    // Build the trie as child tables, then flatten.
    var children: [[Int32]] = [
      [Int32](repeating: 0, count: classCount), [Int32](repeating: 0, count: classCount),
    ]
    var terminalKinds: [UInt8] = [0, 0]
    var terminals: [[Int32]] = [[], []]
    for (id, word) in entries.enumerated() {
      var state = 1
      for b in word.bytes {
        let c = Int(byteClass[Int(b)])
        if children[state][c] == 0 {
          children.append([Int32](repeating: 0, count: classCount))
          terminalKinds.append(0)
          terminals.append([])
          children[state][c] = Int32(children.count - 1)
        }
        state = Int(children[state][c])
      }
      terminalKinds[state] |= word.isPrefix ? 1 : 2
      terminals[state].append(Int32(id))
    }
    // Byte to trie alphabet class, ASCII letters folded; class 0 is a byte no pattern word has.
    for b in 0..<256 {
      var bits = UInt16(byteClass[b])
      if (48...57).contains(b) { bits |= Self.asciiWord }
      if (97...122).contains(b) { bits |= Self.asciiWord | Self.letter }
      if (65...90).contains(b) { bits |= Self.asciiWord | Self.letter | Self.upper }
      byteInfo[b] = bits
    }
    self.entries = entries
    self.tables = Tables(
      classCount: classCount, transitions: children.flatMap { $0 }, kinds: terminalKinds,
      byteInfo: byteInfo, terminals: terminals, entries: entries)
  }

  static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

  /// The ids of the pattern words that `bytes[start..<end]` (one word) matches, appended to `ids`.
  func classify(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, into ids: inout [Int32])
  {
    let t = tables
    var state = 1
    var i = start
    while i < end, state != 0 {
      state = Int(t.transitions[state &* t.classCount &+ Int(t.byteInfo[Int(bytes[i])] & 0xFF)])
      i += 1
      if t.kinds[state] & 1 != 0 { addTerminals(state, bytes, start, exactEnd: false, &ids) }
    }
    if state != 0, t.kinds[state] & 2 != 0 { addTerminals(state, bytes, start, exactEnd: true, &ids) }
  }

  /// Adds the words ending at `state`: prefix words while walking, exact ones at the word's end;
  /// case-sensitive words only where the text has their exact bytes.
  @inline(never)
  private func addTerminals(
    _ state: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, exactEnd: Bool,
    _ ids: inout [Int32]
  ) {
    let t = tables
    for k in Int(t.endStart[state])..<Int(t.endStart[state + 1]) {
      let id = t.ends[k]
      let flags = t.wordFlags[Int(id)]
      guard (flags & 1 == 0) == exactEnd else { continue }
      if flags & 2 != 0 {
        let word = entries[Int(id)].bytes
        var same = true
        for k in 0..<word.count where bytes[start + k] != word[k] {
          same = false
          break
        }
        if !same { continue }
      }
      ids.append(id)
    }
  }

  /// Finds the words of `bytes` (as `WordTokenizer` does) and their pattern-word ids.
  /// - Complexity: O(n) in the number of bytes.
  func scan(_ bytes: UnsafeBufferPointer<UInt8>, into text: inout ScannedText) {
    // Work on local arrays (keeping the buffers' capacity) so appends need no uniqueness checks.
    var words = text.words
    var ids = text.ids
    text = ScannedText()
    words.removeAll(keepingCapacity: true)
    ids.removeAll(keepingCapacity: true)
    let t = tables
    let transitions = t.transitions
    let kinds = t.kinds
    let info = t.byteInfo
    let classCount = t.classCount
    let n = bytes.count
    var i = 0
    while i < n {
      // Between words: skip to the next word byte.
      let b = bytes[i]
      if info[Int(b)] & Self.asciiWord == 0 {
        if b < 0x80 {
          i += 1
          continue
        }
        if !Self.startsWord(b, at: i, in: bytes) {
          i += WordTokenizer.sequenceWidth(b)
          continue
        }
      }
      // Inside a word: follow the trie (while it has a path) until the word ends.
      let start = i
      var state = 1
      var flags: UInt16 = 0
      let idStart = ids.count
      while true {
        let b = bytes[i]
        let bits = info[Int(b)]
        if bits & Self.asciiWord != 0 {
          flags |= bits
          if state != 0 {
            state = Int(transitions[state &* classCount &+ Int(bits & 0xFF)])
            if kinds[state] & 1 != 0 { addTerminals(state, bytes, start, exactEnd: false, &ids) }
          }
          i += 1
        } else if b >= 0x80 && Self.startsWord(b, at: i, in: bytes) {
          flags |= Self.nonASCII
          let stop = min(i + WordTokenizer.sequenceWidth(b), n)
          while i < stop {
            if state != 0 {
              state = Int(transitions[state &* classCount &+ Int(info[Int(bytes[i])] & 0xFF)])
              if kinds[state] & 1 != 0 { addTerminals(state, bytes, start, exactEnd: false, &ids) }
            }
            i += 1
          }
        } else {
          break
        }
        if i >= n { break }
      }
      if state != 0, kinds[state] & 2 != 0 {
        addTerminals(state, bytes, start, exactEnd: true, &ids)
      }
      words.append(
        ScannedText.Word(
          start: start, end: i, idStart: Int32(idStart), idEnd: Int32(ids.count),
          hasUppercase: flags & Self.upper != 0,
          isNumber: flags & (Self.letter | Self.nonASCII) == 0, sentence: 0))
    }
    text.words = words
    text.ids = ids
  }

  /// `byteInfo` bits above the trie class in the low byte.
  static let asciiWord: UInt16 = 0x100
  static let upper: UInt16 = 0x200
  static let letter: UInt16 = 0x400
  static let nonASCII: UInt16 = 0x800

  /// `WordTokenizer.isWordByte` for a non-ASCII byte.
  @inline(__always)
  static func startsWord(_ b: UInt8, at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if b == 0xC2 { return false }
    if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return false }
    if b == 0xEF, i + 1 < bytes.count, bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC { return false }
    return b >= 0xC0
  }
}

/// A text's words with the pattern-word ids each matches, from `WordVocabulary.scan`; buffers are
/// reused from one text to the next.
struct ScannedText {
  struct Word {
    /// Byte offsets, half-open.
    var start: Int
    var end: Int
    /// This word's range in `ids`.
    var idStart: Int32
    var idEnd: Int32
    var hasUppercase: Bool
    /// True when every byte is an ASCII digit.
    var isNumber: Bool
    /// The sentence that holds the word's first byte; matches never cross sentences.
    var sentence: Int
  }

  var words: [Word] = []
  var ids: [Int32] = []
}
