/// The distinct words of a set of patterns, compiled into a byte trie that finds and classifies
/// every word of a text in one pass over its bytes.
///
/// Each distinct pattern word (bytes, prefix and case flags) gets an id. A scan lowercases ASCII on
/// the fly through a byte-class table and follows the trie while inside a word (most words leave it
/// within a byte or two). Which pattern words a text word matches depends only on the deepest trie
/// state it reached and whether it ended there, so each state carries its id list, precomputed:
/// nothing is looked up or allocated per byte, and per word at most a short copy. Word boundaries are
/// exactly `WordTokenizer`'s; sentence boundaries, found in the same pass, `SentenceSplitter`'s.
struct WordVocabulary: Sendable {
  /// The pattern words; a word id indexes this array.
  let entries: [Pattern.Word]
  /// Every trie state's id list, end to end: the start of each text's `ScannedText.ids`, so a word
  /// whose list needs no case check points into it and nothing is copied per word.
  let lists: [Int32]
  /// The trie, in flat tables.
  private let tables: Tables

  /// The trie's tables, allocated once and never mutated.
  ///
  /// State 0 is dead (and absorbing), state 1 the root. A class because it owns the memory its
  /// pointers address.
  private final class Tables: @unchecked Sendable {
    let classCount: Int
    /// `state * classCount + class` to the next state's row, `next * classCount` (0: no path), so a
    /// walk keeps the row and never multiplies.
    let transitions: UnsafeMutablePointer<Int32>
    /// Per byte: its class in the low byte, and the `asciiWord`, `upper`, `letter`, `stop` bits.
    let byteInfo: UnsafeMutablePointer<UInt16>
    /// Per state `s`: `ids[listStart[s]..<listStart[s] + prefixCount[s]]` are the prefix words
    /// on its path (matched by any word that reaches `s`), followed by the exact words ending at `s`
    /// up to `listStart[s] + endCount[s]` (matched also by a word that ends there).
    let listStart: UnsafeMutablePointer<Int32>
    let prefixCount: UnsafeMutablePointer<Int32>
    let endCount: UnsafeMutablePointer<Int32>
    let ids: UnsafeMutablePointer<Int32>
    /// Per state: bit 0 when its prefix list has a case-sensitive word, bit 1 when its end list has.
    let cased: UnsafeMutablePointer<UInt8>

    init(
      classCount: Int, transitions: [Int32], byteInfo: [UInt16], listStart: [Int32],
      prefixCount: [Int32], endCount: [Int32], ids: [Int32], cased: [UInt8]
    ) {
      func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(a.count, 1))
        p.initialize(from: a, count: a.count)
        return p
      }
      self.classCount = classCount
      self.transitions = copy(transitions)
      self.byteInfo = copy(byteInfo)
      self.listStart = copy(listStart)
      self.prefixCount = copy(prefixCount)
      self.endCount = copy(endCount)
      self.ids = copy(ids)
      self.cased = copy(cased)
    }

    deinit {
      transitions.deallocate()
      byteInfo.deallocate()
      listStart.deallocate()
      prefixCount.deallocate()
      endCount.deallocate()
      ids.deallocate()
      cased.deallocate()
    }
  }

  /// Builds the vocabulary of `patterns`' words, ids in order of first appearance.
  init(_ patterns: [Pattern]) {
    var entries: [Pattern.Word] = []
    var index: [Pattern.Word: Int] = [:]
    for pattern in patterns {
      for word in pattern.words where index[word] == nil {
        index[word] = entries.count
        entries.append(word)
      }
    }
    // Byte to trie alphabet class, ASCII letters folded; class 0 is a byte no pattern word has.
    var byteClass = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for word in entries {
      for b in word.bytes where byteClass[Int(Self.fold(b))] == 0 {
        byteClass[Int(Self.fold(b))] = UInt8(classCount)
        classCount += 1
      }
    }
    precondition(classCount <= 256)
    for b in 65...90 { byteClass[b] = byteClass[b + 32] }
    // The trie as child tables; words ending at each state.
    var children: [[Int32]] = [
      [Int32](repeating: 0, count: classCount), [Int32](repeating: 0, count: classCount),
    ]
    var parent: [Int] = [0, 0]
    var prefixes: [[Int32]] = [[], []]
    var exacts: [[Int32]] = [[], []]
    for (id, word) in entries.enumerated() {
      var state = 1
      for b in word.bytes {
        let c = Int(byteClass[Int(b)])
        if children[state][c] == 0 {
          children.append([Int32](repeating: 0, count: classCount))
          parent.append(state)
          prefixes.append([])
          exacts.append([])
          children[state][c] = Int32(children.count - 1)
        }
        state = Int(children[state][c])
      }
      if word.isPrefix {
        prefixes[state].append(Int32(id))
      } else {
        exacts[state].append(Int32(id))
      }
    }
    // Each state's lists: its ancestors' prefix words and its own (states are numbered after their
    // parents), then its exact words.
    var closure: [[Int32]] = Array(repeating: [], count: children.count)
    var listStart: [Int32] = []
    var prefixCount: [Int32] = []
    var endCount: [Int32] = []
    var ids: [Int32] = []
    var cased: [UInt8] = []
    for state in children.indices {
      if state > 1 { closure[state] = closure[parent[state]] }
      closure[state] += prefixes[state]
      listStart.append(Int32(ids.count))
      prefixCount.append(Int32(closure[state].count))
      endCount.append(Int32(closure[state].count + exacts[state].count))
      ids += closure[state] + exacts[state]
      let isCased = { (id: Int32) in entries[Int(id)].caseSensitive }
      cased.append(
        (closure[state].contains(where: isCased) ? 1 : 0)
          | (closure[state].contains(where: isCased) || exacts[state].contains(where: isCased)
            ? 2 : 0))
    }
    var byteInfo = [UInt16](repeating: 0, count: 256)
    for b in 0..<256 {
      var bits = UInt16(byteClass[b])
      if (48...57).contains(b) { bits |= Self.asciiWord }
      if (97...122).contains(b) { bits |= Self.asciiWord | Self.letter }
      if (65...90).contains(b) { bits |= Self.asciiWord | Self.letter | Self.upper }
      if b == 10 || b == 46 || b == 33 || b == 63 { bits |= Self.stop }
      byteInfo[b] = bits
    }
    self.entries = entries
    self.lists = ids
    self.tables = Tables(
      classCount: classCount, transitions: children.flatMap { $0 }.map { $0 * Int32(classCount) },
      byteInfo: byteInfo,
      listStart: listStart, prefixCount: prefixCount, endCount: endCount, ids: ids, cased: cased)
  }

  static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

  /// The range in `ids` (started by `reset(_:)`) of the ids of the pattern words that
  /// `bytes[start..<end]` (one word) matches.
  func classify(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, into ids: inout [Int32]
  ) -> Range<Int32> {
    let t = tables
    var row = t.classCount
    var alive = true
    var i = start
    while i < end {
      let next = Int(t.transitions[row &+ Int(t.byteInfo[Int(bytes[i])] & 0xFF)])
      if next == 0 {
        alive = false
        break
      }
      row = next
      i += 1
    }
    return idRange(state: Self.state(row: row, t.classCount), ended: alive, bytes, start, &ids)
  }

  /// The state whose row in `transitions` starts at `row`.
  @inline(__always)
  static func state(row: Int, _ classCount: Int) -> Int {
    // Both are small and positive: unsigned 32-bit division needs no overflow checks.
    Int(UInt32(truncatingIfNeeded: row) / UInt32(truncatingIfNeeded: classCount))
  }

  /// Empties `ids` down to `lists`, which every text's ids start with.
  func reset(_ ids: inout [Int32]) {
    if ids.count < lists.count {
      ids = lists
    } else if ids.count > lists.count {
      ids.removeLast(ids.count - lists.count)
    }
  }

  /// The range in `ids` of the pattern words matched by the text word at `start`.
  ///
  /// `state` is the word's deepest trie state, `ended` true when the word ended there.
  /// Case-sensitive words count only where the text has their exact bytes. Without any, the range is
  /// the state's own list in `lists`; otherwise the words that match are appended to `ids`.
  @inline(__always)
  private func idRange(
    state: Int, ended: Bool, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int,
    _ ids: inout [Int32]
  ) -> Range<Int32> {
    let t = tables
    let count = ended ? t.endCount[state] : t.prefixCount[state]
    let first = t.listStart[state]
    if count == 0 || t.cased[state] & (ended ? 2 : 1) == 0 { return first..<first &+ count }
    let list = UnsafeBufferPointer(start: t.ids + Int(first), count: Int(count))
    let appended = Int32(ids.count)
    for id in list where !entries[Int(id)].caseSensitive || matchesCase(id, bytes, start) {
      ids.append(id)
    }
    return appended..<Int32(ids.count)
  }

  /// True when the text at `start` has case-sensitive word `id`'s exact bytes.
  private func matchesCase(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
    let word = entries[Int(id)].bytes
    for k in word.indices where bytes[start + k] != word[k] { return false }
    return true
  }

  /// Finds the words of `bytes` (as `WordTokenizer` does), their pattern-word ids, and the
  /// sentences (as `SentenceSplitter` does), each word tagged with its sentence.
  /// - Complexity: O(n) in the number of bytes.
  func scan(_ bytes: UnsafeBufferPointer<UInt8>, into text: inout ScannedText) {
    // Work on local arrays (keeping the buffers' capacity) so appends need no copies.
    var words = text.words
    var ids = text.ids
    var sentences = text.sentences
    text = ScannedText()
    words.removeAll(keepingCapacity: true)
    reset(&ids)
    sentences.removeAll(keepingCapacity: true)
    let t = tables
    let transitions = t.transitions
    let info = t.byteInfo
    let classCount = t.classCount
    let n = bytes.count
    var sentenceStart = 0
    var i = 0
    while i < n {
      // Between words: skip to the next word byte, ending sentences on the way.
      let b = bytes[i]
      let bits = info[Int(b)]
      if bits & Self.asciiWord == 0 {
        if b < 0x80 {
          if bits & Self.stop != 0 {
            if b == 10 {
              SentenceSplitter.emit(sentenceStart..<i, in: bytes, into: &sentences)
              sentenceStart = i + 1
            } else if let end = SentenceSplitter.sentenceEnd(stop: i, in: bytes) {
              SentenceSplitter.emit(sentenceStart..<end, in: bytes, into: &sentences)
              sentenceStart = end
              i = end
              continue
            }
          }
          i += 1
          continue
        }
        if !Self.startsWord(b, at: i, in: bytes) {
          i += WordTokenizer.sequenceWidth(b)
          continue
        }
      }
      // Inside a word: follow the trie while it has a path, to the word's end.
      let start = i
      var row = classCount
      var alive = true
      var flags: UInt16 = 0
      // ASCII bytes while the trie has a path, the common case, in a tight loop.
      while true {
        let bits = info[Int(bytes[i])]
        guard bits & Self.asciiWord != 0 else { break }
        flags |= bits
        let next = Int(transitions[row &+ Int(bits & 0xFF)])
        i &+= 1
        guard next != 0 else {
          alive = false
          break
        }
        row = next
        if i == n { break }
      }
      // The rest of the word: non-ASCII letters, and bytes past the trie's paths.
      while i < n {
        let b = bytes[i]
        let bits = info[Int(b)]
        if bits & Self.asciiWord != 0 {
          flags |= bits
          if alive {
            let next = Int(transitions[row &+ Int(bits & 0xFF)])
            if next != 0 { row = next } else { alive = false }
          }
          i &+= 1
        } else if b >= 0x80 && Self.startsWord(b, at: i, in: bytes) {
          flags |= Self.nonASCII
          let stop = min(i + WordTokenizer.sequenceWidth(b), n)
          while i < stop {
            if alive {
              let next = Int(transitions[row &+ Int(info[Int(bytes[i])] & 0xFF)])
              if next != 0 { row = next } else { alive = false }
            }
            i &+= 1
          }
        } else {
          break
        }
      }
      let found =
        row != classCount
        ? idRange(state: Self.state(row: row, classCount), ended: alive, bytes, start, &ids) : 0..<0
      // The sentence under way holds this word's first byte: its trimmed start is at or before it.
      words.append(
        ScannedText.Word(
          start: start, end: i, idStart: found.lowerBound, idEnd: found.upperBound,
          hasUppercase: flags & Self.upper != 0,
          isNumber: flags & (Self.letter | Self.nonASCII) == 0, sentence: sentences.count))
    }
    SentenceSplitter.emit(sentenceStart..<n, in: bytes, into: &sentences)
    text.words = words
    text.ids = ids
    text.sentences = sentences
  }

  /// `byteInfo` bits above the trie class in the low byte.
  static let asciiWord: UInt16 = 0x100
  static let upper: UInt16 = 0x200
  static let letter: UInt16 = 0x400
  static let nonASCII: UInt16 = 0x800
  /// A byte that may end a sentence: `\n`, `.`, `!`, `?`.
  static let stop: UInt16 = 0x1000

  /// `WordTokenizer.isWordByte` for a non-ASCII byte.
  @inline(__always)
  static func startsWord(_ b: UInt8, at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if b == 0xC2 { return false }
    if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return false }
    if b == 0xEF, i + 1 < bytes.count, bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC { return false }
    return b >= 0xC0
  }
}

/// A text's words with the pattern-word ids each matches, and its sentences, from
/// `WordVocabulary.scan`; buffers are reused from one text to the next.
struct ScannedText {
  struct Word {
    /// Byte offsets, half-open.
    var start: Int
    var end: Int
    /// This word's range in `ids` (empty when it matches no pattern word).
    var idStart: Int32
    var idEnd: Int32
    var hasUppercase: Bool
    /// True when every byte is an ASCII digit.
    var isNumber: Bool
    /// The sentence that holds the word's first byte; matches never cross sentences.
    var sentence: Int
  }

  var words: [Word] = []
  /// The vocabulary's `lists`, then the lists of words whose case had to be checked.
  var ids: [Int32] = []
  /// The sentences' byte ranges, as `SentenceSplitter.ranges(in:)` gives them.
  var sentences: [Range<Int>] = []
}
