/// Pairing references with figures, cutting a sentence into clauses and classifying each figure.
extension IndicatorExtractor {
  /// What one sentence offers the classifier.
  struct SentenceContext {
    let bytes: [UInt8]
    let range: Range<Int>
    /// The sentence and the one before it in the same paragraph.
    let context: Range<Int>
    /// Cue matches inside the sentence.
    let matches: ArraySlice<PatternSet.Match>
    /// Cue matches inside `context`.
    let contextMatches: ArraySlice<PatternSet.Match>
    let words: ArraySlice<PassageWord>
    let periods: [IndicatorNumberScanner.Period]
  }

  /// A number with its part in the sentence.
  struct Candidate {
    var number: IndicatorNumberScanner.Number
    var role: IndicatorRole
    var basis: String?
    /// The number with a reference phrase after it ("89.7% England average").
    var span: Range<Int>
    var target: Int?
    var comparator: Int?
  }

  /// How a clause boundary was found, which decides what a later clause may inherit.
  enum Cut { case strong, coordinate, comma, none }

  struct Figure {
    var number: IndicatorNumberScanner.Number
    var unit: IndicatorUnit
    var role: IndicatorRole
    var kind: IndicatorKindID?
    var level: Int?
    var target: IndicatorReference?
    var comparator: IndicatorReference?
    var organisation: String?
    var period: String?
    var claimed: Bool
    var clause: Range<Int>
    /// Where the figure's target and comparator are printed.
    var references: [Range<Int>]
  }

  func figures(
    in sentence: SentenceContext, numbers: [IndicatorNumberScanner.Number],
    organisations: IndicatorOrganisations, scratch: inout IndicatorOrganisations.Scratch
  ) -> [Figure] {
    var numbers = numbers
    while true {
      let figures = resolve(sentence, numbers: numbers)
      // A bare number is a figure only when a score or count kind claims it (or it is the target or
      // comparator of a figure kept); drop the rest and cut the sentence again without them.
      let kept = figures.filter { $0.kind != nil || $0.number.unit != nil }
      var ranges = Set(kept.map(\.number.range))
      for figure in kept { ranges.formUnion(figure.references) }
      let next = numbers.filter { $0.unit != nil || ranges.contains($0.range) }
      if next.count == numbers.count {
        // The organisations are looked for only in a sentence with figures kept.
        guard !kept.isEmpty else { return kept }
        let named = organisations.named(
          in: sentence.bytes, words: sentence.words, scratch: &scratch)
        return kept.map { figure in
          var figure = figure
          figure.organisation = organisation(
            near: figure.number.range.lowerBound, in: figure.clause, named: named)
          return figure
        }
      }
      numbers = next
    }
  }

  /// The figures of `numbers` in `sentence`, without their organisations.
  func resolve(_ sentence: SentenceContext, numbers: [IndicatorNumberScanner.Number]) -> [Figure] {
    var candidates = numbers.map { reference(for: $0, in: sentence) }
    attach(&candidates, in: sentence)
    let attached = Set(candidates.flatMap { [$0.target, $0.comparator].compactMap { $0 } })
    let primaries = candidates.indices.filter {
      candidates[$0].role == .figure || !attached.contains($0)
    }
    // Each figure's group: the figure and its references.
    let spans: [Range<Int>] = primaries.map { p in
      var span = candidates[p].span
      for r in [candidates[p].target, candidates[p].comparator].compactMap({ $0 }) {
        span =
          min(
            span.lowerBound, candidates[r].span.lowerBound)..<max(
            span.upperBound, candidates[r].span.upperBound)
      }
      return span
    }
    let order = primaries.indices.sorted { spans[$0].lowerBound < spans[$1].lowerBound }
    var cuts: [(at: Int, how: Cut)] = []
    for (a, b) in zip(order, order.dropFirst()) {
      cuts.append(cut(sentence.bytes, between: spans[a], and: spans[b]))
    }
    let claimed = sentence.matches.contains { claimCues.contains($0.pattern) }
    var out: [Figure] = []
    for (position, o) in order.enumerated() {
      let c = candidates[primaries[o]]
      let lo = position == 0 ? sentence.range.lowerBound : cuts[position - 1].at
      let hi = position == order.count - 1 ? sentence.range.upperBound : cuts[position].at
      let clause = lo..<max(lo, hi)
      var figure = Figure(
        number: c.number, unit: c.number.unit ?? .score, role: c.role, kind: nil, level: nil,
        target: c.target.map { reference(candidates[$0], sentence) },
        comparator: c.comparator.map { reference(candidates[$0], sentence) },
        organisation: nil, period: nil, claimed: claimed, clause: clause,
        references: [c.target, c.comparator].compactMap { $0.map { candidates[$0].number.range } })
      var scope = clause
      var classified = classify(&figure, scope: scope, sentence: sentence)
      if !classified, position + 1 < order.count, cuts[position].how == .coordinate,
        sharesNextPredicate(
          sentence.bytes, after: c.number.range.upperBound, until: cuts[position].at)
      {
        let nextHi = position + 2 < order.count ? cuts[position + 1].at : sentence.range.upperBound
        scope = clause.lowerBound..<nextHi
        classified = classify(&figure, scope: scope, sentence: sentence)
      }
      // A clause that names only a level ("... 80% and level 2 was 95%") continues the previous
      // figure's levelled kind; one that opens with a continuation ("rising to 71%") its kind.
      if !classified, let previous = out.last, let kind = previous.kind,
        previous.unit == figure.unit,
        cuts[position - 1].how != .strong
      {
        let levelled =
          table.kind(kind)?.recordsLevel == true
          && level(near: c.number.range.lowerBound, in: clause, sentence: sentence) != nil
        let continued = sentence.matches.contains {
          continuationCues.contains($0.pattern) && $0.start >= clause.lowerBound
            && $0.end <= c.number.range.lowerBound
        }
        if levelled || continued {
          figure.kind = kind
          classified = true
          if !levelled { figure.level = previous.level }
        }
      }
      if classified, let kind = figure.kind, table.kind(kind)?.recordsLevel == true {
        figure.level =
          level(near: c.number.range.lowerBound, in: scope, sentence: sentence) ?? figure.level
      }
      figure.period = period(near: c.number.range.lowerBound, in: clause, sentence: sentence)
      if figure.period == nil, position > 0,
        cuts[position - 1].how == .comma || cuts[position - 1].how == .none
      {
        figure.period = out.last?.period
      }
      out.append(figure)
    }
    return out
  }

  // MARK: References

  /// The number as a figure, or as a target or comparator when a reference phrase introduces it.
  func reference(for number: IndicatorNumberScanner.Number, in sentence: SentenceContext)
    -> Candidate
  {
    let bytes = sentence.bytes
    for compiled in references {
      let before = sentence.matches.contains {
        compiled.before.contains($0.pattern) && $0.end <= number.range.lowerBound
          && Self.isGap(bytes[$0.end..<number.range.lowerBound], allowed: Self.gapBefore)
      }
      var after: Int?
      for m in sentence.matches
      where compiled.after.contains(m.pattern) && m.start >= number.range.upperBound
        && Self.isGap(bytes[number.range.upperBound..<m.start], allowed: Self.gapAfter)
      {
        after = max(after ?? m.end, m.end)
      }
      if before || after != nil {
        return Candidate(
          number: number, role: compiled.rule.role, basis: compiled.rule.basis,
          span: number.range.lowerBound..<max(number.range.upperBound, after ?? 0))
      }
    }
    return Candidate(number: number, role: .figure, basis: nil, span: number.range)
  }

  static func isGap(_ bytes: ArraySlice<UInt8>, allowed: [UInt8]) -> Bool {
    bytes.count <= 3 && bytes.allSatisfy(allowed.contains)
  }

  /// What may stand between a reference phrase and its number: spaces, `(` or `:` before it,
  /// spaces or `)` after it.
  static let gapBefore: [UInt8] = [32, 40, 58]
  static let gapAfter: [UInt8] = [32, 41]

  /// Pairs each target or comparator with the nearest figure before it in the same clause (no `;` or
  /// "and" between), else the nearest after it; a reference with neither stands alone.
  func attach(_ candidates: inout [Candidate], in sentence: SentenceContext) {
    let figures = candidates.indices.filter { candidates[$0].role == .figure }
    for r in candidates.indices where candidates[r].role != .figure {
      let role = candidates[r].role
      func free(_ f: Int) -> Bool {
        role == .target ? candidates[f].target == nil : candidates[f].comparator == nil
      }
      // Only the nearest figure on each side is eligible: a reference never reaches past a figure.
      var before = figures.last { candidates[$0].span.upperBound <= candidates[r].span.lowerBound }
      if let f = before,
        !free(f)
          || Self.joins(
            sentence.bytes[candidates[f].span.upperBound..<candidates[r].span.lowerBound])
      {
        before = nil
      }
      var after = figures.first { candidates[$0].span.lowerBound >= candidates[r].span.upperBound }
      if let f = after,
        !free(f)
          || Self.joins(
            sentence.bytes[candidates[r].span.upperBound..<candidates[f].span.lowerBound])
      {
        after = nil
      }
      guard let f = before ?? after else { continue }
      if role == .target { candidates[f].target = r } else { candidates[f].comparator = r }
    }
  }

  /// True when `gap` holds a `;` or the word "and" (a new clause).
  static func joins(_ gap: ArraySlice<UInt8>) -> Bool {
    if gap.contains(59) { return true }
    return coordinator(in: gap) != nil
  }

  static let coordinators: [[UInt8]] = ["and", "while", "whilst", "whereas", "but"].map {
    Array($0.utf8)
  }

  /// The offset of the first coordinating word in `gap`.
  static func coordinator(in gap: ArraySlice<UInt8>) -> Int? {
    var i = gap.startIndex
    while i < gap.endIndex {
      guard i == gap.startIndex || !ASCIIBytes.isLetter(gap[i - 1]) else {
        i += 1
        continue
      }
      var e = i
      while e < gap.endIndex, ASCIIBytes.isLetter(gap[e]) { e += 1 }
      if e > i, e < gap.endIndex,
        coordinators.contains(where: { word in
          word.count == e - i
            && word.indices.allSatisfy { ASCIIBytes.lower(gap[i + $0]) == word[$0] }
        })
      {
        return i
      }
      i = max(e, i + 1)
    }
    return nil
  }

  func reference(_ c: Candidate, _ sentence: SentenceContext) -> IndicatorReference {
    IndicatorReference(
      value: c.number.value, text: String(decoding: sentence.bytes[c.number.range], as: UTF8.self),
      basis: c.basis)
  }

  // MARK: Clauses

  /// Where the clause of the figure group `a` ends and that of `b` begins.
  func cut(_ bytes: [UInt8], between a: Range<Int>, and b: Range<Int>) -> (at: Int, how: Cut) {
    guard a.upperBound < b.lowerBound else { return (b.lowerBound, .none) }
    let gap = bytes[a.upperBound..<b.lowerBound]
    if let semicolon = gap.firstIndex(of: 59) { return (semicolon + 1, .strong) }
    if let word = Self.coordinator(in: gap) { return (word, .coordinate) }
    if let comma = gap.lastIndex(of: 44) { return (comma + 1, .comma) }
    if let with = Self.lastWith(in: gap) { return (with, .comma) }
    return (a.upperBound, .none)
  }

  /// The offset of the last "with" in `gap` that is not "compared with" or "comparable with":
  /// "make up 25.2% of the population with 49.6% of school age children ...".
  static func lastWith(in gap: ArraySlice<UInt8>) -> Int? {
    // The gap is tokenised on its own, as a copy of its bytes would be.
    gap.withUnsafeBufferPointer { bytes in
      var words: [PassageWord] = []
      appendWords(bytes, in: 0..<bytes.count, to: &words)
      for i in words.indices.reversed()
      where WordTokenizer.folds(bytes, words[i].start..<words[i].end, equalTo: with) {
        if i > 0, words[i - 1].end - words[i - 1].start >= compar.count,
          WordTokenizer.folds(
            bytes, words[i - 1].start..<words[i - 1].start + compar.count, equalTo: compar)
        {
          continue
        }
        return gap.startIndex + words[i].start
      }
      return nil
    }
  }

  static let with = Array("with".utf8)
  static let compar = Array("compar".utf8)
  static let of = Array("of".utf8)
  static let levelWord = Array("level".utf8)

  /// True when the text after a figure is only "of <noun phrase>" before "and": "100% of the intensive
  /// team practitioners and overall, 92% of all practitioners are trained ...".
  func sharesNextPredicate(_ bytes: [UInt8], after: Int, until: Int) -> Bool {
    guard after < until else { return false }
    // The text is tokenised on its own, as a copy of its bytes would be.
    return bytes[after..<until].withUnsafeBufferPointer { bytes in
      var words: [PassageWord] = []
      Self.appendWords(bytes, in: 0..<bytes.count, to: &words)
      guard let first = words.first, words.count <= 8 else { return false }
      return WordTokenizer.folds(bytes, first.start..<first.end, equalTo: Self.of)
    }
  }

  // MARK: Classification

  /// Gives `figure` the first kind whose rule holds in `scope`; false when none does.
  func classify(_ figure: inout Figure, scope: Range<Int>, sentence: SentenceContext) -> Bool {
    func found(
      _ group: PatternMask, in matches: ArraySlice<PatternSet.Match>, _ range: Range<Int>
    ) -> Bool {
      matches.contains {
        group.contains($0.pattern) && $0.start >= range.lowerBound && $0.end <= range.upperBound
      }
    }
    // Each kind's fields are read in place: a copy of the kind would retain all its arrays.
    for k in kinds.indices {
      guard kinds[k].kind.roles.contains(figure.role) else { continue }
      let unit: IndicatorUnit
      if let u = figure.number.unit {
        guard kinds[k].kind.units.contains(u) else { continue }
        unit = u
      } else if kinds[k].kind.units.contains(.score) {
        unit = .score
      } else if kinds[k].kind.units.contains(.count), figure.number.isInteger {
        unit = .count
      } else {
        continue
      }
      if !kinds[k].kind.comparatorBases.isEmpty {
        guard let basis = figure.comparator?.basis, kinds[k].kind.comparatorBases.contains(basis)
        else {
          continue
        }
      }
      guard kinds[k].clause.allSatisfy({ found($0, in: sentence.matches, scope) }),
        kinds[k].context.allSatisfy({ found($0, in: sentence.contextMatches, sentence.context) }),
        !found(kinds[k].exclude, in: sentence.matches, scope)
      else { continue }
      figure.kind = kinds[k].kind.id
      figure.unit = unit
      return true
    }
    return false
  }

  static let levelWords: [(word: [UInt8], level: Int)] = [
    ("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5), ("one", 1), ("two", 2), ("three", 3),
    ("four", 4), ("five", 5),
  ].map { (Array($0.0.utf8), $0.1) }

  /// The level a (not folded) word names, if any.
  static func levelNamed(by word: PassageWord, in bytes: [UInt8]) -> Int? {
    levelWords.first { WordTokenizer.folds(bytes, word.start..<word.end, equalTo: $0.word) }?.level
  }

  /// The training level named in `scope` nearest the figure ("level 3", "level three").
  func level(near at: Int, in scope: Range<Int>, sentence: SentenceContext) -> Int? {
    let words = sentence.words
    let bytes = sentence.bytes
    var best: (distance: Int, level: Int)?
    for i in words.indices
    where i + 1 < words.endIndex
      && WordTokenizer.folds(bytes, words[i].start..<words[i].end, equalTo: Self.levelWord)
    {
      let word = words[i]
      guard word.start >= scope.lowerBound, words[i + 1].end <= scope.upperBound,
        let level = Self.levelNamed(by: words[i + 1], in: bytes)
      else { continue }
      let distance = abs(word.start - at)
      if best.map({ distance < $0.distance }) ?? true { best = (distance, level) }
    }
    return best?.level
  }

  /// The period named in the clause nearest before the figure, else nearest after it.
  func period(near at: Int, in clause: Range<Int>, sentence: SentenceContext) -> String? {
    // The scanner's periods, then the period cues, in order; the first nearest wins a tie. A cue's
    // text is made only when it is the one chosen.
    enum Found {
      case period(Int)
      case cue(Range<Int>)
    }
    var before: (at: Int, found: Found)?
    var after: (at: Int, found: Found)?
    func consider(_ start: Int, _ found: Found) {
      if start < at, before.map({ $0.at < start }) ?? true { before = (start, found) }
      if start > at, after.map({ start < $0.at }) ?? true { after = (start, found) }
    }
    for (p, period) in sentence.periods.enumerated()
    where period.range.lowerBound >= clause.lowerBound
      && period.range.upperBound <= clause.upperBound
    {
      consider(period.range.lowerBound, .period(p))
    }
    for m in sentence.matches where periodCues.contains(m.pattern) {
      guard m.start >= clause.lowerBound, m.end <= clause.upperBound else { continue }
      consider(m.start, .cue(m.start..<m.end))
    }
    switch (before ?? after)?.found {
    case .period(let p): return sentence.periods[p].text
    case .cue(let range): return String(decoding: sentence.bytes[range], as: UTF8.self)
    case nil: return nil
    }
  }

  /// The organisation named in the clause nearest before the figure, else after it, else the one
  /// organisation the sentence names.
  func organisation(near at: Int, in clause: Range<Int>, named: [(name: String, at: Int)])
    -> String?
  {
    let inClause = named.filter { clause.contains($0.at) }
    if let before = inClause.last(where: { $0.at < at }) { return before.name }
    if let after = inClause.first { return after.name }
    // The sentence's one organisation, when all its namings name the same.
    guard let first = named.first, named.allSatisfy({ $0.name == first.name }) else { return nil }
    return first.name
  }
}
