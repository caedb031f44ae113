/// A dense table with ordered, unique row and column ids and flat row-major storage.
///
/// ```swift
/// let m = Matrix(rows: ["a", "b"] as [ThemeID], columns: ["derby"] as [AreaID], repeating: 0)
/// m[row: "b", column: "derby"]  // 0
/// ```
public struct Matrix<Row: Hashable & Sendable, Column: Hashable & Sendable, Element: Sendable>:
  Sendable
{
  /// Row ids in output order.
  public let rows: [Row]
  /// Column ids in output order.
  public let columns: [Column]
  /// Cells row by row: the cell at (r, c) is `storage[r * columns.count + c]`.
  public private(set) var storage: [Element]

  private let rowIndex: [Row: Int]
  private let columnIndex: [Column: Int]

  /// Makes a matrix with every cell set to `value`; rows and columns must each be unique.
  public init(rows: [Row], columns: [Column], repeating value: Element) {
    self.init(
      rows: rows, columns: columns,
      storage: Array(repeating: value, count: rows.count * columns.count))
  }

  /// Makes a matrix from row-major `storage`, which holds exactly one cell per (row, column).
  public init(rows: [Row], columns: [Column], storage: [Element]) {
    self.rows = rows
    self.columns = columns
    self.storage = storage
    self.rowIndex = Dictionary(rows.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    self.columnIndex = Dictionary(
      columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    checkInvariants()
  }

  /// Traps when the ids are not unique or the storage does not fit them.
  public func checkInvariants() {
    precondition(rowIndex.count == rows.count, "duplicate row ids")
    precondition(columnIndex.count == columns.count, "duplicate column ids")
    precondition(storage.count == rows.count * columns.count, "storage does not match the shape")
  }

  /// The cell at positions (`row`, `column`).
  public subscript(row: Int, column: Int) -> Element {
    get { storage[row * columns.count + column] }
    set { storage[row * columns.count + column] = newValue }
  }

  /// The cell for the ids, or `nil` when either id is absent.
  public subscript(row row: Row, column column: Column) -> Element? {
    guard let r = rowIndex[row], let c = columnIndex[column] else { return nil }
    return self[r, c]
  }

  /// The position of `row`, if present.
  public func index(ofRow row: Row) -> Int? { rowIndex[row] }
  /// The position of `column`, if present.
  public func index(ofColumn column: Column) -> Int? { columnIndex[column] }

  /// The cells of the row at position `row`, in column order.
  public func cells(inRow row: Int) -> ArraySlice<Element> {
    storage[(row * columns.count)..<((row + 1) * columns.count)]
  }
}

extension Matrix: Equatable where Element: Equatable {
  public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
    lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.storage == rhs.storage
  }
}

extension Matrix: Hashable where Element: Hashable {
  public func hash(into hasher: inout Hasher) {
    hasher.combine(rows)
    hasher.combine(columns)
    hasher.combine(storage)
  }
}

/// Encodes as `{"rows": [...], "columns": [...], "cells": [[row 1], [row 2], ...]}`.
extension Matrix: Codable where Row: Codable, Column: Codable, Element: Codable {
  private enum CodingKeys: String, CodingKey { case rows, columns, cells }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let rows = try container.decode([Row].self, forKey: .rows)
    let columns = try container.decode([Column].self, forKey: .columns)
    let cells = try container.decode([[Element]].self, forKey: .cells)
    guard cells.count == rows.count, cells.allSatisfy({ $0.count == columns.count }) else {
      throw DecodingError.dataCorruptedError(
        forKey: .cells, in: container, debugDescription: "cells do not match rows x columns")
    }
    self.init(rows: rows, columns: columns, storage: cells.flatMap { $0 })
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rows, forKey: .rows)
    try container.encode(columns, forKey: .columns)
    try container.encode(rows.indices.map { Array(cells(inRow: $0)) }, forKey: .cells)
  }
}
