/// Facts about this build of Clasp.
public enum ClaspVersion {
  /// The engine version, written into every manifest and printed by `clasp --version`.
  public static let current = "0.1.0"
}
