/// Many patterns compiled once into a word trie, matched in one pass over a text's words.
///
/// The patterns' distinct words form a `WordVocabulary`: one pass over a text's bytes finds its
/// words and, for each, the ids of the pattern words it matches. The trie's edges are those ids (the
/// root's in a table indexed by id, the others in short flat lists), so matching from a word costs
/// nothing unless the word is a pattern word. Matching walks the trie from every such word, never
/// crossing a sentence boundary, so the cost is the number of words times the length of the longest
/// partial match, independent of the number of patterns.
///
/// ```swift
/// let set = PatternSet([try Pattern(parsing: "supervis*"), try Pattern(parsing: "MASH")])
/// let hits = set.matches(in: Array("MASH supervision".utf8))
/// ```
public struct PatternSet: Sendable {
  /// One occurrence of a pattern in a text.
  public struct Match: Sendable, Hashable {
    /// The index of the pattern in the array the set was built from.
    public let pattern: Int
    /// Indices of the first and last matched words.
    public let firstWord: Int
    public let lastWord: Int
    /// Byte offsets of the match, half-open.
    public let start: Int
    public let end: Int
  }

  /// The compiled patterns; `Match.pattern` indexes this array.
  public let patterns: [Pattern]
  /// The patterns' distinct words.
  let vocabulary: WordVocabulary
  /// The root's child by word id, -1 for none.
  ///
  /// A child is given as `node << 1 | 1` when the node has children and `node << 1` when it is a
  /// leaf, where a walk ends; so in `edgeChild`.
  private let rootChild: [Int32]
  /// The other nodes' edges, in an open-addressed hash table.
  ///
  /// The edge from node `n` by word `w` has key `n << 32 | w` in `edgeKey` (`emptyKey` for a free
  /// slot) and its child in `edgeChild` at the same slot. A node may have hundreds of edges; a step
  /// costs a probe per word id.
  private let edgeKey: [UInt64]
  private let edgeChild: [Int32]
  /// `edgeKey.count - 1`, the count a power of two.
  private let edgeMask: Int
  private static let emptyKey = UInt64.max
  /// Node `n`'s patterns are `outputs[outputStart[n]..<outputStart[n + 1]]`, in index order.
  private let outputStart: [Int32]
  private let outputs: [Int32]
  /// The most nodes at one depth: the most a walk can have under way at once.
  private let width: Int

  /// Compiles `patterns`; duplicates are kept and each reports its own index.
  /// - Complexity: O(total words of the patterns).
  public init(_ patterns: [Pattern]) {
    self.patterns = patterns
    let vocabulary = WordVocabulary(patterns)
    var id: [Pattern.Word: Int32] = [:]
    for (k, word) in vocabulary.entries.enumerated() { id[word] = Int32(k) }
    // Node 0 is the root.
    var children: [[(word: Int32, child: Int32)]] = [[]]
    var ends: [[Int32]] = [[]]
    var depth: [Int] = [0]
    for (index, pattern) in patterns.enumerated() {
      var node = 0
      for word in pattern.words {
        let w = id[word]!
        if let edge = children[node].first(where: { $0.word == w }) {
          node = Int(edge.child)
        } else {
          children.append([])
          ends.append([])
          depth.append(depth[node] + 1)
          children[node].append((w, Int32(children.count - 1)))
          node = children.count - 1
        }
      }
      ends[node].append(Int32(index))
    }
    /// `node` with its flag: 1 when it has children.
    func flagged(_ node: Int32) -> Int32 { node << 1 | (children[Int(node)].isEmpty ? 0 : 1) }
    var root = [Int32](repeating: -1, count: vocabulary.entries.count)
    for edge in children[0] { root[Int(edge.word)] = flagged(edge.child) }
    let edgeCount = children.dropFirst().reduce(0) { $0 + $1.count }
    var capacity = 16
    while capacity < 2 * edgeCount { capacity *= 2 }
    var edgeKey = [UInt64](repeating: Self.emptyKey, count: capacity)
    var edgeChild = [Int32](repeating: -1, count: capacity)
    var outputStart: [Int32] = [0]
    var outputs: [Int32] = []
    for node in children.indices {
      if node != 0 {
        for edge in children[node] {
          let key = Self.edgeKey(node: node, word: edge.word)
          var slot = Self.slot(key, capacity - 1)
          while edgeKey[slot] != Self.emptyKey { slot = (slot + 1) & (capacity - 1) }
          edgeKey[slot] = key
          edgeChild[slot] = flagged(edge.child)
        }
      }
      outputs += ends[node]
      outputStart.append(Int32(outputs.count))
    }
    self.vocabulary = vocabulary
    self.rootChild = root
    self.edgeKey = edgeKey
    self.edgeChild = edgeChild
    self.edgeMask = capacity - 1
    self.outputStart = outputStart
    self.outputs = outputs
    var atDepth = [Int](repeating: 0, count: (depth.max() ?? 0) + 1)
    for d in depth.dropFirst() { atDepth[d] += 1 }
    self.width = atDepth.max() ?? 0
  }

  /// The key of the edge from `node` by word id `word`.
  @inline(__always)
  private static func edgeKey(node: Int, word: Int32) -> UInt64 {
    UInt64(truncatingIfNeeded: node) << 32 | UInt64(UInt32(bitPattern: word))
  }

  /// The home slot of `key` in a table of `mask + 1` slots (a power of two).
  @inline(__always)
  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// Every match in `text`, ordered by start word then pattern index.
  /// - Parameters:
  ///   - words: the words of `text` (from `WordTokenizer`), passed in when the caller already has them.
  ///   - sentenceOfWord: the sentence index of each word; a match never spans two sentences.
  public func matches(
    in text: [UInt8], words: [Word]? = nil, sentenceOfWord: [Int]? = nil
  ) -> [Match] {
    var scanned = ScannedText()
    text.withUnsafeBufferPointer { bytes in
      if let words {
        vocabulary.reset(&scanned.ids)
        for (k, word) in words.enumerated() {
          let found = vocabulary.classify(
            bytes, start: word.start, end: word.end, into: &scanned.ids)
          scanned.words.append(
            ScannedText.Word(
              start: word.start, end: word.end, idStart: found.ids.lowerBound,
              idEnd: found.ids.upperBound, isHead: found.head, hasUppercase: word.hasUppercase,
              isNumber: false,
              sentence: sentenceOfWord?[k] ?? 0))
        }
      } else {
        vocabulary.scan(bytes, into: &scanned)
        for k in scanned.words.indices { scanned.words[k].sentence = sentenceOfWord?[k] ?? 0 }
      }
    }
    var out: [Match] = []
    matches(in: scanned, into: &out)
    return out
  }

  /// Appends every match in `text` (scanned with this set's `vocabulary`) to `out`, ordered by start
  /// word then pattern index.
  func matches(in text: ScannedText, into out: inout [Match]) {
    text.words.withUnsafeBufferPointer { words in
      text.ids.withUnsafeBufferPointer { ids in
        rootChild.withUnsafeBufferPointer { rootChild in
          edgeKey.withUnsafeBufferPointer { edgeKey in
            edgeChild.withUnsafeBufferPointer { edgeChild in
              outputStart.withUnsafeBufferPointer { outputStart in
                outputs.withUnsafeBufferPointer { outputs in
                  walk(
                    words, ids, rootChild, edgeKey, edgeChild, outputStart, outputs, into: &out)
                }
              }
            }
          }
        }
      }
    }
  }

  private func walk(
    _ words: UnsafeBufferPointer<ScannedText.Word>, _ ids: UnsafeBufferPointer<Int32>,
    _ rootChild: UnsafeBufferPointer<Int32>, _ edgeKey: UnsafeBufferPointer<UInt64>,
    _ edgeChild: UnsafeBufferPointer<Int32>,
    _ outputStart: UnsafeBufferPointer<Int32>, _ outputs: UnsafeBufferPointer<Int32>,
    into out: inout [Match]
  ) {
    // The nodes under way, and the next word's, are distinct nodes of one depth: `width` bounds
    // each list.
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * max(width, 1)) { buffer in
      var frontier = buffer.baseAddress!
      var next = frontier + max(width, 1)
      // Only a word that is some pattern's first word can start a match.
      for first in words.indices {
        let head = words[first]
        guard head.isHead else { continue }
        var count = 0
        for k in Int(head.idStart)..<Int(head.idEnd) {
          let child = rootChild[Int(ids[k])]
          if child >= 0 {
            frontier[count] = child
            count += 1
          }
        }
        let found = out.count
        var last = first
        while count > 0 {
          var inner = false
          for f in 0..<count {
            let flagged = frontier[f]
            let node = Int(flagged >> 1)
            inner = inner || flagged & 1 != 0
            for o in Int(outputStart[node])..<Int(outputStart[node + 1]) {
              out.append(
                Match(
                  pattern: Int(outputs[o]), firstWord: first, lastWord: last, start: head.start,
                  end: words[last].end))
            }
          }
          last += 1
          guard inner, last < words.count, words[last].sentence == head.sentence else { break }
          let word = words[last]
          var nextCount = 0
          if word.idStart != word.idEnd {
            let mask = edgeMask
            for f in 0..<count where frontier[f] & 1 != 0 {
              let node = Int(frontier[f] >> 1)
              for k in Int(word.idStart)..<Int(word.idEnd) {
                let key = Self.edgeKey(node: node, word: ids[k])
                var slot = Self.slot(key, mask)
                while true {
                  let found = edgeKey[slot]
                  if found == key {
                    next[nextCount] = edgeChild[slot]
                    nextCount += 1
                    break
                  }
                  if found == Self.emptyKey { break }
                  slot = (slot &+ 1) & mask
                }
              }
            }
          }
          swap(&frontier, &next)
          count = nextCount
        }
        // Order this word's matches by pattern (each pattern ends at one node: no ties).
        if out.count - found > 1 {
          out.withUnsafeMutableBufferPointer { out in
            for i in (found + 1)..<out.count {
              let m = out[i]
              var j = i
              while j > found, out[j - 1].pattern > m.pattern {
                out[j] = out[j - 1]
                j -= 1
              }
              out[j] = m
            }
          }
        }
      }
    }
  }
}
