/// What one `clasp analyse` run read and wrote: `manifest.json`.
///
/// It carries no timestamps or file paths of successful inputs, so a rerun on the same bytes, in any
/// order and under any file names, writes the same manifest.
public struct RunManifest: Codable, Sendable, Hashable {
  /// The manifest format version; bump it when a field changes meaning or goes away.
  public static let currentSchemaVersion = 1

  public let schemaVersion: Int
  /// `ClaspVersion.current` of the run.
  public let clasp: String
  public let codebook: CodebookInput
  /// Inputs analysed, sorted by area, year, then digest.
  public let inputs: [Input]
  /// Inputs that failed, sorted by name; the run went on without them.
  public let failures: [InputFailure]
  /// Warnings from the reader and the aggregation, sorted.
  public let warnings: [String]
  public let counts: Counts
  /// Every other file written, sorted by path, with its digest.
  public let outputs: [Output]

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
    public let sha256: String
    public let version: Int
    public let themes: Int

    public init(sha256: String, version: Int, themes: Int) {
      self.sha256 = sha256
      self.version = version
      self.themes = themes
    }
  }

  /// One analysed report.
  public struct Input: Codable, Sendable, Hashable {
    public let sha256: String?
    public let area: String
    public let areaID: AreaID
    public let reviewYear: Int?
    public let paragraphs: Int
    public let recommendations: Int
    public let findings: Int
    public let codedUnits: Int
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
    public let reports: Int
    public let areas: Int
    public let failures: Int
    public let findings: Int

    public init(reports: Int, areas: Int, failures: Int, findings: Int) {
      self.reports = reports
      self.areas = areas
      self.failures = failures
      self.findings = findings
    }
  }

  /// One written file.
  public struct Output: Codable, Sendable, Hashable {
    public let path: String
    public let sha256: String
    public let bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
      self.path = path
      self.sha256 = sha256
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

  public init(input: String, reason: String) {
    self.input = input
    self.reason = reason
  }
}
