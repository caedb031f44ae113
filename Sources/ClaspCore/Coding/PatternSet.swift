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
  private let rootChild: [Int32]
  /// Node `n`'s edges are `edgeWord[edgeStart[n]..<edgeStart[n + 1]]` with children in `edgeChild`.
  private let edgeStart: [Int32]
  private let edgeWord: [Int32]
  private let edgeChild: [Int32]
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
    var root = [Int32](repeating: -1, count: vocabulary.entries.count)
    for edge in children[0] { root[Int(edge.word)] = edge.child }
    var edgeStart: [Int32] = [0]
    var edgeWord: [Int32] = []
    var edgeChild: [Int32] = []
    var outputStart: [Int32] = [0]
    var outputs: [Int32] = []
    for node in children.indices {
      if node != 0 {
        for edge in children[node] {
          edgeWord.append(edge.word)
          edgeChild.append(edge.child)
        }
      }
      edgeStart.append(Int32(edgeWord.count))
      outputs += ends[node]
      outputStart.append(Int32(outputs.count))
    }
    self.vocabulary = vocabulary
    self.rootChild = root
    self.edgeStart = edgeStart
    self.edgeWord = edgeWord
    self.edgeChild = edgeChild
    self.outputStart = outputStart
    self.outputs = outputs
    var atDepth = [Int](repeating: 0, count: (depth.max() ?? 0) + 1)
    for d in depth.dropFirst() { atDepth[d] += 1 }
    self.width = atDepth.max() ?? 0
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
              start: word.start, end: word.end, idStart: found.lowerBound,
              idEnd: found.upperBound, hasUppercase: word.hasUppercase, isNumber: false,
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
          edgeStart.withUnsafeBufferPointer { edgeStart in
            edgeWord.withUnsafeBufferPointer { edgeWord in
              edgeChild.withUnsafeBufferPointer { edgeChild in
                outputStart.withUnsafeBufferPointer { outputStart in
                  outputs.withUnsafeBufferPointer { outputs in
                    walk(
                      words, ids, rootChild, edgeStart, edgeWord, edgeChild, outputStart, outputs,
                      into: &out)
                  }
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
    _ rootChild: UnsafeBufferPointer<Int32>, _ edgeStart: UnsafeBufferPointer<Int32>,
    _ edgeWord: UnsafeBufferPointer<Int32>, _ edgeChild: UnsafeBufferPointer<Int32>,
    _ outputStart: UnsafeBufferPointer<Int32>, _ outputs: UnsafeBufferPointer<Int32>,
    into out: inout [Match]
  ) {
    // The nodes under way, and the next word's, are distinct nodes of one depth: `width` bounds
    // each list.
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * max(width, 1)) { buffer in
      var frontier = buffer.baseAddress!
      var next = frontier + max(width, 1)
      for first in words.indices {
        let head = words[first]
        guard head.idStart != head.idEnd else { continue }
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
          for f in 0..<count {
            let node = Int(frontier[f])
            for o in Int(outputStart[node])..<Int(outputStart[node + 1]) {
              out.append(
                Match(
                  pattern: Int(outputs[o]), firstWord: first, lastWord: last, start: head.start,
                  end: words[last].end))
            }
          }
          last += 1
          guard last < words.count, words[last].sentence == head.sentence else { break }
          let word = words[last]
          var nextCount = 0
          if word.idStart != word.idEnd {
            for f in 0..<count {
              let node = Int(frontier[f])
              for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
                let w = edgeWord[e]
                for k in Int(word.idStart)..<Int(word.idEnd) where ids[k] == w {
                  next[nextCount] = edgeChild[e]
                  nextCount += 1
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
