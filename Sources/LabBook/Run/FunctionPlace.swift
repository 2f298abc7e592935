import Foundation

/// Where a function is declared in a lab's text, for a crash frame that names
/// the function but no line: the return address of an array element's
/// in-place update (`out[i] /= p`) lands in compiler-made code that debug
/// info gives line 0, so the frame says `f(_:) in lab at x.md` and nothing
/// more. The function's `func` line is then the best place to show.
// Limitation: by name only: of two functions with one name (overloads, or
// methods of different types), the first declared is taken.
enum FunctionPlace {
  /// The function's base name in a Swift symbol as the backtracer or
  /// `llvm-symbolizer` prints it: `f(_:)`, `closure #1 in f(_:)`,
  /// `specialized Model.step(_:)` all give `f` or `step`.
  static func baseName(ofSymbol symbol: String) -> String? {
    if symbol.hasPrefix("$s") { return mangledBaseName(symbol.dropFirst(2)) }
    var text = Substring(symbol)
    if let last = text.range(of: " in ", options: .backwards) { text = text[last.upperBound...] }
    text = text.split(separator: " ").last ?? text
    let name = text.prefix { $0 != "(" && $0 != "<" }
    let base = name.split(separator: ".").last.map(String.init) ?? ""
    guard let first = base.first, first.isLetter || first == "_",
      base.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
    else { return nil }
    return base
  }

  /// The last plain identifier of a mangled Swift name after `$s`, as
  /// `llvm-symbolizer` prints it: `10LabProgram1fySaySfGACF` gives `f`,
  /// `10LabProgram5ModelV4stepyyF` gives `step` (length-prefixed words, one
  /// capital letter between them for the kind of type).
  // Limitation: word substitutions (a repeated word mangled as an index) are
  // not followed; such a name gives the word before it.
  private static func mangledBaseName(_ text: Substring) -> String? {
    var rest = text
    var last: Substring?
    while true {
      if let first = rest.first, first.isUppercase, rest.dropFirst().first?.isNumber == true {
        rest = rest.dropFirst()
      }
      let digits = rest.prefix(while: \.isNumber)
      guard let count = Int(digits), count > 0 else { break }
      rest = rest.dropFirst(digits.count)
      guard rest.count >= count else { break }
      last = rest.prefix(count)
      rest = rest.dropFirst(count)
    }
    return last.map(String.init)
  }

  /// The 1-based line and column of `func NAME` in `text` (followed by `(`
  /// or `<`), the first such line.
  static func line(ofFunction name: String, in text: String) -> (line: Int, column: Int)? {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      guard let range = line.range(of: "func " + name) else { continue }
      let after = line[range.upperBound...].drop { $0 == " " }
      guard after.first == "(" || after.first == "<" else { continue }
      let before = line[..<range.lowerBound]
      guard before.last.map({ $0 == " " || $0 == "\t" }) ?? true else { continue }
      return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
    }
    return nil
  }
}
