import ArgumentParser

/// The exit statuses `clasp` documents (README, "Exit status").
enum ExitStatus {
  /// Every input was analysed.
  static let success = ExitCode(0)
  /// The run could not start or was stopped before writing anything.
  ///
  /// For example: no inputs found, an unreadable codebook, an unwritable output directory, or a
  /// failed input under `--strict`. ArgumentParser also exits 1 for any error a command throws.
  static let couldNotRun = ExitCode(1)
  /// Some inputs failed or were truncated; they are listed, and the rest were analysed and written.
  static let someInputsFailed = ExitCode(2)
  /// The command line itself was invalid (ArgumentParser's usage status).
  static let usage = ExitCode(64)
}
