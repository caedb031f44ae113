/// Finds the numbers of a sentence on its UTF-8 bytes: figures with their unit (`93%`, `93 per cent`,
/// `2.4 per 1,000`, `135 children per 10,000`, `12 out of 15`), bare numbers that may be scores or
/// counts, and years that name periods (`2015`, `2014/15`, `2012/13 – 2014/15`).
///
/// Dates (`31.03.2016`, `01/04/2016`), ranges (`0-19`, `4-5 year olds`), ordinals (`11th`), numbers
/// glued to letters (`L3`) and bare numbers that are ages, durations, levels or days of a month are
/// not figures.
enum IndicatorNumberScanner {
  /// One number found in a sentence.
  struct Number: Equatable {
    /// Bytes of the figure with its unit (`2.4 per 1,000`), half-open offsets in the passage.
    var range: Range<Int>
    var value: Double
    /// `nil` for a bare number (a candidate score or count).
    var unit: IndicatorUnit?
    var base: Double?
    var isInteger: Bool
  }

  /// A year or financial year, with the word before it when that is `since` or `until`.
  struct Period: Equatable {
    var range: Range<Int>
    var text: String
  }

  struct Result {
    var numbers: [Number] = []
    var periods: [Period] = []
  }

  /// Scans the sentence `bytes[range]`.
  static func scan(_ bytes: [UInt8], in range: Range<Int>) -> Result {
    var result = Result()
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      guard ASCIIBytes.isDigit(bytes[i]),
        i == range.lowerBound || !ASCIIBytes.isAlphanumeric(bytes[i - 1])
      else {
        i += 1
        continue
      }
      // A number glued after a letter or a decimal point belongs to another token.
      if i > range.lowerBound, bytes[i - 1] == 46 || bytes[i - 1] == 44, i - 2 >= range.lowerBound,
        ASCIIBytes.isDigit(bytes[i - 2])
      {
        i += 1
        continue
      }
      guard let literal = readNumber(bytes, from: i, end: end) else {
        i += 1
        continue
      }
      let j = literal.end
      // Dates, times, financial years and version-like tokens: 31.03.2016, 01/04/2016, 2014/15, 24/7.
      if j + 1 < end, bytes[j] == 46 || bytes[j] == 47 || bytes[j] == 58,
        ASCIIBytes.isDigit(bytes[j + 1])
      {
        var k = j
        while k < end,
          ASCIIBytes.isDigit(bytes[k])
            || bytes[k] == 46 && k + 1 < end && ASCIIBytes.isDigit(bytes[k + 1])
            || bytes[k] == 47 || bytes[k] == 58
        {
          k += 1
        }
        if bytes[j] == 47, literal.isInteger, isYear(literal.value), k - j <= 5 {
          result.periods.append(
            Period(range: i..<k, text: String(decoding: bytes[i..<k], as: UTF8.self)))
        }
        i = k
        continue
      }
      // Ordinals and numbers glued to letters: 11th, 10am, 3a.
      if j < end, ASCIIBytes.isLetter(bytes[j]) {
        i = j
        while i < end, ASCIIBytes.isAlphanumeric(bytes[i]) { i += 1 }
        continue
      }
      // Ranges: 0-19, 4-5, 12–16.
      if let after = dash(bytes, at: j, end: end), after < end, ASCIIBytes.isDigit(bytes[after]) {
        var k = after
        while k < end,
          ASCIIBytes.isDigit(bytes[k])
            || bytes[k] == 46 && k + 1 < end && ASCIIBytes.isDigit(bytes[k + 1])
        {
          k += 1
        }
        i = k
        continue
      }
      if let unit = unit(bytes, after: j, end: end) {
        result.numbers.append(
          Number(
            range: i..<unit.end, value: literal.value, unit: unit.unit, base: unit.base,
            isInteger: literal.isInteger))
        i = unit.end
        continue
      }
      if literal.isInteger, isYear(literal.value), !hasThousands(bytes, i..<literal.end) {
        var start = i
        let before = wordBefore(bytes, at: i, floor: range.lowerBound)
        if let before, periodOpeners.contains(bytes, before) {
          start = before.lowerBound
        } else if let before, months.contains(bytes, before) {
          // "December 2019", "31 March 2015".
          start = before.lowerBound
          var d = start
          while d > range.lowerBound, bytes[d - 1] == 32 { d -= 1 }
          var e = d
          while e > range.lowerBound, ASCIIBytes.isDigit(bytes[e - 1]) { e -= 1 }
          if d - e >= 1, d - e <= 2,
            e == range.lowerBound || !ASCIIBytes.isAlphanumeric(bytes[e - 1])
          {
            start = e
          }
        }
        result.periods.append(
          Period(range: start..<j, text: String(decoding: bytes[start..<j], as: UTF8.self)))
        i = j
        continue
      }
      if isQuantity(bytes, literal: i..<j, floor: range.lowerBound, end: end) {
        result.numbers.append(
          Number(
            range: i..<j, value: literal.value, unit: nil, base: nil, isInteger: literal.isInteger))
      }
      i = j
    }
    result.periods = joinRanges(result.periods, bytes)
    return result
  }

  // MARK: Literals

  struct Literal {
    var end: Int
    var value: Double
    var isInteger: Bool
  }

  /// Reads `1,234.5` from `start`: thousands groups only of exactly three digits.
  static func readNumber(_ bytes: [UInt8], from start: Int, end: Int) -> Literal? {
    var i = start
    // The digits as an integer (exact up to 15 of them), how many, and how many follow the point.
    var mantissa: UInt64 = 0
    var count = 0
    var decimals = 0
    func take(_ b: UInt8) {
      mantissa = mantissa &* 10 &+ UInt64(b &- 48)
      count += 1
    }
    while i < end, ASCIIBytes.isDigit(bytes[i]) {
      take(bytes[i])
      i += 1
    }
    while i + 3 < end, bytes[i] == 44, count <= 9, ASCIIBytes.isDigit(bytes[i + 1]),
      ASCIIBytes.isDigit(bytes[i + 2]),
      ASCIIBytes.isDigit(bytes[i + 3]), i + 4 >= end || !ASCIIBytes.isDigit(bytes[i + 4])
    {
      take(bytes[i + 1])
      take(bytes[i + 2])
      take(bytes[i + 3])
      i += 4
    }
    var isInteger = true
    if i + 1 < end, bytes[i] == 46, ASCIIBytes.isDigit(bytes[i + 1]) {
      isInteger = false
      i += 1
      while i < end, ASCIIBytes.isDigit(bytes[i]) {
        take(bytes[i])
        decimals += 1
        i += 1
      }
    }
    // Longer digit runs are identifiers, not figures, and could overflow.
    guard count > 0, count + (isInteger ? 0 : 1) <= 16 else { return nil }
    if count <= 15 {
      // Both the integer and the power of ten are exact doubles, so the one division rounds the
      // same as parsing the literal does.
      let value = Double(mantissa) / powersOfTen[decimals]
      return Literal(end: i, value: value, isInteger: isInteger)
    }
    var digits: [UInt8] = []
    for b in bytes[start..<i] where b != 44 { digits.append(b) }
    guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else {
      return nil
    }
    return Literal(end: i, value: value, isInteger: isInteger)
  }

  /// 10^0 through 10^15, all exact.
  static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  static func hasThousands(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes[range].contains(44)
  }

  // MARK: Units

  struct UnitMatch {
    var unit: IndicatorUnit
    var base: Double?
    var end: Int
  }

  /// The unit after a number ending at `j`: `%`, `per cent`, `percent`, `per N`, `out of N`, or up to
  /// three words then `per N` (`135 Wolverhampton children per 10,000`).
  static func unit(_ bytes: [UInt8], after j: Int, end: Int) -> UnitMatch? {
    var k = j
    while k < end, bytes[k] == 32 { k += 1 }
    if k < end, bytes[k] == 37 { return UnitMatch(unit: .percent, base: nil, end: k + 1) }
    if let e = phrase(bytes, "per cent", at: k, end: end)
      ?? phrase(bytes, "percent", at: k, end: end)
    {
      return UnitMatch(unit: .percent, base: nil, end: e)
    }
    if let e = phrase(bytes, "out of ", at: k, end: end), e < end, ASCIIBytes.isDigit(bytes[e]),
      let denominator = readNumber(bytes, from: e, end: end)
    {
      return UnitMatch(unit: .ratio, base: denominator.value, end: denominator.end)
    }
    var words = 0
    while words <= 3 {
      if let e = phrase(bytes, "per ", at: k, end: end), e < end, ASCIIBytes.isDigit(bytes[e]),
        let base = readNumber(bytes, from: e, end: end), base.isInteger, base.value >= 10
      {
        return UnitMatch(unit: .rate, base: base.value, end: base.end)
      }
      // Skip one word of letters (a noun between the number and `per`).
      var w = k
      while w < end, ASCIIBytes.isLetter(bytes[w]) { w += 1 }
      guard w > k, w < end, bytes[w] == 32 else { return nil }
      k = w + 1
      words += 1
    }
    return nil
  }

  /// The end of `text` (ASCII, matched case-insensitively) at `k` when it ends a word there.
  static func phrase(_ bytes: [UInt8], _ text: String, at k: Int, end: Int) -> Int? {
    var i = k
    for c in text.utf8 {
      guard i < end, ASCIIBytes.lower(bytes[i]) == c else { return nil }
      i += 1
    }
    if text.utf8.last != 32, i < end, ASCIIBytes.isLetter(bytes[i]) { return nil }
    return i
  }

  // MARK: Bare numbers

  static let unitsAfter = LoweredWords([
    "day", "days", "week", "weeks", "weekly", "month", "months", "year", "years", "yrs", "hour",
    "hours",
    "minute", "minutes", "mins", "am", "pm", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "year-olds",
  ])
  static let months = LoweredWords([
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october",
    "november", "december",
  ])
  /// The words before a year that belong to its period ("since 2015").
  static let periodOpeners = LoweredWords(["since", "until", "by"])
  static let wordsBefore = LoweredWords([
    "level", "levels", "tier", "tiers", "year", "years", "aged", "age", "ages", "stage", "stages",
    "recommendation", "recommendations", "paragraph", "paragraphs", "section", "sections", "under",
    "over", "phase", "band", "grade", "page", "ward", "room", "top", "standard", "schedule",
    "article",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october",
    "november", "december", "within", "every", "first", "last", "next", "past",
  ])

  /// A few ASCII words, looked up by the lowercased bytes of a text's word without making a string.
  struct LoweredWords: Sendable {
    /// The words by length.
    let byLength: [[[UInt8]]]

    init(_ words: [String]) {
      var byLength: [[[UInt8]]] = []
      for word in words {
        let bytes = Array(word.utf8)
        while byLength.count <= bytes.count { byLength.append([]) }
        byLength[bytes.count].append(bytes)
      }
      self.byLength = byLength
    }

    /// True when `bytes[range]` lowercased (ASCII) is one of the words.
    func contains(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
      guard range.count < byLength.count else { return false }
      return byLength[range.count].contains { word in
        var j = range.lowerBound
        for c in word {
          guard ASCIIBytes.lower(bytes[j]) == c else { return false }
          j += 1
        }
        return true
      }
    }
  }

  /// True when a bare number can be a score or a count: not an age, duration, level or date part.
  static func isQuantity(_ bytes: [UInt8], literal: Range<Int>, floor: Int, end: Int) -> Bool {
    if let before = wordBefore(bytes, at: literal.lowerBound, floor: floor),
      wordsBefore.contains(bytes, before)
    {
      return false
    }
    var k = literal.upperBound
    while k < end, bytes[k] == 32 { k += 1 }
    var w = k
    while w < end, ASCIIBytes.isLetter(bytes[w]) || bytes[w] == 45 { w += 1 }
    return !unitsAfter.contains(bytes, k..<w)
  }

  /// The range of the word of letters that ends just before `i` (across spaces).
  static func wordBefore(_ bytes: [UInt8], at i: Int, floor: Int) -> Range<Int>? {
    var e = i
    while e > floor, bytes[e - 1] == 32 { e -= 1 }
    var s = e
    while s > floor, ASCIIBytes.isLetter(bytes[s - 1]) { s -= 1 }
    guard s < e else { return nil }
    return s..<e
  }

  static let rangeJoiners: [[UInt8]] = ["-", " - ", " – ", "–", " to ", " and "].map {
    Array($0.utf8)
  }

  /// Joins `2012/13 – 2014/15` (a dash or `to` between two periods) into one period.
  static func joinRanges(_ periods: [Period], _ bytes: [UInt8]) -> [Period] {
    var out: [Period] = []
    for period in periods {
      if let last = out.last {
        let gap = bytes[last.range.upperBound..<period.range.lowerBound]
        if rangeJoiners.contains(where: { $0.elementsEqual(gap) }) {
          out[out.count - 1] = Period(
            range: last.range.lowerBound..<period.range.upperBound,
            text: String(
              decoding: bytes[last.range.lowerBound..<period.range.upperBound], as: UTF8.self))
          continue
        }
      }
      out.append(period)
    }
    return out
  }

  // MARK: Bytes

  static func dash(_ bytes: [UInt8], at j: Int, end: Int) -> Int? {
    var k = j
    while k < end, bytes[k] == 32, k - j < 1 { k += 1 }
    if k < end, bytes[k] == 45 { return skipSpace(bytes, k + 1, end, max: 1) }
    if k + 2 < end, bytes[k] == 0xE2, bytes[k + 1] == 0x80,
      bytes[k + 2] == 0x93 || bytes[k + 2] == 0x94
    {
      return skipSpace(bytes, k + 3, end, max: 1)
    }
    return nil
  }

  static func skipSpace(_ bytes: [UInt8], _ k: Int, _ end: Int, max: Int) -> Int {
    var i = k
    while i < end, bytes[i] == 32, i - k < max { i += 1 }
    return i
  }

  /// True when `bytes[range]` holds an ASCII digit.
  static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    while range.upperBound - i >= 8 {
      let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
      if bytesBelow10(word ^ 0x3030_3030_3030_3030) != 0 { return true }
      i += 8
    }
    while i < range.upperBound {
      if ASCIIBytes.isDigit(bytes[i]) { return true }
      i += 1
    }
    return false
  }

  /// False when none of the eight bytes of `word` is a digit or a `(`.
  @inline(__always)
  static func mayHoldDigitOrOpening(_ word: UInt64) -> Bool {
    let digits = bytesBelow10(word ^ 0x3030_3030_3030_3030)
    let openings = SentenceSplitter.zeroBytes(word ^ 0x2828_2828_2828_2828)
    return digits | openings != 0
  }

  /// Nonzero exactly when a byte of `x` is below 10.
  @inline(__always)
  static func bytesBelow10(_ x: UInt64) -> UInt64 {
    (x &- 0x0A0A_0A0A_0A0A_0A0A) & ~x & 0x8080_8080_8080_8080
  }

  static func isYear(_ value: Double) -> Bool { value >= 1900 && value <= 2099 }
}
