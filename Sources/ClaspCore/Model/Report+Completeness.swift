extension Report {
  /// True when no findings sections were found: a copy cut short after its first pages.
  ///
  /// Such a report keeps its metadata but must stay out of matrices, where an area with no findings
  /// would read as "no concerns".
  public var isTruncated: Bool { !sections.contains { $0.id.number != nil } }
}
