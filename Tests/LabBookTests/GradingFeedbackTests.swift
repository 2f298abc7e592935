import Foundation
import Testing

@testable import LabBook

/// Feedback pages with and without the reference outputs
/// (`grading: feedback-reference`).
@Suite struct GradingFeedbackTests {
  /// `scale` should triple; the `look` cell prints and plots its results,
  /// and the hidden test prints a line no student may see.
  static func lab(reference: Bool) -> String {
    """
    ---
    title: Compare
    seed: 1
    grading:
      feedback-reference: \(reference)
      test-timeout: 5
      timeout: 30
    ---

    ```swift id=scale solution
    func scale(_ x: Double) -> Double {
      // BEGIN SOLUTION
      return 3 * x
      // END SOLUTION
    }
    ```

    ```swift id=look
    print("scaled: \\(scale(2))")
    show(bars: ["a", "b"], [scale(1), scale(2)], title: "bars of \\(scale(2))")
    ```

    ```swift id=notes instructor
    print("INSTRUCTOR-NOTE")
    ```

    ```swift id=t-scale test points=1 needs=scale
    checkEqual("scale 1", scale(1), 3)
    ```

    ```swift id=t-secret test hidden points=1 needs=scale
    print("SECRET-OUTPUT")
    checkEqual("scale 7", scale(7), 21)
    ```

    """
  }

  /// Grades one wrong submission (`scale` doubles, and prints markup) with
  /// the lab's flag set to `reference`, and returns its feedback page.
  static func feedback(reference: Bool, in fixture: GradingFixture) throws -> String {
    try lab(reference: reference).write(
      toFile: fixture.labPath, atomically: true, encoding: .utf8)
    let document = try LabDocument.read(path: fixture.labPath)
    let grader = try Grader(
      document: document, toolchain: try Toolchain.locate(), sandbox: Sandbox(),
      cacheFolder: fixture.folder + "/out/.labbook/programs", hiding: [fixture.folder + "/subs"])
    try grader.calibrate()
    let submission = lab(reference: reference).replacingOccurrences(
      of: "  return 3 * x\n", with: "  print(\"<i>mine</i>\")\n  return 2 * x\n")
    let path = fixture.folder + "/subs/ann.md"
    try submission.write(toFile: path, atomically: true, encoding: .utf8)
    let output = fixture.folder + "/out-\(reference)"
    _ = try ClassGrading(grader: grader, outputFolder: output, jobs: 1)
      .run([ClassGrading.Entry(path: path, studentID: "ann")])
    return try String(contentsOfFile: output + "/students/ann/feedback.html", encoding: .utf8)
  }

  @Test func feedbackShowsTheReferenceBesideTheStudentsOutputsOnlyWhenTheLabAllows() throws {
    let fixture = try GradingFixture(lab: Self.lab(reference: true))
    defer { fixture.remove() }
    let on = try Self.feedback(reference: true, in: fixture)
    let off = try Self.feedback(reference: false, in: fixture)

    // The student's own text and figure, on both pages, escaped.
    for page in [on, off] {
      #expect(page.contains("scaled: 4.0"))
      #expect(page.contains("bars of 4.0"))
      #expect(page.contains("&lt;i&gt;mine&lt;/i&gt;"))
      #expect(!page.contains("<i>mine"))
    }
    // The instructor's run (3·2 = 6), only where the lab allows it.
    #expect(on.contains("scaled: 6.0"))
    #expect(on.contains("bars of 6.0"))
    #expect(on.contains("<h4>Reference</h4>"))
    #expect(!off.contains("scaled: 6.0"))
    #expect(!off.contains("bars of 6.0"))
    #expect(!off.contains("<h4>Reference</h4>"))
    // Never a hidden test's output or source, nor an instructor-only cell's.
    for page in [on, off] {
      #expect(!page.contains("SECRET-OUTPUT"))
      #expect(!page.contains("scale(7)"))
      #expect(!page.contains("scale 7"))
      #expect(!page.contains("INSTRUCTOR-NOTE"))
    }
  }

  @Test func feedbackReferenceSettingTakesTrueOrFalse() {
    #expect(!GradingSettings([:], labTimeout: nil).feedbackReference)
    #expect(GradingSettings(["feedback-reference": "true"], labTimeout: nil).feedbackReference)
    #expect(GradingSettings(["feedback-reference": "True"], labTimeout: nil).feedbackReference)
    let bad = GradingSettings(["feedback-reference": "sometimes"], labTimeout: nil)
    #expect(!bad.feedbackReference)
    #expect(bad.problems.count == 1)
    #expect(bad.problems.first?.contains("\"sometimes\"") == true)
  }

  @Test func feedbackWithoutReferenceHasNoReferenceBox() {
    var grade = StudentGrade(student: "ann", submission: "ann.md", key: "")
    grade.cells = [
      CellResult(id: "c", status: .ok, outputs: [.text(stream: .stdout, text: "mine\n")])
    ]
    let alone = Feedback(grade: grade, title: "Lab").html()
    #expect(alone.contains("mine"))
    #expect(!alone.contains("class=\"reference\""))
    let reference = [
      CellResult(id: "c", status: .ok, outputs: [.text(stream: .stdout, text: "theirs\n")]),
      CellResult(id: "other", status: .ok, outputs: [.text(stream: .stdout, text: "extra\n")]),
    ]
    let beside = Feedback(grade: grade, title: "Lab", reference: reference).html()
    #expect(beside.contains("theirs"))
    #expect(beside.contains("class=\"reference\""))
    // Only cells the student's grade shows get a reference box.
    #expect(!beside.contains("extra"))
  }

  /// A written answer waiting for a person shows no score and is not a
  /// failure; cell states read as words.
  @Test func pendingAnswersAndCellStatesReadPlainly() {
    var grade = StudentGrade(student: "ann", submission: "ann.md", key: "")
    grade.items = [
      StudentGrade.Item(
        id: "t", name: "t", kind: "test", hidden: false, score: 1, maxScore: 1, status: .passed,
        message: ""),
      StudentGrade.Item(
        id: "why", name: "why", kind: "answer", hidden: false, score: 0, maxScore: 2,
        status: .manual, message: "to be graded by hand"),
    ]
    grade.cells = [
      CellResult(
        id: "c", status: .timedOut, outputs: [],
        error: CellError(message: "stopped: the cell ran past its limit of 5 s"))
    ]
    let page = Feedback(grade: grade, title: "Lab").html()
    #expect(page.contains("<td>– / 2</td><td>pending"))
    #expect(page.contains("1 / 3</strong>, plus up to 2 still to be graded by hand"))
    #expect(page.contains("<span class=\"tag\">timed out</span>"))
  }

  /// A failed check's name is said once: with its own message, not also in
  /// the list of failed names.
  @Test func aFailedChecksNameIsSaidOnce() {
    func item(_ message: String, _ checks: [CheckResult]) -> StudentGrade.Item {
      StudentGrade.Item(
        id: "t", name: "t", kind: "test", hidden: false, score: 0, maxScore: 1,
        status: .failed, checks: checks, message: message)
    }
    let miss = CheckResult(
      name: "std", passed: false, message: "expected 0.2, got 0.0", points: 1, score: 0)
    #expect(item("failed: std", [miss]).explanation == ["std: expected 0.2, got 0.0"])
    // A hidden check has no message: the list is all there is.
    let hidden = CheckResult(name: "check 1", passed: false, message: "", points: 1, score: 0.5)
    #expect(
      item("partial credit: check 1", [hidden]).explanation == ["partial credit: check 1"])
    // A message saying more than the names stays.
    #expect(
      item("failed: std; it needs solution 1 of cell \"f\", which …", [miss]).explanation == [
        "failed: std; it needs solution 1 of cell \"f\", which …",
        "std: expected 0.2, got 0.0",
      ])
  }
}
