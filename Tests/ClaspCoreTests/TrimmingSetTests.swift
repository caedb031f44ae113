import Foundation
import Testing

@testable import ClaspCore

@Suite struct TrimmingSetTests {
  @Test(
    "trims as Foundation does, on ASCII and other text",
    arguments: [
      "  Derby.  ", "(Trust),", "...", "", " \t", "Bath & North East Somerset;", "  café.  ",
      "\u{00A0}Coventry\u{2003}", "«Thurrock»", "Wolverhampton!?",
    ])
  func matchesFoundation(text: String) {
    let sets: [(TrimmingSet, CharacterSet)] = [
      (.whitespaces, .whitespaces), (.punctuation, .punctuationCharacters),
      (.listItemEnds, .whitespaces.union(CharacterSet(charactersIn: "."))),
      (.nameEnds, .whitespaces.union(CharacterSet(charactersIn: ".,;"))),
      (.areaEnds, .whitespacesAndNewlines.union(.punctuationCharacters)),
    ]
    for (set, characters) in sets {
      #expect(set.trim(text) == text.trimmingCharacters(in: characters))
    }
  }
}
