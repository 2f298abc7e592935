/// The Swift program that grades one submission: the instructor's cells in
/// order, with each solution region's code replaced by the student's (or by
/// the handout's stub), and each test cell wrapped so that the grader can
/// skip it on a rerun (`_LabRuntime.runsCell`).
///
/// `#sourceLocation` points instructor code at the instructor's lab and
/// each student region at the student's own file and line, so compiler
/// messages about a region land where the student wrote it.
///
/// As in `LabProgram`, imports are lifted to the top and a cell that
/// re-declares an earlier cell's name opens a scope. A test cell's code runs
/// inside an `if` block: its declarations are local to the test (later
/// cells cannot use them; docs/grading.md).
// Limitation: a test cell's declarations are local to it, unlike in `labbook run` (TestScope).
struct GradingProgram {
  /// What fills one solution region.
  enum Filling: Equatable {
    case student(Submission.Region)
    case stub
  }

  var text: String
  /// The `LabProgram` view (positions, spans) the transcript reader uses.
  var labProgram: LabProgram

  /// The program for `document` with `fillings` (by index into `regions`,
  /// the lab's `Solutions.regions(in:)`; absent means the stub) and the test
  /// cells at document indices `removedTests` emptied (they did not compile
  /// against this submission).
  init(
    document: LabDocument, regions: [SolutionRegion], fillings: [Int: Filling],
    studentPath: String, removedTests: Set<Int>
  ) {
    var program = LabProgram(document)
    let cells = document.cells
    var header = "import LabKit\n"
    var body = "\n_LabRuntime.start(cellCount: \(program.included.count))\n"
    var declared: Set<String> = []
    var scopes = 0
    for (position, index) in program.included.enumerated() {
      let cell = cells[index]
      var lines = Self.mergedLines(
        cell, document: document, regions: regions, fillings: fillings,
        studentPath: studentPath)
      if cell.isTest && removedTests.contains(index) { lines = [] }
      let scan = CellScan(lines.map(\.text).joined(separator: "\n"))

      // Imports are only valid at file scope: lift them, keeping their lines.
      for line in scan.importLines {
        header += Self.directive(lines[line].file, lines[line].line)
        header += lines[line].text + "\n#sourceLocation()\n"
        lines[line].text = ""
      }
      // As in `LabProgram`: a cell re-declaring an earlier name gets a scope.
      // A test's declarations are local to its block and do not count.
      if !cell.isTest {
        if !scan.names.isDisjoint(with: declared) {
          body += "do {\n"
          scopes += 1
        }
        declared.formUnion(scan.names)
      }

      if cell.isTest { body += "if _LabRuntime.runsCell(\(position)) {\n" }
      body += "_LabRuntime.beginCell(\(position), id: \(LabProgram.literal(cell.id)))\n"
      var next: (file: String, line: Int)?
      for line in lines {
        if next == nil || next! != (line.file, line.line) {
          body += Self.directive(line.file, line.line)
        }
        body += line.text + "\n"
        next = (line.file, line.line + 1)
      }
      body += "#sourceLocation()\n"
      body += "_LabRuntime.endCell(\(position))\n"
      if cell.isTest { body += "}\n" }
    }
    body += String(repeating: "}\n", count: scopes)
    body += "_LabRuntime.finish()\n"
    program.text = header + body
    self.text = program.text
    labProgram = program
  }

  /// One line of the merged program with the place it comes from.
  struct Line {
    var text: String
    var file: String
    var line: Int
  }

  /// The cell's lines with each region's body replaced by its filling.
  static func mergedLines(
    _ cell: Cell, document: LabDocument, regions: [SolutionRegion],
    fillings: [Int: Filling], studentPath: String
  ) -> [Line] {
    var code = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if cell.code.hasSuffix("\n") { code.removeLast() }
    var lines: [Line] = []
    var offset = 0
    func instructor(upTo end: Int) {
      while offset < min(end, code.count) {
        lines.append(Line(text: code[offset], file: document.path, line: cell.codeLine + offset))
        offset += 1
      }
    }
    for (number, region) in regions.enumerated() where region.cellID == cell.id {
      // Instructor lines up to and including the BEGIN marker.
      instructor(upTo: region.beginLine - cell.codeLine + 1)
      switch fillings[number] ?? .stub {
      case .student(let filling):
        let body = filling.code.split(separator: "\n", omittingEmptySubsequences: false)
        for (row, text) in body.enumerated() {
          lines.append(Line(text: String(text), file: studentPath, line: filling.line + row))
        }
      case .stub:
        var stub = region.stub.split(separator: "\n", omittingEmptySubsequences: false)
        if region.stub.hasSuffix("\n") { stub.removeLast() }
        for text in stub {
          lines.append(Line(text: String(text), file: document.path, line: region.beginLine))
        }
      }
      offset = region.endLine - cell.codeLine
    }
    instructor(upTo: code.count)
    return lines
  }

  static func directive(_ file: String, _ line: Int) -> String {
    "#sourceLocation(file: \(LabProgram.literal(file)), line: \(line))\n"
  }
}
