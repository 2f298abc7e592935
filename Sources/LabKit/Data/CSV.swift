internal import Glibc

/// A reader for numeric CSV: comma-separated fields, one row per line
/// (`\n` or `\r\n`), spaces around fields ignored, blank lines skipped.
/// Limitation: no quoted fields; numeric data only, which is what labs load.
public enum CSV {
  /// The rows of the numeric CSV file at `path`, each the same length.
  public static func read(_ path: String, skipHeader: Bool = false) throws(DataError)
    -> [[Double]]
  {
    let bytes = try FileBytes.read(path)
    return try parse(String(decoding: bytes, as: UTF8.self), path: path, skipHeader: skipHeader)
  }

  /// The rows of numeric CSV `text`; `path` names it in errors.
  public static func parse(_ text: String, path: String = "<text>", skipHeader: Bool = false)
    throws(DataError) -> [[Double]]
  {
    var rows: [[Double]] = []
    var width: Int?
    var lineNumber = 0
    // Character-wise, "\r\n" is one newline character, as is a lone "\r".
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      if skipHeader && lineNumber == 1 { continue }
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      var row: [Double] = []
      var column = 1
      for field in line.split(separator: ",", omittingEmptySubsequences: false) {
        let trimmed = field.drop { $0 == " " || $0 == "\t" }
        let text = String(trimmed.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        guard let value = Double(text) else {
          throw .notANumber(path: path, line: lineNumber, column: column, field: String(field))
        }
        row.append(value)
        column += field.utf8.count + 1
      }
      if let width, row.count != width {
        throw .raggedRow(path: path, line: lineNumber, expected: width, found: row.count)
      }
      width = row.count
      rows.append(row)
    }
    if rows.isEmpty { throw .empty(path: path) }
    return rows
  }
}
