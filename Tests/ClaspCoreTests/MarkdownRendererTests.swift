import Testing

@testable import ClaspCore

@Suite struct MarkdownRendererTests {
  @Test("the every-area sentence states a count computed from the findings")
  func everyAreaSentence() {
    // Three areas, each with a supervision concern paragraph; Derby also has one for hidden harm.
    let areas = ["Derby", "Coventry", "Thurrock"]
    var parts: [Aggregate] = []
    var findings: [Finding] = []
    for (i, name) in areas.enumerated() {
      let report = Fixture.report(area: name, year: 2015, paragraphs: 3)
      var own = [Fixture.finding(report, "para:1.1", "supervision", i == 1 ? .mixed : .negative)]
      if i == 0 { own.append(Fixture.finding(report, "para:1.2", "hidden_harm", .negative)) }
      findings += own
      parts.append(Aggregate(report: report, findings: own, codebook: Fixture.codebook))
    }
    let analysis = Analysis(aggregate: Aggregate.merged(parts), codebook: Fixture.codebook)

    // Independently: themes whose concern findings reach every area, in codebook order.
    let everywhere = Fixture.codebook.themes.filter { theme in
      let raising = Set(
        findings.filter {
          Fixture.codebook.lineage(of: $0.theme).contains(theme.id) && $0.polarity.isConcern
        }
        .map(\.report))
      return raising.count == areas.count
    }
    #expect(everywhere.map(\.label) == ["Safeguarding practice", "Supervision"])
    let expected =
      "Safeguarding practice and Supervision were raised as a concern in every area (\(areas.count) of \(areas.count))."
    #expect(MarkdownRenderer.summarySentences(analysis).contains(expected))
    let never = Fixture.codebook.themes.filter { theme in
      !findings.contains {
        Fixture.codebook.lineage(of: $0.theme).contains(theme.id) && $0.polarity.isConcern
      }
    }
    #expect(
      MarkdownRenderer.summarySentences(analysis).contains(
        "\(never.map(\.label).joined(separator: " and ")) were not raised as a concern in any area."
      ))
  }

  @Test("the outlier sentence carries the computed rate and median")
  func outlierSentence() {
    let sentences = MarkdownRenderer.summarySentences(Fixture.threeAreas)
    let rate = 5.0 * 100 / 10
    let median = (1.0 * 100 / 4 + 0) / 2
    #expect(
      sentences.contains(
        "Bath and North East Somerset stands out on Hidden harm: 5 concern paragraphs in 10 "
          + "(\(NumberText.fixed(rate, places: 1)) per 100), against a median of "
          + "\(NumberText.fixed(median, places: 1)) per 100 in the other areas."))
  }

  @Test("matrix cells link to the area's section of the theme's evidence page")
  func links() throws {
    let files = try OutputSet.render(
      Fixture.threeAreas, formats: [.markdown], codebook: OutputSetTests.codebook, failures: [])
    let matrix = try #require(files.first { $0.path == "matrix.md" })
    #expect(matrix.contents.contains("[2](themes/supervision.md#derby)"))
    #expect(matrix.contents.contains("[2/2](themes/practice.md#derby)"))
    let page = try #require(files.first { $0.path == "themes/supervision.md" })
    #expect(page.contents.contains("<a id=\"derby\"></a>"))
    #expect(
      page.contents.contains("| para:1.2 | Early help | Supervision | mixed | Evidence sentence. |")
    )
  }

  @Test(
    "report text with pipes, formulas, script tags and line breaks renders inertly in every page")
  func hostile() throws {
    let analysis = Fixture.hostileAnalysis
    let all = try OutputSet.render(
      analysis, formats: [.markdown], codebook: OutputSetTests.codebook, failures: []
    ).filter { $0.path != "manifest.json" }
    let pages = all.filter { $0.path != "README.md" }
    for page in all {
      #expect(!page.contents.contains("<script"), "\(page.path)")
      #expect(!page.contents.contains("\r"), "\(page.path)")
      for line in page.contents.split(separator: "\n") where line.hasPrefix("|") {
        #expect(
          unescapedPipes(line) == tableWidth(in: page.contents, for: line), "\(page.path): \(line)")
      }
    }
    let page = try #require(pages.first { $0.path == "themes/supervision.md" })
    #expect(page.contents.contains("\\| &lt;script&gt;alert(1)&lt;/script&gt; \"quoted<br>line\""))
    let readme = try #require(all.first { $0.path == "README.md" }).contents
    #expect(readme.contains("Derby \\| &lt;script&gt;x&lt;/script&gt;"))
    #expect(pages.allSatisfy { OutputDirectory.isSafe($0.path) })
  }

  /// Pipes that delimit cells: not preceded by a backslash that is itself unescaped.
  func unescapedPipes(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        count += 1
      }
    }
    return count
  }

  /// The pipe count of the table's header row above `line`.
  func tableWidth(in text: String, for line: Substring) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard var i = lines.firstIndex(of: line) else { return -1 }
    while i > 0 && lines[i - 1].hasPrefix("|") { i -= 1 }
    return unescapedPipes(lines[i])
  }
}
