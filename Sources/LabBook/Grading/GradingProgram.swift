/// The Swift program that grades one submission: the instructor's cells in
/// order, with each solution region's code replaced by the student's (or by
/// the handout's stub), and each test cell wrapped so that the grader can
/// skip it on a rerun (`_LabRuntime.runsCell`).
///
/// `#sourceLocation` points instructor code at the instructor's lab and
/// each student region at the student's own file and line, so compiler
/// messages about a region land where the student wrote it.
///
/// A test cell's code runs inside an `if` block: its declarations are local
/// to the test (later cells cannot use them; docs/grading.md).
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
    let file = LabProgram.literal(document.path)
    let student = LabProgram.literal(studentPath)
    let cells = document.cells
    var text = "import LabKit\n\n_LabRuntime.start(cellCount: \(program.included.count))\n"
    for (position, index) in program.included.enumerated() {
      let cell = cells[index]
      let isTest = cell.isTest
      if isTest { text += "\nif _LabRuntime.runsCell(\(position)) {" }
      text += "\n_LabRuntime.beginCell(\(position), id: \(LabProgram.literal(cell.id)))\n"
      text += "#sourceLocation(file: \(file), line: \(cell.codeLine))\n"
      if isTest && removedTests.contains(index) {
        text += "\n"
      } else {
        var lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
          .map(String.init)
        if cell.code.hasSuffix("\n") { lines.removeLast() }
        let cellRegions = regions.enumerated().filter { $0.element.cellID == cell.id }
        var offset = 0
        for (number, region) in cellRegions {
          let beginOffset = region.beginLine - cell.codeLine
          let endOffset = region.endLine - cell.codeLine
          // Instructor lines up to and including the BEGIN marker.
          while offset <= beginOffset && offset < lines.count {
            text += lines[offset] + "\n"
            offset += 1
          }
          switch fillings[number] ?? .stub {
          case .student(let code):
            text += "#sourceLocation(file: \(student), line: \(code.line))\n"
            text += code.code + "\n"
          case .stub:
            text += region.stub + (region.stub.hasSuffix("\n") ? "" : "\n")
          }
          text += "#sourceLocation(file: \(file), line: \(region.endLine))\n"
          offset = endOffset
        }
        while offset < lines.count {
          text += lines[offset] + "\n"
          offset += 1
        }
      }
      text += "#sourceLocation()\n"
      text += "_LabRuntime.endCell(\(position))\n"
      if isTest { text += "}\n" }
    }
    text += "\n_LabRuntime.finish()\n"
    program.text = text
    self.text = text
    labProgram = program
  }
}
