/// Why a data file could not be read. Each message names the file (and the
/// `line:column` where there is one), quotes what was found and says what to do.
public enum DataError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened or read.
  case cannotRead(path: String, reason: String)
  /// A CSV field is not a number.
  case notANumber(path: String, line: Int, column: Int, field: String)
  /// A CSV row has a different number of fields than the first row.
  case raggedRow(path: String, line: Int, expected: Int, found: Int)
  /// A label is not a whole number ≥ 0.
  case badLabel(path: String, line: Int, value: Double)
  /// The file holds no rows.
  case empty(path: String)
  /// An IDX file's first bytes are not `0 0 type rank`.
  case badMagic(path: String, bytes: [UInt8])
  /// An IDX element type other than the six the format defines.
  case unsupportedType(path: String, code: UInt8)
  /// An IDX file is shorter than its header says.
  case truncated(path: String, expectedBytes: Int, foundBytes: Int)
  /// Images and labels disagree in count.
  case countMismatch(images: Int, labels: Int)

  /// What failed, where, and what to do.
  public var description: String {
    switch self {
    case .cannotRead(let path, let reason):
      return "\(path): cannot read the file (\(reason)); check the path, and for a lab's "
        + "own data use labPath(\"data/…\")"
    case .notANumber(let path, let line, let column, let field):
      return "\(path):\(line):\(column): \"\(field)\" is not a number; the loader reads "
        + "numeric CSV only (pass skipHeader: true if line 1 is a header)"
    case .raggedRow(let path, let line, let expected, let found):
      return "\(path):\(line): \(found) fields where the first row has \(expected); every "
        + "row needs the same number of columns"
    case .badLabel(let path, let line, let value):
      return "\(path):\(line): label \(value) is not a whole number ≥ 0; labels must be "
        + "class indices 0, 1, 2, …"
    case .empty(let path):
      return "\(path): holds no rows; give a file with data"
    case .badMagic(let path, let bytes):
      return "\(path): starts with \(bytes), not an IDX header (0, 0, type, rank); is it "
        + "still gzip-compressed? Decompress it first"
    case .unsupportedType(let path, let code):
      return "\(path): IDX element type 0x\(String(code, radix: 16)) is not one of 08, 09, "
        + "0B, 0C, 0D, 0E"
    case .truncated(let path, let expected, let found):
      return "\(path): the header promises \(expected) bytes but the file has \(found); the "
        + "download is probably incomplete"
    case .countMismatch(let images, let labels):
      return "\(images) images but \(labels) labels; pass matching image and label files"
    }
  }
}
