import Foundation

extension MetadataParser {
  /// The header fields printed before the contents, in either layout: `label: value` on one line,
  /// or (as some extractors print a two-column table) all the labels first and all the values
  /// after, one per line or run together ("Date of review: Date of publication: 4 July 2016 to
  /// 8 July 2016 15 November 2016").
  static func headerFields(in head: ArraySlice<String>) -> [Field: (label: String, value: String)] {
    var values: [Field: (label: String, value: String)] = [:]
    var pending: [(field: Field, label: String)] = []
    var orphans: [String] = []
    func settle() {
      if !pending.isEmpty && !orphans.isEmpty { assign(pending, orphans, into: &values) }
      if !orphans.isEmpty || pending.isEmpty { pending = [] }
      orphans = []
    }
    for line in head {
      let trimmed = Substring(line).trimmingWhitespace()
      if trimmed.isEmpty {
        if !orphans.isEmpty { settle() }
        continue
      }
      if var parsed = field(line) {
        var labels: [(field: Field, label: String)] = []
        // Labels run together on one line: "Date of review: Date of publication: ...".
        while !parsed.value.isEmpty, labels.count < Field.allCases.count,
          let next = field(parsed.value)
        {
          labels.append((parsed.0, parsed.label))
          parsed = next
        }
        labels.append((parsed.0, parsed.label))
        if parsed.value.isEmpty {
          if !orphans.isEmpty { settle() }
          pending += labels
        } else if labels.count == 1 {
          if !orphans.isEmpty { settle() }
          if values[parsed.0] == nil { values[parsed.0] = (parsed.label, parsed.value) }
        } else {
          settle()
          assign(labels, [parsed.value], into: &values)
        }
        continue
      }
      guard !pending.isEmpty else { continue }
      if Outline.heading(LineShape(line)) != nil {
        settle()
        pending = []
        continue
      }
      orphans.append(String(trimmed).collapsingWhitespace())
    }
    settle()
    return values
  }

  /// Pairs labels printed before their values with those values.
  private static func assign(
    _ labels: [(field: Field, label: String)], _ lines: [String],
    into values: inout [Field: (label: String, value: String)]
  ) {
    func set(_ field: Field, _ label: String, _ value: String) {
      if values[field] == nil, !value.isEmpty { values[field] = (label, value) }
    }
    if labels.count == lines.count {
      for (label, line) in zip(labels, lines) { set(label.field, label.label, line) }
      return
    }
    // Counts differ (values wrapped, or run together): the dates can still be recognised.
    let text = lines.joined(separator: " ")
    let dates = ReviewDate.phrases(in: text)
    var next = 0
    var used: Set<String> = []
    for label in labels {
      switch label.field {
      case .reviewDates where next < dates.count:
        set(label.field, label.label, dates[next])
        used.insert(dates[next])
        next += 1
      case .published where next < dates.count:
        set(label.field, label.label, dates[next])
        used.insert(dates[next])
        next += 1
      default:
        break
      }
    }
    // The rest pair up only when one line is left per label.
    let rest = labels.filter { $0.field != .reviewDates && $0.field != .published }
    let restLines = lines.filter { line in
      !used.contains { line == $0 } && ReviewDate.phrases(in: line).isEmpty
    }
    if rest.count == restLines.count {
      for (label, line) in zip(rest, restLines) { set(label.field, label.label, line) }
    }
  }
}
