/// Recognises the marker lines of solution regions: `// BEGIN SOLUTION`,
/// `// END SOLUTION` and `// STUB: code`, with any indentation (spaces or
/// tabs), trailing blanks and a trailing `\r`.
enum SolutionMarker: Equatable {
  case begin
  case end
  /// A line that mentions BEGIN/END SOLUTION in another form, e.g.
  /// `// BEGIN SOLUTION: part 1` or `/* END SOLUTION */`: refused rather than
  /// risk leaking a region the author meant to mark.
  case lookalike

  /// The marker on `line`, or `nil` for an ordinary line.
  ///
  /// Words are matched case-insensitively and any run of blanks between
  /// `//`, the keyword and `SOLUTION` counts as one space.
  static func parse<S: StringProtocol>(_ line: S) -> SolutionMarker? {
    let upper = line.uppercased()
    let words = upper.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
    let joined = words.joined(separator: " ")
    guard joined.contains("SOLUTION") else { return nil }
    var comment = joined
    if comment.hasPrefix("//") {
      comment = String(comment.dropFirst(2)).trimmingBlanks
      if comment == "BEGIN SOLUTION" { return .begin }
      if comment == "END SOLUTION" { return .end }
    }
    let squeezed = joined.filter { $0 != " " }
    if squeezed.contains("BEGINSOLUTION") || squeezed.contains("ENDSOLUTION") {
      return .lookalike
    }
    return nil
  }

  /// For a `// STUB: code` line, `code` with the line's indentation in front;
  /// `nil` for any other line. One space after the colon is dropped.
  static func stubText<S: StringProtocol>(of line: S) -> String? {
    var text = Substring(line)
    if text.hasSuffix("\r") { text = text.dropLast() }
    let indent = text.prefix { $0 == " " || $0 == "\t" }
    let rest = text.dropFirst(indent.count)
    guard rest.hasPrefix("//") else { return nil }
    let afterSlashes = rest.dropFirst(2).drop { $0 == " " || $0 == "\t" }
    guard afterSlashes.hasPrefix("STUB:") else { return nil }
    var code = afterSlashes.dropFirst(5)
    if code.hasPrefix(" ") { code = code.dropFirst() }
    var result = String(indent) + String(code)
    while result.last == " " || result.last == "\t" { result.removeLast() }
    return result
  }
}
