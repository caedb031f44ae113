/// Many patterns compiled once into a word trie, matched in one pass over a text's words.
///
/// Each trie edge is a pattern word: exact lowercase words are looked up in a hash table per node,
/// prefix and case-sensitive words are tested in turn (there are few of them). Matching walks the trie
/// from every word of the text, never crossing a sentence boundary, so the cost is the number of words
/// times the length of the longest partial match, independent of the number of patterns.
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

  private struct Edge: Sendable {
    var pattern: Int
    var word: Int
    var child: Int
  }

  private struct Node: Sendable {
    var exact: [[UInt8]: Int] = [:]
    /// Prefix and case-sensitive edges, keyed by their first byte lowercased (first-byte dispatch).
    var special: [UInt8: [Edge]] = [:]
    var outputs: [Int] = []
  }

  /// The compiled patterns; `Match.pattern` indexes this array.
  public let patterns: [Pattern]
  private var nodes: [Node] = [Node()]

  /// Compiles `patterns`; duplicates are kept and each reports its own index.
  /// - Complexity: O(total words of the patterns).
  public init(_ patterns: [Pattern]) {
    self.patterns = patterns
    for (index, pattern) in patterns.enumerated() {
      var node = 0
      for (w, word) in pattern.words.enumerated() {
        if !word.isPrefix && !word.caseSensitive {
          if let next = nodes[node].exact[word.bytes] {
            node = next
          } else {
            nodes.append(Node())
            nodes[node].exact[word.bytes] = nodes.count - 1
            node = nodes.count - 1
          }
        } else {
          let key = Self.fold(word.bytes[0])
          if let edge = nodes[node].special[key]?.first(where: {
            patterns[$0.pattern].words[$0.word] == word
          }) {
            node = edge.child
          } else {
            nodes.append(Node())
            nodes[node].special[key, default: []].append(
              Edge(pattern: index, word: w, child: nodes.count - 1))
            node = nodes.count - 1
          }
        }
      }
      nodes[node].outputs.append(index)
    }
  }

  static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

  /// Every match in `text`, ordered by start word then pattern index.
  /// - Parameters:
  ///   - words: the words of `text` (from `WordTokenizer`), passed in when the caller already has them.
  ///   - sentenceOfWord: the sentence index of each word; a match never spans two sentences.
  public func matches(
    in text: [UInt8], words: [Word]? = nil, sentenceOfWord: [Int]? = nil
  ) -> [Match] {
    let words = words ?? WordTokenizer.words(text)
    var out: [Match] = []
    var frontier: [Int] = []
    var next: [Int] = []
    for first in words.indices {
      frontier.removeAll(keepingCapacity: true)
      frontier.append(0)
      var last = first
      var found: [Match] = []
      while !frontier.isEmpty && last < words.count {
        if let sentences = sentenceOfWord, sentences[last] != sentences[first] { break }
        let word = words[last]
        next.removeAll(keepingCapacity: true)
        for node in frontier {
          if let child = nodes[node].exact[word.folded] { next.append(child) }
          if let edges = nodes[node].special[word.folded[0]] {
            for edge in edges where patterns[edge.pattern].word(edge.word, matches: word, in: text)
            {
              next.append(edge.child)
            }
          }
        }
        for node in next {
          for p in nodes[node].outputs {
            found.append(
              Match(
                pattern: p, firstWord: first, lastWord: last, start: words[first].start,
                end: word.end))
          }
        }
        swap(&frontier, &next)
        last += 1
      }
      found.sort { $0.pattern < $1.pattern }
      out.append(contentsOf: found)
    }
    return out
  }
}
