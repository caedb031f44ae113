import Foundation

/// Reads the organisations a recommendation group is addressed to from its heading
/// ("Southern Derbyshire CCG and Derby Teaching Hospital Foundation Trust should:").
enum Addressees {
  static func parse(_ heading: String) -> [String] {
    var text = heading.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix(":") { text.removeLast() }
    for ending in [" should", " to"] where text.hasSuffix(ending) {
      text.removeLast(ending.count)
    }
    for verb in [" should work with ", " should work together with ", " to work with ", " should "] {
      text = text.replacingOccurrences(of: verb, with: " with ")
    }
    var names: [String] = []
    var pending: [String] = []
    let pieces = text.components(separatedBy: " with ").flatMap { $0.components(separatedBy: ", ") }
      .flatMap { $0.components(separatedBy: " and ") }
    for piece in pieces {
      pending.append(piece.trimmingCharacters(in: .whitespaces))
      if endsName(pending.last!) {
        names.append(pending.joined(separator: " and "))
        pending = []
      }
    }
    if !pending.isEmpty { names.append(pending.joined(separator: " and ")) }
    return names.filter { !$0.isEmpty }
  }

  /// True when `piece` ends like an organisation's name rather than inside one
  /// ("Bath" of "Bath and North East Somerset CCG" does not).
  private static func endsName(_ piece: String) -> Bool {
    guard let last = piece.split(separator: " ").last else { return false }
    let ends: Set<String> = [
      "CCG", "CCGs", "Trust", "England", "Council", "Ltd", "Limited", "Health", "Group", "Service",
      "Services", "LSCB", "Authority", "Partnership", "Care", "You", "Addaction", "Visions",
    ]
    return ends.contains(String(last)) || last.hasSuffix(")") || piece.split(separator: " ").count >= 4
      && ends.contains(String(last))
  }
}
