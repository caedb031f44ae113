import ClaspTestSupport
import Foundation
import Testing

@testable import ClaspCLI
@testable import ClaspCore

@Suite struct AnalyseCommandTests {
  /// The bundled codebook.
  static var codebook: String {
    (try? String(
      contentsOf: ClaspBinary.packageRoot.appendingPathComponent("Data/codebook.json"),
      encoding: .utf8))
      ?? ""
  }

  static let slugs = [
    "bath-and-north-east-somerset", "coventry", "derby", "thurrock", "wolverhampton",
  ]

  func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clasp-analyse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Data(Self.codebook.utf8).write(to: url.appendingPathComponent("codebook.json"))
    return url
  }

  /// Every file under `directory`, by relative path.
  func tree(_ directory: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let full = directory.appendingPathComponent(path).path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        out[path] = FileManager.default.contents(atPath: full)
      }
    }
    return out
  }

  @Test("defaults to Data/reports, notebooks-out and every format")
  func defaults() throws {
    let command = try Analyse.parseAsRoot([]) as! Analyse
    #expect(command.input.inputs.isEmpty)
    #expect(command.out == "notebooks-out")
    #expect(command.codebook == nil)
    #expect(command.format == [.markdown, .csv, .json])
  }

  @Test("parses a comma-separated format list and rejects unknown formats")
  func formats() throws {
    let command = try Analyse.parseAsRoot(["--format", "csv, json", "a.txt"]) as! Analyse
    #expect(command.format == [.csv, .json])
    #expect(throws: (any Error).self) { try Analyse.parseAsRoot(["--format", "xlsx"]) }
  }

  @Test("a directory contributes its reports, not its documentation")
  func discovery() throws {
    let found = InputDiscovery.discover([
      ClaspBinary.packageRoot.appendingPathComponent("Data/reports").path
    ])
    #expect(
      found.inputs.map { URL(fileURLWithPath: $0).lastPathComponent }
        == Self.slugs.map { $0 + ".txt" })
    #expect(found.skipped.map(\.reason) == [.documentation])
  }

  @Test("without a usable temporary directory the findings stay in memory, with the same outputs")
  func noSpool() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let spooled = try ClaspBinary.run(["analyse", "--out", root.path + "/spooled"])
    let inMemory = try ClaspBinary.run(
      ["analyse", "--out", root.path + "/memory"],
      environment: ["TMPDIR": root.appendingPathComponent("missing").path])
    #expect(spooled.status == 0, "\(spooled.stderr)")
    #expect(inMemory.status == 0, "\(inMemory.stderr)")
    #expect(!spooled.stderr.contains("keeping findings in memory"))
    #expect(inMemory.stderr.contains("keeping findings in memory"))
    let a = try tree(root.appendingPathComponent("spooled"))
    #expect(a.keys.contains("findings.jsonl"))
    #expect(try tree(root.appendingPathComponent("memory")) == a)
  }

  @Test("renaming and reordering the input files changes no output byte")
  func renameInvariance() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let reports = ClaspBinary.packageRoot.appendingPathComponent("Data/reports")
    let a = root.appendingPathComponent("a")
    let b = root.appendingPathComponent("b")
    try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
    for (i, slug) in Self.slugs.enumerated() {
      let source = reports.appendingPathComponent(slug + ".txt")
      try FileManager.default.copyItem(at: source, to: a.appendingPathComponent(slug + ".txt"))
      try FileManager.default.copyItem(
        at: source, to: b.appendingPathComponent("input-\(9 - i).txt"))
    }
    let codebook = root.appendingPathComponent("codebook.json").path
    let first = try ClaspBinary.run([
      "analyse", a.path, "--codebook", codebook, "--out", root.path + "/out-a",
    ])
    let second = try ClaspBinary.run(
      ["analyse", "--codebook", codebook, "--out", root.path + "/out-b"]
        + Self.slugs.indices.reversed().map { b.appendingPathComponent("input-\(9 - $0).txt").path }
    )
    #expect(first.status == 0, "\(first.stderr)")
    #expect(second.status == 0, "\(second.stderr)")
    let treeA = try tree(root.appendingPathComponent("out-a"))
    let treeB = try tree(root.appendingPathComponent("out-b"))
    #expect(treeA.count >= 19)
    #expect(treeA.keys.sorted() == treeB.keys.sorted())
    for (path, data) in treeA { #expect(treeB[path] == data, "\(path) differs") }
    // A rerun replaces the directory with the same bytes.
    let again = try ClaspBinary.run([
      "analyse", a.path, "--codebook", codebook, "--out", root.path + "/out-a",
    ])
    #expect(again.status == 0)
    #expect(try tree(root.appendingPathComponent("out-a")) == treeA)
  }

  @Test(
    "a report that fails is listed in the manifest, the rest is written, and the exit status is 2")
  func partialFailure() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let empty = root.appendingPathComponent("empty.txt")
    try Data().write(to: empty)
    let result = try ClaspBinary.run([
      "analyse", "Data/reports/derby.txt", empty.path, "--codebook", root.path + "/codebook.json",
      "--out", root.path + "/out", "--format", "json",
    ])
    #expect(result.status == Analyse.partialFailureExitCode)
    #expect(result.stderr.contains("error: \(empty.path): the file is empty"))
    #expect(result.stderr.contains("error: 1 of 2 inputs failed"))
    let data = try #require(FileManager.default.contents(atPath: root.path + "/out/manifest.json"))
    let manifest = try JSONDecoder().decode(RunManifest.self, from: data)
    #expect(manifest.failures.map(\.input) == [empty.path])
    #expect(manifest.inputs.map(\.area) == ["Derby"])
    #expect(manifest.outputs.map(\.path) == ["analysis.json", "findings.jsonl"])
  }

  @Test("refuses to replace a directory it did not write")
  func refusesForeignDirectory() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try ClaspBinary.run([
      "analyse", "Data/reports/derby.txt", "--codebook", root.path + "/codebook.json", "--out",
      root.path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("refusing to replace a non-empty directory"))
    #expect(FileManager.default.fileExists(atPath: root.path + "/codebook.json"))
  }

  @Test("a directory without reports is an error that writes nothing")
  func noInputs() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let empty = root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let result = try ClaspBinary.run([
      "analyse", empty.path, "--codebook", root.path + "/codebook.json", "--out",
      root.path + "/out",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(empty.path): no report files (.txt, .md, .pdf) found"))
    #expect(!FileManager.default.fileExists(atPath: root.path + "/out"))
  }

  @Test(
    "a report whose title and text carry |, =HYPERLINK, <script> and a quoted line break is inert in every output"
  )
  func hostileReport() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    var text = try String(
      contentsOf: ClaspBinary.packageRoot.appendingPathComponent("Data/reports/derby.txt"),
      encoding: .utf8)
    let area = "=HYPERLINK(\"http://evil.example\",\"Derby\") | <script>alert(1)</script>"
    text = text.replacingOccurrences(
      of: "Safeguarding in Derby\n", with: "Safeguarding in \(area)\n")
    text = text.replacingOccurrences(
      of: "1.6 It is not always possible",
      with:
        "1.6 Staff said \"=HYPERLINK(x) | <script>alert(2)</script>\nsecond line\" and it is not always possible"
    )
    let input = root.appendingPathComponent("hostile.txt")
    try Data(text.utf8).write(to: input)
    let result = try ClaspBinary.run([
      "analyse", input.path, "--codebook", "Data/codebook.json", "--out", root.path + "/out",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let files = try tree(root.appendingPathComponent("out"))
    #expect(
      files.keys.allSatisfy {
        $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }
      })

    for (path, data) in files where path.hasSuffix(".csv") {
      let records = try RFC4180Reader.records(String(decoding: data, as: UTF8.self))
      for field in records.joined() {
        #expect(!"=+-@\t\r".contains(field.first ?? " "), "\(path): \(field)")
      }
    }
    let measures = try RFC4180Reader.records(
      String(decoding: try #require(files["measures.csv"]), as: UTF8.self))
    #expect(measures.dropFirst().allSatisfy { $0[0] == "'" + area })

    for (path, data) in files where path.hasSuffix(".md") {
      let page = String(decoding: data, as: UTF8.self)
      #expect(!page.contains("<script"), "\(path)")
    }
    let readme = String(decoding: try #require(files["README.md"]), as: UTF8.self)
    #expect(
      readme.contains(
        "=HYPERLINK(\"http://evil.example\",\"Derby\") \\| &lt;script&gt;alert(1)&lt;/script&gt;"))

    let jsonData = try #require(files["analysis.json"])
    let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
    let analysis = try #require(json["analysis"] as? [String: Any])
    let areas = try #require(analysis["areas"] as? [[String: Any]])
    #expect(areas.first?["name"] as? String == area)
    #expect(
      areas.first?["id"] as? String == "hyperlink-http-evil-example-derby-script-alert-1-script")
  }
}
