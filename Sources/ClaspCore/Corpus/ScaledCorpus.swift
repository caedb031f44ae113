/// Makes any number of distinct, parseable CLAS-like reports from a few seed reports, for
/// benchmarks and scale tests.
///
/// Report `k` takes seed `k % seeds.count` and transforms it deterministically: the area is renamed
/// (everywhere it is printed), every year is shifted, the findings within each section are shuffled
/// and renumbered, and about a quarter of them are replaced by findings sampled from the same
/// section of other seeds. Results therefore differ per report, so no cache can answer for a
/// report it has not read, and the same `(seeds, k)` always gives the same bytes.
///
/// ```swift
/// let corpus = ScaledCorpus(seeds: try paths.map { try ReportReader.read(path: $0) })
/// let text = corpus.report(42)
/// ```
public struct ScaledCorpus: Sendable {
  private let seeds: [(source: SourceText, report: Report)]

  /// Prepares a generator from seed texts that parse as CLAS reviews.
  /// - Throws: `StructureError` when a seed does not parse.
  public init(seeds: [SourceText]) throws {
    precondition(!seeds.isEmpty, "a scaled corpus needs at least one seed")
    self.seeds = try seeds.map { ($0, try StructureParser.parse($0)) }
  }

  /// The area name of report `index`: distinct for every index.
  public static func areaName(_ index: Int) -> String {
    let first = [
      "North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "Old", "New",
    ]
    let base = [
      "Ashcombe", "Brackley", "Carrow", "Dunmere", "Elsworth", "Fenwick", "Garston", "Holbeck",
      "Ingleby", "Jarrow Vale", "Kelsall", "Langmere", "Morden", "Netherby", "Orwell",
      "Penrith Vale",
      "Quenby", "Rushden", "Selby Moor", "Thornbury",
    ]
    let name = "\(first[index % first.count]) \(base[(index / first.count) % base.count])"
    let round = index / (first.count * base.count)
    return round == 0 ? name : "\(name) \(round + 1)"
  }

  /// The text of report `index`.
  public func report(_ index: Int) -> String {
    var random = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
    let (source, report) = seeds[index % seeds.count]
    let area = Self.areaName(index)
    let yearShift = Int(random.next() % 5) - 2
    let transform = { (line: String) -> String in
      Self.shiftYears(
        in: line.replacingOccurrences(of: report.metadata.area, with: area), by: yearShift)
    }
    var out: [String] = []
    let firstFinding =
      report.sections.first { $0.id.number != nil }?.lines.first ?? source.lines.count
    out += source.lines.prefix(firstFinding - 1).map(transform)
    for section in report.sections where section.id.number != nil || section.id == .management {
      out.append(section.heading)
      out.append("")
      guard let number = section.id.number else { continue }
      var texts = report.units.filter { $0.section == section.id }.map(\.text)
      random.shuffle(&texts)
      for position in texts.indices where random.next() % 4 == 0 {
        let donor = seeds[Int(random.next() % UInt64(seeds.count))].report
        let candidates = donor.units.filter { $0.section == section.id }
        if !candidates.isEmpty {
          texts[position] = candidates[Int(random.next() % UInt64(candidates.count))].text
        }
      }
      for (position, text) in texts.enumerated() {
        out.append(
          "\(number).\(position + 1) \(transform(text.replacingOccurrences(of: "\n", with: " ")))")
        out.append("")
      }
      for block in report.blocks where block.section == section.id {
        out.append(
          "\(block.label): \(transform(block.text.replacingOccurrences(of: "\n", with: " ")))")
        out.append("")
      }
    }
    if let recommendations = report.sections.first(where: { $0.id == .recommendations }) {
      out += source.lines[(recommendations.lines.first - 1)...].map(transform)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Shifts every year from 2000 to 2039 printed in `line` by `shift`.
  static func shiftYears(in line: String, by shift: Int) -> String {
    guard shift != 0 else { return line }
    var bytes = Array(line.utf8)
    var i = 0
    while i + 4 <= bytes.count {
      let isYear =
        bytes[i] == 0x32 && bytes[i + 1] == 0x30 && (0x30...0x33).contains(bytes[i + 2])
        && (0x30...0x39).contains(bytes[i + 3])
        && (i == 0 || !(0x30...0x39).contains(bytes[i - 1]))
        && (i + 4 == bytes.count || !(0x30...0x39).contains(bytes[i + 4]))
      if isYear {
        let year = 2000 + Int(bytes[i + 2] - 0x30) * 10 + Int(bytes[i + 3] - 0x30) + shift
        let digits = Array(String(year).utf8)
        bytes.replaceSubrange(i..<(i + 4), with: digits)
        i += 4
      } else {
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64), so corpora are reproducible.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Fisher-Yates shuffle driven by this generator.
  mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = Int(next() % UInt64(i + 1))
      array.swapAt(i, j)
    }
  }
}
