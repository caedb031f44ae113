/// The organisations a report names (providers, commissioners, recommendation addressees) and the
/// acronyms it defines for them, found in a sentence by their words.
///
/// Names are compared on normalised words: lowercase, `&` and `and`, `of`, `the`, `for`, `NHS` dropped,
/// a plural `s` removed, and `CCG` standing for "clinical commissioning group", so "Derby Teaching
/// Hospitals NHS Foundation Trust" finds "Derby Teaching Hospital Foundation Trust". An acronym counts
/// when the report defines it after a name whose first two words are an organisation's
/// ("Avon and Wiltshire Partnership Trust (AWP)"); acronyms match only as written.
struct IndicatorOrganisations {
  struct Name {
    let display: String
    let variants: [[[UInt8]]]
    /// True when the variants keep every word: a name of one significant word ("NHS England") must
    /// match whole, or it would match every "England average".
    let whole: Bool
  }

  private(set) var names: [Name] = []
  /// Acronym bytes to the index of the organisation in `names`.
  private(set) var acronyms: [[UInt8]: Int] = [:]
  /// Name `i`'s variant `v` is variant number `variantBase[i] + v` of all names'.
  private var variantBase: [Int] = []
  /// The variants by their first word's `filterIndex`: bucket `b` is
  /// `firstWords[firstWordStart[b]..<firstWordStart[b + 1]]`, in name then variant order, names
  /// matched on all words (`whole`) and the others apart.
  private var firstWordStart: [Int] = []
  private var firstWords: [(name: Int, variant: Int)] = []
  private var wholeFirstWordStart: [Int] = []
  private var wholeFirstWords: [(name: Int, variant: Int)] = []
  /// By a folded first byte, bit `n` set when some variant's first word has that byte and length
  /// `n` (up to 63): a sentence with no word that may fold to such a word names no organisation.
  private var firstWordLengths = [UInt64](repeating: 0, count: 256)

  /// Buffers `named(in:words:scratch:)` reuses from one sentence to the next.
  struct Scratch {
    var normal: [(word: Int, length: Int)] = []
    var all: [(word: Int, length: Int)] = []
    /// By variant number, the first word where the variant is named; -1 when it is not.
    var earliest: [Int] = []
  }

  /// A word's bucket of 64 (folded, singular) by its length and first byte.
  @inline(__always)
  static func filterIndex(length: Int, first: UInt8) -> Int {
    (length &* 31 &+ Int(first)) & 63
  }

  /// Fills the first-word buckets from `names`.
  private mutating func indexFirstWords() {
    var buckets = [[(name: Int, variant: Int)]](repeating: [], count: 64)
    var wholeBuckets = buckets
    for (i, name) in names.enumerated() {
      for (v, variant) in name.variants.enumerated() {
        // Every name has a word; a variant's first word is not empty.
        let first = variant[0]
        let b = Self.filterIndex(length: first.count, first: first[0])
        firstWordLengths[Int(first[0])] |= 1 << UInt64(min(first.count, 63))
        if name.whole { wholeBuckets[b].append((i, v)) } else { buckets[b].append((i, v)) }
      }
    }
    func flatten(_ buckets: [[(name: Int, variant: Int)]]) -> ([Int], [(name: Int, variant: Int)]) {
      var start = [0]
      var entries: [(name: Int, variant: Int)] = []
      for bucket in buckets {
        entries += bucket
        start.append(entries.count)
      }
      return (start, entries)
    }
    (firstWordStart, firstWords) = flatten(buckets)
    (wholeFirstWordStart, wholeFirstWords) = flatten(wholeBuckets)
    var count = 0
    for name in names {
      variantBase.append(count)
      count += name.variants.count
    }
    variantBase.append(count)
  }

  /// The organisations `report` lists, with the acronyms `passages` (the report's passages that
  /// hold an opening bracket before a capital, in document order) define for them.
  init(report: Report, passages: [IndicatorExtractor.Passage]) {
    var seen = Set<[[UInt8]]>()
    // A name listed again (byte for byte) would find its key seen: skip it before tokenising.
    var listed = Set<[UInt8]>()
    for name in report.metadata.providers + report.metadata.ccgs
      + report.recommendationGroups.flatMap(\.addressees)
    {
      let bytes = Array(name.utf8)
      guard listed.insert(bytes).inserted else { continue }
      var tokens = Self.normalised(bytes)
      let whole = tokens.count < 2
      if whole { tokens = WordTokenizer.words(bytes).map(\.folded).map(Self.singular) }
      let variants = Self.variants(tokens)
      // "X CCG" and "X Clinical Commissioning Group" are one organisation: key on the short form.
      let key = variants.min { $0.count < $1.count }!
      guard !tokens.isEmpty, seen.insert(key).inserted else { continue }
      names.append(Name(display: name, variants: variants, whole: whole))
    }
    indexFirstWords()
    // An acronym is defined only for a name of two words or more.
    guard names.contains(where: { $0.variants[0].count >= 2 }) else { return }
    for passage in passages {
      if let opening = passage.opening { defineAcronyms(in: passage.bytes, opening: opening) }
    }
  }

  /// Records every `Name Words (ACR)` whose name leads with an organisation's first two words;
  /// `opening` is the passage's first "(" that opens a capitalised word.
  private mutating func defineAcronyms(in passage: [UInt8], opening: Int) {
    // Words are counted from 240 bytes before the first "(" that opens a capitalised word.
    let floor = max(0, opening - 240)
    var from = opening
    while let open = passage.withUnsafeBufferPointer({
      ASCIIBytes.index(of: 40, in: $0, from: from)
    }) {
      from = open + 1
      var close = from
      while close < passage.count, ASCIIBytes.isLetter(passage[close]) { close += 1 }
      guard close < passage.count, passage[close] == 41, Self.isAcronym(passage[from..<close])
      else { continue }
      define(acronym: from..<close, in: passage, floor: floor)
    }
  }

  /// Records the acronym at `range` (in brackets) for the organisation its name, the capitalised
  /// words before it, leads with; words are as tokenising from `floor` finds them.
  private mutating func define(acronym range: Range<Int>, in bytes: [UInt8], floor: Int) {
    let acronym = Array(bytes[range])
    guard acronyms[acronym] == nil,
      Self.mayEndName(before: range.lowerBound - 1, in: bytes, floor: floor)
    else { return }
    // The name is at most twelve words: tokenise from a word boundary that leaves thirteen (the
    // same words as from `floor`), else from `floor`.
    var start = max(floor, range.lowerBound - 160)
    while start > floor,
      bytes[start - 1] >= 0x80 || ASCIIBytes.isAlphanumeric(bytes[start - 1])
    {
      start += 1
    }
    // Words are folded only once they are known to be in the name.
    var words: [IndicatorExtractor.PassageWord] = []
    var whole: [[UInt8]] = []
    bytes.withUnsafeBufferPointer { buffer in
      IndicatorExtractor.appendWords(buffer, in: start..<range.upperBound, to: &words)
      if words.count <= 12, start > floor {
        words.removeAll(keepingCapacity: true)
        IndicatorExtractor.appendWords(buffer, in: floor..<range.upperBound, to: &words)
      }
      let w = words.count - 1
      guard w > 0 else { return }
      // The run of capitalised words (and connectors) just before the bracket.
      var first = w
      while first > 0 {
        let previous = words[first - 1]
        let initial = bytes[previous.start]
        let connector = Self.isDropped(bytes, previous.start..<previous.end)
        guard (initial >= 65 && initial <= 90) || connector, w - first < 12 else { break }
        first -= 1
      }
      for word in words[first..<w] where !Self.isDropped(bytes, word.start..<word.end) {
        whole.append(Self.singular(WordTokenizer.folded(buffer, word.start..<word.end)))
      }
    }
    var best: (index: Int, shared: Int)?
    // A capitalised word or two may open the sentence before the name ("In Avon and ...").
    for skip in 0..<min(3, max(0, whole.count - 1)) where best == nil {
      let run = Array(whole[skip...])
      for (index, name) in names.enumerated() {
        let tokens = name.variants[0]
        guard tokens.count >= 2, tokens[0] == run[0], tokens[1] == run[1] else { continue }
        let shared = Set(tokens).intersection(run).count
        if best.map({ shared > $0.shared }) ?? true { best = (index, shared) }
      }
    }
    if let best { acronyms[acronym] = best.index }
  }

  /// False when the word before the `(` at `open` is plain ASCII and neither capitalised nor a
  /// connector, so that no name ends there; true when one may, or when only tokenising can tell.
  static func mayEndName(before open: Int, in bytes: [UInt8], floor: Int) -> Bool {
    var end = open
    while end > floor, bytes[end - 1] < 0x80, !ASCIIBytes.isAlphanumeric(bytes[end - 1]) {
      end -= 1
    }
    var start = end
    while start > floor, ASCIIBytes.isAlphanumeric(bytes[start - 1]) { start -= 1 }
    guard start > floor, start < end, bytes[start - 1] < 0x80 else { return true }
    let initial = bytes[start]
    return (initial >= 65 && initial <= 90) || isDropped(bytes, start..<end)
  }

  /// The organisations named in `words` (of `bytes`, not folded) with where they are named, in
  /// text order.
  ///
  /// A name is found where one of its variants is, the first variant that is named anywhere at its
  /// first place: each word is looked up among the variants whose first word has its length and
  /// first byte.
  func named(
    in bytes: [UInt8], words: ArraySlice<IndicatorExtractor.PassageWord>, scratch: inout Scratch
  ) -> [(name: String, at: Int)] {
    var found: [(name: String, at: Int)] = []
    // A name can start only at a word whose length (or one less, without a plural `s`) and first
    // byte are those of a variant's first word.
    var mayName = false
    for word in words {
      if word.hasUppercase, !acronyms.isEmpty, Self.isAcronym(bytes[word.start..<word.end]),
        let index = acronyms[Array(bytes[word.start..<word.end])]
      {
        found.append((names[index].display, word.start))
      }
      let n = min(word.end - word.start, 63)
      let lengths = firstWordLengths[Int(ASCIIBytes.lower(bytes[word.start]))]
      mayName = mayName || lengths & (3 << UInt64(n - 1)) != 0
    }
    guard mayName else {
      return found.count < 2
        ? found : found.sorted { $0.at < $1.at || $0.at == $1.at && $0.name < $1.name }
    }
    // Words are compared as their folded singular form without allocating it: up to `length`.
    scratch.normal.removeAll(keepingCapacity: true)
    scratch.all.removeAll(keepingCapacity: true)
    for k in words.indices {
      let word = words[k]
      let token = (k, Self.singularLength(bytes, word.start..<word.end))
      scratch.all.append(token)
      if !Self.isDropped(bytes, word.start..<word.end) { scratch.normal.append(token) }
    }
    guard !names.isEmpty else {
      return found.sorted { $0.at < $1.at || $0.at == $1.at && $0.name < $1.name }
    }
    scratch.earliest.removeAll(keepingCapacity: true)
    scratch.earliest.append(contentsOf: repeatElement(-1, count: variantBase[names.count]))
    func matches(_ token: [UInt8], _ t: (word: Int, length: Int)) -> Bool {
      guard token.count == t.length else { return false }
      let start = words[t.word].start
      return WordTokenizer.folds(bytes, start..<start + t.length, equalTo: token)
    }
    func search(
      _ tokens: [(word: Int, length: Int)], _ bucketStart: [Int],
      _ entries: [(name: Int, variant: Int)], _ earliest: inout [Int]
    ) {
      for p in tokens.indices {
        let t = tokens[p]
        // A word starts a character, so its first folded byte is its first byte lowercased.
        let first = words[t.word]
        let b = Self.filterIndex(
          length: t.length, first: ASCIIBytes.lower(bytes[first.start]))
        for e in bucketStart[b]..<bucketStart[b + 1] {
          let (i, v) = entries[e]
          let slot = variantBase[i] + v
          guard earliest[slot] < 0 else { continue }
          let variant = names[i].variants[v]
          guard p + variant.count <= tokens.count, t.length == variant[0].count else { continue }
          if variant.count == 1 && !(bytes[first.start] >= 65 && bytes[first.start] <= 90) {
            continue
          }
          if (0..<variant.count).allSatisfy({ matches(variant[$0], tokens[p + $0]) }) {
            earliest[slot] = first.start
          }
        }
      }
    }
    search(scratch.normal, firstWordStart, firstWords, &scratch.earliest)
    search(scratch.all, wholeFirstWordStart, wholeFirstWords, &scratch.earliest)
    for (i, name) in names.enumerated() {
      for v in name.variants.indices where scratch.earliest[variantBase[i] + v] >= 0 {
        found.append((name.display, scratch.earliest[variantBase[i] + v]))
        break
      }
    }
    return found.sorted { $0.at < $1.at || $0.at == $1.at && $0.name < $1.name }
  }

  /// True when the word at `range` of `bytes`, folded, is one names are compared without: "and",
  /// "of", "the", "for" or "nhs" (computed without folding it).
  static func isDropped(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    guard range.count == 2 || range.count == 3 else { return false }
    // Every dropped word is ASCII, so each of its bytes starts a character.
    let a = ASCIIBytes.lower(bytes[range.lowerBound])
    let b = ASCIIBytes.lower(bytes[range.lowerBound + 1])
    if range.count == 2 { return a == 111 && b == 102 }  // of
    let c = ASCIIBytes.lower(bytes[range.lowerBound + 2])
    switch (a, b, c) {
    // "and", "the", "for", "nhs"
    case (97, 110, 100), (116, 104, 101), (102, 111, 114), (110, 104, 115): return true
    default: return false
    }
  }

  /// `singularLength(folded word)` for the word at `range` of `bytes`, without folding it.
  static func singularLength(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    let n = range.count
    guard n > 4 else { return n }
    let last = WordTokenizer.foldedByte(bytes, range, at: n - 1)
    let before = WordTokenizer.foldedByte(bytes, range, at: n - 2)
    return last == 115 && before != 115 ? n - 1 : n
  }

  static func normalised(_ bytes: [UInt8]) -> [[UInt8]] {
    WordTokenizer.words(bytes).map(\.folded).filter { !isDropped($0, $0.indices) }.map(singular)
  }

  static func singular(_ word: [UInt8]) -> [UInt8] {
    Array(word[..<singularLength(word)])
  }

  /// The length of `singular(word)`: a plural `s` is dropped from a word of more than four bytes.
  static func singularLength(_ word: [UInt8]) -> Int {
    word.count > 4 && word.last == 115 && word[word.count - 2] != 115 ? word.count - 1 : word.count
  }

  static let ccgWords: [[UInt8]] = ["clinical", "commissioning", "group"].map { Array($0.utf8) }
  static let ccg: [UInt8] = Array("ccg".utf8)

  /// The name's words, and the same with "clinical commissioning group" and "CCG" swapped.
  static func variants(_ tokens: [[UInt8]]) -> [[[UInt8]]] {
    var out = [tokens]
    if let i = tokens.firstIndex(of: ccg) {
      out.append(Array(tokens[..<i]) + ccgWords + Array(tokens[(i + 1)...]))
    } else if let i = (0..<max(0, tokens.count - 2)).first(where: {
      Array(tokens[$0..<$0 + 3]) == ccgWords
    }) {
      out.append(Array(tokens[..<i]) + [ccg] + Array(tokens[(i + 3)...]))
    }
    return out
  }

  /// Two to eight letters, at least two of them capitals, starting with a capital.
  static func isAcronym(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard (2...8).contains(bytes.count), let first = bytes.first, first >= 65, first <= 90 else {
      return false
    }
    var capitals = 0
    for b in bytes {
      if b >= 65 && b <= 90 { capitals += 1 } else if !(b >= 97 && b <= 122) { return false }
    }
    return capitals >= 2
  }
}
