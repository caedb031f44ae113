/// The distinct words of a set of patterns, compiled into a byte trie that finds and classifies
/// every word of a text in one pass over its bytes.
///
/// Each distinct pattern word (bytes, prefix and case flags) gets an id. A scan lowercases ASCII on
/// the fly through a byte-class table and follows the trie to each word's end without branching
/// on where the trie has no path (the dead state absorbs). Which pattern words a text word matches
/// depends only on the deepest trie state it reached and whether it ended there, so each state
/// carries its id list, precomputed, and whether one is a pattern's first word: nothing is looked
/// up or allocated per byte, and per word at most a short copy. Word boundaries are
/// exactly `WordTokenizer`'s; sentence boundaries, found in the same pass, `SentenceSplitter`'s.
struct WordVocabulary: Sendable {
  /// The pattern words; a word id indexes this array.
  let entries: [Pattern.Word]
  /// Per word id: true when the word is the first word of a pattern, so a match may start at it.
  let heads: [Bool]
  /// Every trie state's id list, end to end: the start of each text's `ScannedText.ids`, so a word
  /// whose list needs no case check points into it and nothing is copied per word.
  let lists: [Int32]
  /// The trie, in flat tables.
  private let tables: Tables

  /// The trie's tables, allocated once and never mutated.
  ///
  /// State 0 is dead (and absorbing), state 1 the root; the others are numbered breadth first, so
  /// the shallow states that most text words visit share a few cache lines. A class because it owns
  /// the memory its pointers address.
  private final class Tables: @unchecked Sendable {
    /// The trie class count: a state's transitions are the first `classCount` entries of its row.
    let classCount: Int
    /// The rows, `stride` entries each: state `s`'s row starts at `s * stride`.
    ///
    /// A row's entry for a class is the next state's row start (0: no path), so a walk keeps the
    /// row and never multiplies. After the transitions come the state's id list start in `ids`, its prefix count
    /// and its end count, each count flagged `cased` when its list has a case-sensitive word and
    /// `head` when it has a pattern's first word.
    ///
    /// The state's prefix words (matched by any word that reaches it) are
    /// `ids[listStart..<listStart + prefixCount]`, followed by the exact words ending at it up to
    /// `listStart + endCount` (matched also by a word that ends there).
    let rows: UnsafeMutablePointer<Int32>
    /// Per byte: its class in the low byte, and the `asciiWord`, `upper`, `letter`, `stop` bits.
    let byteInfo: UnsafeMutablePointer<UInt16>
    let ids: UnsafeMutablePointer<Int32>

    /// Row entries after the transitions: the list start, then the prefix and end counts.
    static let listStart = 0
    static let prefixCount = 1
    static let endCount = 2
    /// Entries in a row beyond `classCount`.
    static let extra = 3
    /// A count's flags: its list has a case-sensitive word (the sign bit), a pattern's first word.
    static let cased = Int32.min
    static let head: Int32 = 1 << 30
    static let countMask: Int32 = head - 1

    var stride: Int { classCount + Self.extra }

    init(classCount: Int, rows: [Int32], byteInfo: [UInt16], ids: [Int32]) {
      func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(a.count, 1))
        p.initialize(from: a, count: a.count)
        return p
      }
      self.classCount = classCount
      self.rows = copy(rows)
      self.byteInfo = copy(byteInfo)
      self.ids = copy(ids)
    }

    deinit {
      rows.deallocate()
      byteInfo.deallocate()
      ids.deallocate()
    }
  }

  /// Builds the vocabulary of `patterns`' words, ids in order of first appearance.
  init(_ patterns: [Pattern]) {
    var entries: [Pattern.Word] = []
    var index: [Pattern.Word: Int] = [:]
    var heads: [Bool] = []
    for pattern in patterns {
      for word in pattern.words where index[word] == nil {
        index[word] = entries.count
        entries.append(word)
        heads.append(false)
      }
      if let first = pattern.words.first, let id = index[first] { heads[id] = true }
    }
    // Byte to trie alphabet class, ASCII letters folded; class 0 is a byte no pattern word has.
    var byteClass = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for word in entries {
      for b in word.bytes where byteClass[Int(ASCIIBytes.lower(b))] == 0 {
        byteClass[Int(ASCIIBytes.lower(b))] = UInt8(classCount)
        classCount += 1
      }
    }
    precondition(classCount <= 256)
    for b in 65...90 { byteClass[b] = byteClass[b + 32] }
    // The trie as child tables, in order of insertion; words ending at each node.
    var children: [[Int32]] = [
      [Int32](repeating: 0, count: classCount), [Int32](repeating: 0, count: classCount),
    ]
    var prefixes: [[Int32]] = [[], []]
    var exacts: [[Int32]] = [[], []]
    for (id, word) in entries.enumerated() {
      var node = 1
      for b in word.bytes {
        let c = Int(byteClass[Int(b)])
        if children[node][c] == 0 {
          children.append([Int32](repeating: 0, count: classCount))
          prefixes.append([])
          exacts.append([])
          children[node][c] = Int32(children.count - 1)
        }
        node = Int(children[node][c])
      }
      if word.isPrefix {
        prefixes[node].append(Int32(id))
      } else {
        exacts[node].append(Int32(id))
      }
    }
    // Number the states breadth first (a state after its parent), dead 0 and root 1.
    var order = [0, 1]
    var parent = [0, 0]
    var state = [Int](repeating: 0, count: children.count)
    state[1] = 1
    var k = 1
    while k < order.count {
      let node = order[k]
      for child in children[node] where child != 0 {
        state[Int(child)] = order.count
        order.append(Int(child))
        parent.append(k)
      }
      k += 1
    }
    let stride = classCount + Tables.extra
    var rows = [Int32](repeating: 0, count: order.count * stride)
    var ids: [Int32] = []
    // Each state's lists: its ancestors' prefix words and its own, then its exact words.
    var closure: [[Int32]] = Array(repeating: [], count: order.count)
    let isCased = { (id: Int32) in entries[Int(id)].caseSensitive }
    for s in 1..<order.count {
      let node = order[s]
      for (c, child) in children[node].enumerated() where child != 0 {
        rows[s * stride + c] = Int32(state[Int(child)] * stride)
      }
      if s > 1 { closure[s] = closure[parent[s]] }
      closure[s] += prefixes[node]
      let list = closure[s] + exacts[node]
      precondition(ids.count + list.count <= Int(Tables.countMask))
      /// A count with its `cased` and `head` flags.
      func flagged(_ list: ArraySlice<Int32>) -> Int32 {
        Int32(list.count) | (list.contains(where: isCased) ? Tables.cased : 0)
          | (list.contains { heads[Int($0)] } ? Tables.head : 0)
      }
      rows[s * stride + classCount + Tables.listStart] = Int32(ids.count)
      rows[s * stride + classCount + Tables.prefixCount] = flagged(list[..<closure[s].count])
      rows[s * stride + classCount + Tables.endCount] = flagged(list[...])
      ids += list
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
    self.heads = heads
    self.lists = ids
    self.tables = Tables(classCount: classCount, rows: rows, byteInfo: byteInfo, ids: ids)
  }

  /// The range in `ids` (started by `reset(_:)`) of the ids of the pattern words that
  /// `bytes[start..<end]` (one word) matches, and whether one of them is a pattern's first word.
  func classify(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, into ids: inout [Int32]
  ) -> (ids: Range<Int32>, head: Bool) {
    let t = tables
    var row = t.stride
    var alive = true
    var i = start
    while i < end {
      let next = Int(t.rows[row &+ Int(t.byteInfo[Int(bytes[i])] & 0xFF)])
      if next == 0 {
        alive = false
        break
      }
      row = next
      i += 1
    }
    return idRange(row: row, ended: alive, bytes, start, &ids)
  }

  /// Empties `ids` down to `lists`, which every text's ids start with.
  func reset(_ ids: inout [Int32]) {
    if ids.count < lists.count {
      ids = lists
    } else if ids.count > lists.count {
      ids.removeLast(ids.count - lists.count)
    }
  }

  /// The range in `ids` of the pattern words matched by the text word at `start`, and whether one
  /// of them is a pattern's first word.
  ///
  /// `row` is the row of the word's deepest trie state, `ended` true when the word ended there.
  /// Case-sensitive words count only where the text has their exact bytes. Without any, the range is
  /// the state's own list in `lists`; otherwise the words that match are appended to `ids`.
  @inline(__always)
  private func idRange(
    row: Int, ended: Bool, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int,
    _ ids: inout [Int32]
  ) -> (ids: Range<Int32>, head: Bool) {
    let t = tables
    let info = t.rows + (row &+ t.classCount)
    let counted = info[ended ? Tables.endCount : Tables.prefixCount]
    let count = counted & Tables.countMask
    let first = info[Tables.listStart]
    if counted >= 0 { return (first..<first &+ count, counted & Tables.head != 0) }
    let list = UnsafeBufferPointer(start: t.ids + Int(first), count: Int(count))
    let appended = Int32(ids.count)
    var head = false
    for id in list where !entries[Int(id)].caseSensitive || matchesCase(id, bytes, start) {
      ids.append(id)
      if heads[Int(id)] { head = true }
    }
    return (appended..<Int32(ids.count), head)
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
    let rows = t.rows
    let info = t.byteInfo
    let root = t.stride
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
      // Inside a word: follow the trie to the word's end. The dead state is absorbing, so the walk
      // need not stop where the trie has no path; `deepest` keeps the last live state.
      let start = i
      var row = root
      var deepest = root
      var flags: UInt16 = 0
      while i < n {
        let b = bytes[i]
        let bits = info[Int(b)]
        if bits & Self.asciiWord != 0 {
          flags |= bits
          row = Int(rows[row &+ Int(bits & 0xFF)])
          if row != 0 { deepest = row }
          i &+= 1
        } else if b >= 0x80 && Self.startsWord(b, at: i, in: bytes) {
          flags |= Self.nonASCII
          let stop = min(i + WordTokenizer.sequenceWidth(b), n)
          while i < stop {
            row = Int(rows[row &+ Int(info[Int(bytes[i])] & 0xFF)])
            if row != 0 { deepest = row }
            i &+= 1
          }
        } else {
          break
        }
      }
      let found =
        deepest != root
        ? idRange(row: deepest, ended: row != 0, bytes, start, &ids) : (ids: 0..<0, head: false)
      // The sentence under way holds this word's first byte: its trimmed start is at or before it.
      words.append(
        ScannedText.Word(
          start: start, end: i, idStart: found.ids.lowerBound, idEnd: found.ids.upperBound,
          isHead: found.head, hasUppercase: flags & Self.upper != 0,
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
    /// True when one of its pattern words is a pattern's first word, so a match may start here.
    var isHead: Bool
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
