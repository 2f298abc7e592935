/// The Swift program a lab compiles to: its cells in document order (cells
/// marked `skip` left out), each behind a `#sourceLocation` naming the
/// lab's own file and line, with calls into LabKit's `_LabRuntime` marking
/// where each cell begins and ends.
///
/// Cells are top-level code of one `main.swift`, so they share state as in a
/// notebook.
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
    var text = "import LabKit\n\n_LabRuntime.start(cellCount: \(included.count))\n"
    for (position, index) in included.enumerated() {
      let cell = cells[index]
      text += "\n_LabRuntime.beginCell(\(position), id: \(Self.literal(cell.id)))\n"
      text += "#sourceLocation(file: \(file), line: \(cell.codeLine))\n"
      text += cell.code
      if !cell.code.hasSuffix("\n") { text += "\n" }
      text += "#sourceLocation()\n"
      text += "_LabRuntime.endCell(\(position))\n"
    }
    text += "\n_LabRuntime.finish()\n"
    self.text = text
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
