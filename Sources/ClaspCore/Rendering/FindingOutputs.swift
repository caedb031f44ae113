import Dispatch
import Foundation

/// Writes the files that hold one line per finding: `findings.csv`, `findings.jsonl` and the theme
/// evidence pages, in one pass over the analysis's evidence blocks.
///
/// These files grow with the corpus (about three times its size together), so they are never held
/// whole: consecutive areas are cut into chunks, a window of chunks is rendered on all cores (each
/// reads its reports' findings back from the spool), and the chunks' bytes are appended to the files
/// in area order. Memory stays at a window of chunks.
enum FindingOutputs {
  /// Findings per chunk: enough to amortise the hand-off, small enough to keep a window in memory.
  static let chunkFindings = 1_024

  /// The files written for `formats`, with their index-page summaries, in path order.
  static func listing(_ analysis: Analysis, formats: Set<OutputFormat>) -> [OutputSummary] {
    var out: [OutputSummary] = []
    if formats.contains(.csv) {
      out.append(
        OutputSummary(
          path: "findings.csv",
          summary:
            "One row per coded finding: area, unit, theme, polarity and the evidence sentences."))
    }
    if formats.contains(.json) {
      out.append(
        OutputSummary(
          path: "findings.jsonl",
          summary:
            "One JSON object per line per coded finding, with its evidence sentences and matched terms; analysis.json points into it by line number."
        ))
    }
    if formats.contains(.markdown) {
      let pages = MarkdownRenderer.themePagePaths(analysis)
      for theme in analysis.themes {
        out.append(
          OutputSummary(
            path: pages[theme.id]!,
            summary: "Evidence for \(theme.label): every coded unit, area by area."))
      }
    }
    return out
  }

  /// Renders and writes the per-finding files of `formats` into `destination`.
  ///
  /// - Throws: `RenderError.cannotWrite` from the destination, `.evidenceUnavailable` when spooled
  ///   findings cannot be read back.
  /// - Parameter chunkSize: findings per chunk (an area is never split); the files do not depend
  ///   on it.
  static func write(
    _ analysis: Analysis, formats: Set<OutputFormat>, into destination: any OutputDestination,
    chunkSize: Int = chunkFindings
  ) throws(RenderError) {
    let files = listing(analysis, formats: formats)
    guard !files.isEmpty else { return }
    var sinks: [String: any OutputSink] = [:]
    for file in files { sinks[file.path] = try destination.open(file.path, summary: file.summary) }
    let csv = sinks["findings.csv"]
    let jsonl = sinks["findings.jsonl"]
    let pagePaths = MarkdownRenderer.themePagePaths(analysis)
    let pages: [any OutputSink] =
      formats.contains(.markdown) ? analysis.themes.map { sinks[pagePaths[$0.id]!]! } : []
    try csv?.append(Array(CSVRenderer.findingsHeader.utf8))
    for (theme, sink) in zip(analysis.themes, pages) {
      try sink.append(
        Array(MarkdownRenderer.evidencePageHead(analysis, theme: theme, pages: pagePaths).utf8))
    }

    let layout = Layout(analysis)
    let parts = FindingLineParts(analysis)
    let (wantCSV, wantJSONL, wantPages) = (csv != nil, jsonl != nil, !pages.isEmpty)
    let chunks = layout.chunks(of: max(1, chunkSize))
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    // Every core renders chunks, each taking the next one as it finishes its last, while a serial
    // writer appends them to the files in order: no core waits for the others or for the file
    // system, and at most `window` chunks are in memory.
    let pipeline = Pipeline(count: chunks.count, window: 4 * workers)
    let writer = Writer(csv: csv, jsonl: jsonl, pages: pages)
    let writing = DispatchGroup()
    DispatchQueue(label: "clasp.finding-outputs.writer").async(group: writing) {
      pipeline.drain(writer.write)
    }
    let sizes = SizeHint()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = pipeline.claim() {
        let rendered = Result { () throws(AggregationError) in
          try render(
            chunks[index], of: analysis, layout: layout, parts: parts, csv: wantCSV,
            jsonl: wantJSONL, pages: wantPages, sizes: sizes)
        }
        pipeline.deliver(index, rendered.mapError { .evidenceUnavailable(reason: $0.description) })
      }
    }
    writing.wait()
    if let failure = pipeline.failure { throw failure }
    for file in files { try sinks[file.path]!.close() }
  }

  /// Appends chunks to the files; used by one thread at a time (the writer's serial queue).
  private final class Writer: @unchecked Sendable {
    private let csv: (any OutputSink)?
    private let jsonl: (any OutputSink)?
    private let pages: [any OutputSink]

    init(csv: (any OutputSink)?, jsonl: (any OutputSink)?, pages: [any OutputSink]) {
      self.csv = csv
      self.jsonl = jsonl
      self.pages = pages
    }

    func write(_ chunk: Chunk) throws(RenderError) {
      try csv?.append(chunk.csv)
      try jsonl?.append(chunk.jsonl)
      for (sink, page) in zip(pages, chunk.pages) { try sink.append(page) }
    }
  }

  /// Hands chunks from the renderers to the writer in order, at most `window` chunks claimed and
  /// not yet written.
  ///
  /// The lowest chunk not written is always claimed already (renderers claim in order), and
  /// rendering never waits, so the writer always gets its next chunk: no deadlock, even when a
  /// single thread renders them all.
  private final class Pipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// The next chunk to claim.
    private var next = 0
    /// The chunks before this one are written.
    private var written = 0
    private var ready: [Int: Chunk] = [:]
    private var firstFailure: RenderError?

    init(count: Int, window: Int) {
      self.count = count
      self.window = max(1, window)
    }

    /// The first failure, rendering or writing; read after `drain` has returned.
    var failure: RenderError? { condition.withLock { firstFailure } }

    /// The next chunk to render, once the window has room; `nil` when none is left or a chunk
    /// failed.
    func claim() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while firstFailure == nil && next < count && next - written >= window { condition.wait() }
      guard firstFailure == nil && next < count else { return nil }
      next += 1
      return next - 1
    }

    /// Hands over chunk `index`, or the reason it could not be rendered.
    func deliver(_ index: Int, _ result: Result<Chunk, RenderError>) {
      condition.withLock {
        switch result {
        case .success(let chunk): ready[index] = chunk
        case .failure(let error): if firstFailure == nil { firstFailure = error }
        }
        condition.broadcast()
      }
    }

    /// Writes every chunk in order as it arrives; stops at the first failure.
    func drain(_ write: (Chunk) throws(RenderError) -> Void) {
      for index in 0..<count {
        condition.lock()
        while firstFailure == nil && ready[index] == nil { condition.wait() }
        let chunk = firstFailure == nil ? ready.removeValue(forKey: index) : nil
        condition.unlock()
        guard let chunk else { return }
        do {
          try write(chunk)
        } catch {
          condition.withLock {
            if firstFailure == nil { firstFailure = error }
            condition.broadcast()
          }
          return
        }
        condition.withLock {
          written = index + 1
          condition.broadcast()
        }
      }
    }
  }

  /// The bytes one chunk of areas adds to each file.
  private struct Chunk: Sendable {
    var csv: ByteBuffer
    var jsonl: ByteBuffer
    var pages: [ByteBuffer]
  }

  /// The sizes of the largest chunk rendered so far, so that later chunks reserve their buffers
  /// once rather than growing them (and copying what they hold) step by step.
  private final class SizeHint: @unchecked Sendable {
    private let lock = NSLock()
    private var csv = 0
    private var jsonl = 0
    private var pages: [Int] = []

    /// Empty buffers with room for the largest chunk seen (and an eighth more), for `pages`
    /// theme pages.
    func reserved(pages count: Int) -> Chunk {
      let (csv, jsonl, pages) = lock.withLock { (self.csv, self.jsonl, self.pages) }
      func room(_ size: Int) -> Int { size + size / 8 }
      return Chunk(
        csv: ByteBuffer(capacity: room(csv)), jsonl: ByteBuffer(capacity: room(jsonl)),
        pages: (0..<count).map { ByteBuffer(capacity: $0 < pages.count ? room(pages[$0]) : 0) })
    }

    /// Notes the sizes of a rendered chunk.
    func note(_ chunk: Chunk) {
      lock.withLock {
        csv = max(csv, chunk.csv.count)
        jsonl = max(jsonl, chunk.jsonl.count)
        if pages.count < chunk.pages.count {
          pages += Array(repeating: 0, count: chunk.pages.count - pages.count)
        }
        for (page, bytes) in chunk.pages.enumerated() {
          pages[page] = max(pages[page], bytes.count)
        }
      }
    }
  }

  /// Where each area's blocks and findings start.
  struct Layout: Sendable {
    /// The evidence blocks of each area (blocks are sorted by area, as areas are).
    let blocks: [Range<Int>]
    /// The position of each area's first finding in the concatenated blocks.
    let firstFinding: [Int]

    init(_ analysis: Analysis) {
      var blocks: [Range<Int>] = []
      var firstFinding: [Int] = []
      var b = 0
      var position = 0
      for area in analysis.areas {
        let first = b
        firstFinding.append(position)
        while b < analysis.evidenceBlocks.count && analysis.evidenceBlocks[b].area == area.id {
          position += analysis.evidenceBlocks[b].count
          b += 1
        }
        blocks.append(first..<b)
      }
      precondition(b == analysis.evidenceBlocks.count, "evidence for an area the analysis lacks")
      self.blocks = blocks
      self.firstFinding = firstFinding
    }

    /// Consecutive area ranges of about `size` findings each (an area is never split).
    func chunks(of size: Int) -> [Range<Int>] {
      var out: [Range<Int>] = []
      var start = 0
      for area in blocks.indices {
        let end = area + 1 < firstFinding.count ? firstFinding[area + 1] : Int.max
        if area + 1 == blocks.count || end - firstFinding[start] >= size {
          out.append(start..<area + 1)
          start = area + 1
        }
      }
      return out
    }
  }

  /// Renders the lines of the findings of `areas` (a chunk of columns) for each wanted file.
  ///
  /// Each block is read back as bytes and rendered from them. A finding's evidence-table row is
  /// the same on every theme page that lists it (its theme's and its ancestors'), so it is rendered
  /// once per area and copied onto each page.
  private static func render(
    _ areas: Range<Int>, of analysis: Analysis, layout: Layout, parts: FindingLineParts,
    csv: Bool, jsonl: Bool, pages: Bool, sizes: SizeHint
  ) throws(AggregationError) -> Chunk {
    var chunk = sizes.reserved(pages: pages ? analysis.themes.count : 0)
    var findings = EncodedFindings()
    // The evidence rows of the current area's findings, and where each ends.
    var rows = ByteBuffer()
    var rowEnds: [Int] = []
    for column in areas {
      rows.removeAll()
      rowEnds.removeAll(keepingCapacity: true)
      for index in layout.blocks[column] {
        let block = analysis.evidenceBlocks[index]
        guard
          let shared = try FindingLineParts.Block(loading: block, into: &findings, in: analysis)
        else { continue }
        findings.bytes.withUnsafeBufferPointer { bytes in
          for (i, record) in findings.records.enumerated() {
            let theme = parts.theme(record.theme.bytes(in: bytes))
            if csv {
              CSVRenderer.appendFindingRow(
                i, of: findings, in: bytes, theme: theme, block: shared, parts: parts,
                to: &chunk.csv)
            }
            if jsonl {
              JSONRenderer.writeFindingLine(
                i, of: findings, in: bytes, theme: theme, block: shared, parts: parts,
                into: &chunk.jsonl)
            }
            if pages {
              MarkdownRenderer.appendEvidenceRow(
                i, of: findings, in: bytes, theme: theme, parts: parts, to: &rows)
              rowEnds.append(rows.count)
            }
          }
        }
      }
      guard pages else { continue }
      let first = layout.firstFinding[column]
      let head = MarkdownRenderer.evidenceSectionHead(analysis.areas[column])
      for row in analysis.themes.indices {
        MarkdownRenderer.appendEvidenceSection(
          analysis, row: row, column: column, head: head, to: &chunk.pages[row]
        ) { position, out in
          let k = position - first
          out.append(contentsOf: rows.bytes((k == 0 ? 0 : rowEnds[k - 1])..<rowEnds[k]))
        }
      }
    }
    sizes.note(chunk)
    return chunk
  }
}
