import Foundation

/// Parses the dates CLAS reviews print ("9th June 2014", "11th July - 15th July 2016") into ISO 8601.
enum ReviewDate {
  private static let months: [String: Int] = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
  ]

  /// A date whose month or year may be missing, as in the first half of "11-15 July 2016".
  struct Partial: Equatable {
    var day: Int?
    var month: Int?
    var year: Int?

    var iso: String? {
      guard let day, let month, let year, (1...31).contains(day), (1900...2100).contains(year)
      else { return nil }
      return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
  }

  /// Reads day, month name and year tokens from `text`, ignoring ordinal suffixes and other words.
  static func partial<S: StringProtocol>(_ text: S) -> Partial {
    var result = Partial()
    for token in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
      let lower = token.lowercased()
      if let month = months[lower] {
        if result.month == nil { result.month = month }
        continue
      }
      var digits = Substring(lower)
      for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
        digits = digits.dropLast(2)
      }
      guard let value = Int(digits) else { continue }
      if value >= 1900 {
        if result.year == nil { result.year = value }
      } else if value >= 1 && value <= 31 && result.day == nil && result.month == nil {
        result.day = value
      }
    }
    return result
  }

  /// One ISO date from text such as "19th September 2014".
  static func single<S: StringProtocol>(_ text: S) -> String? { partial(text).iso }

  /// A start and end date from a range such as "11th July - 15th July 2016" or "9-13 June 2014".
  static func range<S: StringProtocol>(_ text: S) -> (start: String?, end: String?) {
    let value = String(text)
    // On ASCII text Foundation's splitting is the byte-level one.
    let ascii = ASCIIBytes.isASCII(value)
    var halves: [Substring] = []
    for separator in [" to ", " - ", "-", " until "] {
      let parts =
        ascii
        ? Addressees.components(value, separator) : value.components(separatedBy: separator)
      if parts.count == 2 {
        halves = parts.map { Substring($0) }
        break
      }
    }
    guard halves.count == 2 else {
      let only = single(value)
      return (only, only)
    }
    var start = partial(halves[0])
    let end = partial(halves[1])
    if start.month == nil { start.month = end.month }
    if start.year == nil { start.year = end.year }
    return (start.iso, end.iso)
  }
}

extension ReviewDate {
  private static let phrasePattern: NSRegularExpression = {
    let month =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
      + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    let date = "(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?\(month)(?:\\s+\\d{4})?"
    let dayOnly = "\\d{1,2}(?:st|nd|rd|th)?"
    let pattern =
      "(?:\(date)|\(dayOnly))\\s*(?:to|-|until)\\s*\(date)|\(date)"
    return try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
  }()

  /// The date phrases in `text` in order, a range ("4 July 2016 to 8 July 2016", "4-8 July 2016")
  /// counting as one phrase; phrases without a year are dropped.
  static func phrases(in text: String) -> [String] {
    let whole = NSRange(text.startIndex..., in: text)
    return phrasePattern.matches(in: text, range: whole).compactMap { match in
      guard let found = Range(match.range, in: text) else { return nil }
      let phrase = String(text[found])
      return phrase.contains(where: \.isNumber) && range(phrase).end != nil ? phrase : nil
    }
  }
}
