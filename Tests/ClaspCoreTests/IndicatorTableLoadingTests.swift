import Foundation
import Testing

@testable import ClaspCore

@Suite struct IndicatorTableLoadingTests {
  @Test("the bundled table loads and defines the kinds the issue asks for")
  func bundled() throws {
    let table = try IndicatorTable.load(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/indicators.json"))
    let required: [IndicatorKindID] = [
      "iha_within_timescale", "rha_within_timescale", "training_compliance", "training_target",
      "supervision_compliance", "sdq_average", "sdq_concern", "children_considered",
      "gp_registration",
      "child_poverty", "england_comparison",
    ]
    for id in required { #expect(table.kind(id) != nil, "missing \(id)") }
    #expect(table.kind("training_compliance")?.recordsLevel == true)
    #expect(table.references.first?.role == .target)
  }

  static let minimalKind =
    #"{"id": "k", "label": "K", "definition": "D", "units": ["percent"], "clause": [["x"]]}"#

  @Test(
    "problems are reported with the file and the JSON path",
    arguments: [
      (#"{"version": 1, "kinds": [\#(minimalKind)], "extra": 1}"#, "t.json: extra: unknown key"),
      (
        #"{"version": 2, "kinds": [\#(minimalKind)]}"#,
        "t.json: version: unsupported indicator table version 2 (this build reads version 1)"
      ),
      (#"{"version": 1, "kinds": []}"#, "t.json: kinds: must not be empty"),
      (
        #"{"version": 1, "kinds": [\#(minimalKind), \#(minimalKind)]}"#,
        "t.json: kinds[1].id: duplicate kind id \"k\""
      ),
      (
        #"{"version": 1, "kinds": [{"id": "K-1", "label": "K", "definition": "D", "units": ["percent"], "clause": [["x"]]}]}"#,
        "t.json: kinds[0].id: kind id \"K-1\" must be lowercase letters, digits and underscores"
      ),
      (
        #"{"version": 1, "kinds": [{"id": "k", "label": "K", "definition": "D", "units": ["percentage"], "clause": [["x"]]}]}"#,
        "t.json: kinds[0].units[0]: \"percentage\" is not one of percent, rate, ratio, score, count"
      ),
      (
        #"{"version": 1, "kinds": [{"id": "k", "label": "K", "definition": "D", "units": ["percent"], "clause": [["x*y"]]}]}"#,
        "t.json: kinds[0].clause[0][0]: " + PatternError.starInsideWord("x*y").description
      ),
      (
        #"{"version": 1, "kinds": [{"id": "k", "label": "K", "definition": "D", "units": ["percent"], "clause": [[]]}]}"#,
        "t.json: kinds[0].clause[0]: must not be empty"
      ),
      (
        #"{"version": 1, "kinds": [{"id": "k", "label": "K", "definition": "D", "units": ["percent"], "clause": []}]}"#,
        "t.json: kinds[0]: a kind needs clause phrases or comparator bases"
      ),
      (
        #"{"version": 1, "kinds": [{"id": "k", "label": "K", "definition": "D", "units": ["percent"]}]}"#,
        "t.json: kinds[0].clause: required key is missing"
      ),
      (
        #"{"version": 1, "kinds": [{"id": "k", "label": "K", "definition": "D", "units": ["percent"], "clause": [["x"]], "recordsLevel": 1}]}"#,
        "t.json: kinds[0].recordsLevel: expected true or false"
      ),
      (
        #"{"version": 1, "kinds": [\#(minimalKind)], "references": [{"role": "figure", "basis": null, "before": ["x"]}]}"#,
        "t.json: references[0].role: \"figure\" is not one of target, comparator"
      ),
      (
        #"{"version": 1, "kinds": [\#(minimalKind)], "claimCues": "we were told"}"#,
        "t.json: claimCues: expected an array of phrases"
      ),
      ("{", "t.json: the indicator table is not valid JSON: check brackets, commas and quotes"),
    ])
  func errors(json: String, message: String) {
    #expect {
      _ = try IndicatorTable.decode(Data(json.utf8), file: "t.json")
    } throws: { error in
      (error as? IndicatorTableError)?.description == message
    }
  }

  @Test("a missing file is a clear error")
  func missing() {
    #expect(
      throws: IndicatorTableError.unreadable(
        file: "/nonexistent/indicators.json", reason: "no such file or not readable")
    ) {
      _ = try IndicatorTable.load(contentsOf: URL(fileURLWithPath: "/nonexistent/indicators.json"))
    }
  }
}
