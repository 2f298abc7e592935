extension LabDocument {
  /// The place in the lab's file of `line:column` of `cell.code` (both 1-based,
  /// columns in UTF-8 bytes, as swiftc reports them).
  ///
  /// The file line is `cell.codeLine + line - 1`. When the fence is indented by
  /// n spaces, cmark strips up to n leading spaces from each code line, so the
  /// column gains the number of spaces that line really lost.
  public func sourceLocation(in cell: Cell, line: Int, column: Int) -> SourceLocation {
    let fileLine = cell.codeLine + max(line, 1) - 1
    let indent = cell.codeColumn - 1
    guard indent > 0 else { return SourceLocation(file: path, line: fileLine, column: column) }
    let text = SourceText(bytes: Array(source.utf8))
    guard fileLine <= text.lineCount else {
      return SourceLocation(file: path, line: fileLine, column: column + indent)
    }
    // Limitation: a tab inside the stripped indentation is not accounted for.
    let stripped = text.content(ofLine: fileLine).prefix(indent).prefix { $0 == 0x20 }.count
    return SourceLocation(file: path, line: fileLine, column: column + stripped)
  }
}
