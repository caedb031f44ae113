/// What one `clasp analyse` run read and wrote: `manifest.json`.
///
/// It carries no timestamps or file paths of successful inputs, so a rerun on the same bytes, in any
/// order and under any file names, writes the same manifest.
public struct RunManifest: Codable, Sendable, Hashable {
  /// The manifest format version; bump it when a field changes meaning or goes away.
  public static let currentSchemaVersion = 2

  /// `currentSchemaVersion` when written.
  public let schemaVersion: Int
  /// `ClaspVersion.current` of the run.
  public let clasp: String
  /// The codebook the run used.
  public let codebook: CodebookInput
  /// Inputs analysed, sorted by area, year, then digest.
  public let inputs: [Input]
  /// Inputs that failed, sorted by name; the run went on without them.
  public let failures: [InputFailure]
  /// Warnings from the reader and the aggregation, sorted.
  public let warnings: [String]
  /// Totals of the run.
  public let counts: Counts
  /// Every other file written, sorted by path, with its size.
  public let outputs: [Output]

  /// Makes a manifest; failures, warnings and outputs are sorted here.
  public init(
    clasp: String = ClaspVersion.current, codebook: CodebookInput, inputs: [Input],
    failures: [InputFailure], warnings: [String], counts: Counts, outputs: [Output]
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.clasp = clasp
    self.codebook = codebook
    self.inputs = inputs
    self.failures = failures.sorted { $0.input < $1.input }
    self.warnings = warnings.sorted()
    self.counts = counts
    self.outputs = outputs.sorted { $0.path < $1.path }
  }

  /// The codebook used.
  public struct CodebookInput: Codable, Sendable, Hashable {
    /// SHA-256 of the codebook file's bytes.
    public let sha256: String
    /// The codebook format version.
    public let version: Int
    /// Themes in the codebook.
    public let themes: Int

    /// Makes a codebook entry.
    public init(sha256: String, version: Int, themes: Int) {
      self.sha256 = sha256
      self.version = version
      self.themes = themes
    }
  }

  /// One analysed report.
  public struct Input: Codable, Sendable, Hashable {
    /// SHA-256 of the input's bytes.
    public let sha256: String?
    /// The area as printed in the title.
    public let area: String
    /// The area's id.
    public let areaID: AreaID
    /// The review year, if stated.
    public let reviewYear: Int?
    /// Finding paragraphs.
    public let paragraphs: Int
    /// Recommendation items.
    public let recommendations: Int
    /// Findings coded.
    public let findings: Int
    /// Units with at least one finding.
    public let codedUnits: Int
    /// The reader's warnings, led by the area id.
    public let warnings: [String]

    /// The manifest entry of an analysed report.
    public init(_ report: ReportSummary) {
      sha256 = report.inputSHA256
      area = report.metadata.area
      areaID = report.area
      reviewYear = report.reviewYear
      paragraphs = report.paragraphs
      recommendations = report.recommendations
      findings = report.findings
      codedUnits = report.codedUnits
      warnings = report.warnings
    }
  }

  /// Totals of the run.
  public struct Counts: Codable, Sendable, Hashable {
    /// Reports analysed.
    public let reports: Int
    /// Areas analysed.
    public let areas: Int
    /// Inputs that failed.
    public let failures: Int
    /// Findings coded.
    public let findings: Int

    /// Makes the totals.
    public init(reports: Int, areas: Int, failures: Int, findings: Int) {
      self.reports = reports
      self.areas = areas
      self.failures = failures
      self.findings = findings
    }
  }

  /// One written file. (Schema 1 also gave each output's SHA-256; hashing the outputs of a large
  /// run cost more than reading its inputs, and `sha256sum` over the directory gives the same.)
  public struct Output: Codable, Sendable, Hashable {
    /// The path inside the output directory.
    public let path: String
    /// The file's size in bytes.
    public let bytes: Int

    /// Makes an output entry.
    public init(path: String, bytes: Int) {
      self.path = path
      self.bytes = bytes
    }
  }
}

/// An input that could not be analysed, and why; the rest of the run goes on.
public struct InputFailure: Codable, Sendable, Hashable {
  /// The input as named on the command line or found in a directory.
  public let input: String
  /// The error's message.
  public let reason: String
  /// The class of failure: `unreadable`, `empty`, `binary`, `too-large`, `pdf`,
  /// `not-a-clas-review`, `truncated` (parsed, but no findings: left out of the matrices), or
  /// `failed` for anything else.
  public let kind: String

  /// Makes a failure entry.
  public init(input: String, reason: String, kind: String = "failed") {
    self.input = input
    self.reason = reason
    self.kind = kind
  }

  /// The reason in `input: sentence` form, naming the input once.
  public var message: String { reason.hasPrefix(input + ":") ? reason : "\(input): \(reason)" }
}
