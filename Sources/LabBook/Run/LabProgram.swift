/// The Swift program a lab compiles to: its cells in document order (cells
/// marked `skip` left out), each behind a `#sourceLocation` naming the
/// lab's own file and line, with calls into LabKit's `_LabRuntime` marking
/// where each cell begins and ends.
///
/// Cells are top-level code of one `main.swift`, so they share state as in a
/// notebook. A cell that declares a name an earlier cell declared opens a
/// `do {` scope that stays open to the end of the program: its declaration
/// shadows the earlier one, and later cells see the newest. Cells before
/// the first re-declaration stay at file scope, where types and extensions
/// may use their variables. `import`s are lifted to the top of the file.
// Limitation: in a nested scope, `extension`, `protocol` and operator
// declarations are not allowed, and a type cannot use the scope's variables
// (Swift's rules for local declarations); swiftc says so at the lab's line.
struct LabProgram {
  /// Where one cell's code sits in the lab's file.
  struct Span {
    /// Index into the document's `cells`.
    var cellIndex: Int
    /// First and last line of the cell's code in the lab's file.
    var lines: ClosedRange<Int>
    /// The column where the code starts (1 unless the fence was indented).
    var column: Int
  }

  /// The generated `main.swift`.
  var text: String
  /// Index into the document's `cells` of each cell in the program, in order.
  var included: [Int]
  /// Every cell of the document, for mapping lines back to cells.
  var spans: [Span]
  /// For each cell in `included`, whether it opens a `do {` scope, hiding
  /// its declarations from the cells before it.
  var opensScope: [Bool] = []

  init(_ document: LabDocument) {
    let cells = document.cells
    spans = cells.enumerated().map { index, cell in
      let lineCount = max(
        1,
        cell.code.split(separator: "\n", omittingEmptySubsequences: false)
          .count - (cell.code.hasSuffix("\n") ? 1 : 0))
      return Span(
        cellIndex: index, lines: cell.codeLine...(cell.codeLine + lineCount - 1),
        column: cell.codeColumn)
    }
    included = cells.indices.filter { !cells[$0].isSkipped }

    let file = Self.literal(document.path)
    var header = "import LabKit\n"
    var body = "\n_LabRuntime.start(cellCount: \(included.count))\n"
    var declared: Set<String> = []
    var scopes = 0
    for (position, index) in included.enumerated() {
      let cell = cells[index]
      let scan = CellScan(cell.code)
      var lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
      if cell.code.hasSuffix("\n") { lines.removeLast() }

      // Imports are only valid at file scope: lift them, keeping their lines.
      for line in scan.importLines {
        header += "#sourceLocation(file: \(file), line: \(cell.codeLine + line))\n"
        header += lines[line] + "\n#sourceLocation()\n"
        lines[line] = ""
      }
      // A cell that re-declares an earlier cell's name gets a nested scope,
      // so the new declaration shadows the old one, as in a notebook.
      let opens = !scan.names.isDisjoint(with: declared)
      opensScope.append(opens)
      if opens {
        body += "do {\n"
        scopes += 1
      }
      declared.formUnion(scan.names)

      body += "_LabRuntime.beginCell(\(position), id: \(Self.literal(cell.id)))\n"
      body += "#sourceLocation(file: \(file), line: \(cell.codeLine))\n"
      body += lines.joined(separator: "\n") + "\n"
      body += "#sourceLocation()\n"
      body += "_LabRuntime.endCell(\(position))\n"
    }
    body += String(repeating: "}\n", count: scopes)
    body += "_LabRuntime.finish()\n"
    self.text = header + body
  }

  /// The document cell whose code holds `line` of the lab's file.
  func cellIndex(atLine line: Int) -> Int? {
    spans.first { $0.lines.contains(line) }?.cellIndex
  }

  /// `text` as a Swift string literal.
  static func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
