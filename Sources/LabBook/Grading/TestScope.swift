/// The grading rule on test cells' declarations, checked before grading.
///
/// When grading, each test cell runs inside a block of its own so that the
/// grader can skip it on a rerun after a crash, and can empty it when it
/// does not compile against a submission (`GradingProgram`). What a test
/// cell declares is therefore local to the test, unlike in `labbook run`:
/// a later cell that uses it builds with `labbook run` but not when graded.
public enum TestScope {
  /// A warning for each later cell that uses a name a test cell declares
  /// at its top level (and no ordinary cell declares again before it), at
  /// the later cell's fence. Found by a light scan of the code, so a local
  /// name that happens to match is reported too.
  public static func uses(in document: LabDocument) -> [Diagnostic] {
    let program = LabProgram(document)
    var fromTests: [String: String] = [:]
    var warnings: [Diagnostic] = []
    for index in program.included {
      let cell = document.cells[index]
      let scan = CellScan(cell.code)
      let borrowed = scan.identifiers.subtracting(scan.names).filter { fromTests[$0] != nil }
      for name in borrowed.sorted() {
        warnings.append(
          Diagnostic(
            .warning, at: cell.fenceLocation,
            "cell \"\(cell.id)\" uses \"\(name)\", which test cell \"\(fromTests[name]!)\" "
              + "declares; when grading, a test cell's declarations are local to the test, "
              + "so this cell will not compile",
            hint: "put shared helpers in an ordinary cell before the tests"))
      }
      if cell.isTest {
        for name in scan.names { fromTests[name] = cell.id }
      } else {
        for name in scan.names { fromTests[name] = nil }
      }
    }
    return warnings
  }
}
