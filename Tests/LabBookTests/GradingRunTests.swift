import Foundation
import Testing

@testable import LabBook

/// Grading end to end on small labs: checks' credit, `-j`, resuming.
@Suite(.serialized) struct GradingRunTests {
  @Test func checksGiveTheCreditTheirFormulasSay() throws {
    let lab = """
      ---
      grading:
        test-timeout: 5
      ---

      ```swift id=s solution
      func value() -> Double {
        // BEGIN SOLUTION
        return 1
        // END SOLUTION
      }
      ```

      ```swift id=t test
      checkBand("band", [0.5, 0.7, 2.0, 0.9], 0.4...1.2, points: 4)
      checkClose("nan never passes", Double.nan, 0)
      checkClose("infinity never passes", Double.infinity, Double.infinity)
      checkClose("within atol + rtol", value() + 1e-9, 1.0)
      checkRange("range", value() / 2, 0...1)
      checkShape("shape", Tensor.zeros([2, 3]), [2, 3])
      checkStatistics("statistics", Tensor([1, 2, 3, 4]), mean: 2.4...2.6, std: 0...0.1, points: 2)
      ```

      """
    let fixture = try GradingFixture(lab: lab)
    defer { fixture.remove() }
    let grader = try fixture.grader()
    let path = fixture.folder + "/subs/s.md"
    try lab.write(toFile: path, atomically: true, encoding: .utf8)
    let grade = grader.grade(path: path, studentID: "s", slot: 0)
    let item = try #require(grade.items.first)
    // band: 3 of 4 inside → 3 of 4; NaN, ∞: 0 of 1 each; close, range, shape:
    // 1 each; statistics: mean in band, std √1.25 not → 1 of 2. Total 7 of 11.
    #expect(item.maxScore == 11)
    #expect(abs(item.score - 7) < 1e-12)
    #expect(item.status == .partial)
    let band = try #require(item.checks.first { $0.name == "band" })
    #expect(band.score == 3)
  }

  @Test func resultsDoNotDependOnJobsAndAResumeKeepsFinishedStudents() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let entries = [
      try fixture.submission("a-correct", attack: "  return 42"),
      try fixture.submission("b-wrong", attack: "  return 41", good: "return x"),
      try fixture.submission("c-fatal", attack: "  fatalError()"),
      try fixture.submission("d-broken", attack: "  return 42 +", good: "return 2 * x"),
    ]
    let grader = try fixture.grader()
    let one = fixture.folder + "/one"
    let three = fixture.folder + "/three"
    _ = try ClassGrading(grader: grader, outputFolder: one, jobs: 1).run(entries)
    _ = try ClassGrading(grader: grader, outputFolder: three, jobs: 3).run(entries)
    let csv = try String(contentsOfFile: one + "/grades.csv", encoding: .utf8)
    #expect(csv == (try String(contentsOfFile: three + "/grades.csv", encoding: .utf8)))
    #expect(csv.split(separator: "\n").count == 5)

    // An interrupted run: one student's result missing, a stale temporary file.
    let students = three + "/students/"
    try FileManager.default.removeItem(atPath: students + "b-wrong/result.json")
    try Data("half".utf8).write(to: URL(fileURLWithPath: three + "/grades.csv.tmp-1"))
    let kept =
      try FileManager.default.attributesOfItem(
        atPath: students + "a-correct/result.json")[.modificationDate] as? Date
    let grades = try ClassGrading(grader: grader, outputFolder: three, jobs: 2).run(entries)
    #expect(grades.map(\.student) == ["a-correct", "b-wrong", "c-fatal", "d-broken"])
    let after =
      try FileManager.default.attributesOfItem(
        atPath: students + "a-correct/result.json")[.modificationDate] as? Date
    #expect(kept == after)
    #expect(FileManager.default.fileExists(atPath: students + "b-wrong/result.json"))
    #expect(csv == (try String(contentsOfFile: three + "/grades.csv", encoding: .utf8)))
  }

  @Test func theRunStopsOnceEveryTestHasEnded() throws {
    let lab = """
      ```swift id=s solution
      import Glibc
      func f() -> Int {
        // BEGIN SOLUTION
        return 1
        // END SOLUTION
      }
      ```

      ```swift id=t test points=1
      checkEqual("f is 1", f(), 1)
      ```

      ```swift id=long
      sleep(600)
      ```

      """
    let fixture = try GradingFixture(lab: lab)
    defer { fixture.remove() }
    let grader = try fixture.grader()
    let path = fixture.folder + "/subs/s.md"
    try lab.write(toFile: path, atomically: true, encoding: .utf8)
    let grade = grader.grade(path: path, studentID: "s", slot: 0)
    #expect(grade.score == 1)
    // Had it run on, the long cell would have been stopped by the time limit.
    let long = try #require(grade.cells.first { $0.id == "long" })
    #expect(long.status == .notRun)
    #expect(long.error == nil)
  }

  @Test func anUnclosedBracketCostsOnlyItsOwnRegion() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let entry = try fixture.submission("open", attack: "  return (42")
    let grade = try fixture.grader().grade(path: entry.path, studentID: "open", slot: 0)
    #expect(grade.score("t-attack") == 0)
    #expect(grade.score("t-good") == 1)
    #expect(grade.score("t-hidden") == 1)
    // swiftc reports the missing ")" on the line after the region (line 21
    // holds `return (42`, line 22 the END marker).
    let problem = try #require(grade.problems.first)
    #expect(problem.location == SourceLocation(file: entry.path, line: 22, column: 1))
    #expect(problem.message.contains("attack"))
  }

  @Test func aCrashIsReportedAtTheStudentsOwnLineInOneSentence() throws {
    let lab = """
      ```swift id=s solution
      func f(_ n: Int) -> Int {
        // BEGIN SOLUTION
        return n
        // END SOLUTION
      }
      let shown = f(1)
      ```

      ```swift id=t test points=1
      checkEqual("f(2) is 2", f(2), 2)
      ```

      """
    let fixture = try GradingFixture(lab: lab)
    defer { fixture.remove() }
    let grader = try fixture.grader()
    let path = fixture.folder + "/subs/s.md"
    // Line 5 (fence 1, func 2, BEGIN 3, let 4) holds the out-of-range subscript.
    let crashing = lab.replacingOccurrences(
      of: "  return n", with: "  let table: [Int] = []\n  return table[n]")
    try crashing.write(toFile: path, atomically: true, encoding: .utf8)
    let grade = grader.grade(path: path, studentID: "s", slot: 0)
    #expect(grade.score == 0)
    let problem = try #require(grade.problems.first)
    #expect(problem.location?.file == path)
    #expect(problem.location?.line == 5)
    #expect(
      problem.message
        == "solution 1 of cell \"s\" stopped the lab (Fatal error: Index out of range)")
    let cell = try #require(grade.cells.first { $0.id == "s" })
    #expect(cell.error?.message == "Fatal error: Index out of range")
    let shown = cell.outputs.map { output -> String in
      if case .text(_, let text) = output { return text }
      return ""
    }.joined()
    #expect(!shown.contains("LabProgram/"))
    #expect(!shown.contains("Not implemented"))
  }
}
