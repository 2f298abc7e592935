/// A position in a lab's Markdown file, 1-based, as editors count it.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The path as the user named it (kept relative when it was given relative).
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file.md:line:col`, the form editors and terminals turn into links.
  public var description: String { "\(file):\(line):\(column)" }
}
