import Foundation
import Testing

@testable import LabBook

/// Labs compiled and run through `LabCheck`, as `labbook check` does.
@Suite struct HandoutCheckTests {
  /// Regions of three kinds: in a function with a typed declaration used
  /// after it (default stub), in a function with an authored `// STUB:`, and
  /// at the top level followed by more code — there the stub's fatalError
  /// leaves code that is never executed: a warning, not an error.
  static func lab(
    counter: Bool = true, greetingTest: String = "greet(\"world\") == \"hello, world\""
  )
    -> String
  {
    var source = """
      ---
      title: Three regions
      ---

      ```swift id=scale solution
      func triple(_ x: Double) -> Double {
        // BEGIN SOLUTION
        let y: Double = x * 3
        // END SOLUTION
        return y
      }
      ```

      ```swift id=greeting solution
      func greet(_ name: String) -> String {
        // BEGIN SOLUTION
        // STUB: return ""
        return "hello, \\(name)"
        // END SOLUTION
      }
      ```

      """
    if counter {
      source += """
        ```swift id=counter solution
        var count = 0
        // BEGIN SOLUTION
        count = 3
        // END SOLUTION
        print(count)
        ```

        """
    }
    source += """
      ```swift id=tests test points=3
      check("the greeting", points: 1, \(greetingTest))
      checkClose("triple(2) = 6", triple(2), 6, points: 1)
      """
    if counter { source += "\ncheck(\"count is 3\", points: 1, count == 3)" }
    return source + "\n```\n"
  }

  /// Writes `source` to a temporary lab file and reads it back.
  static func written(_ source: String) throws -> (document: LabDocument, folder: String) {
    let folder = NSTemporaryDirectory() + "labbook-handout-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/lab.md"
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    return (try LabDocument.read(path: path), folder)
  }

  @Test func studentVersionCompilesAndStopsAtTheFirstStub() throws {
    let (document, folder) = try Self.written(Self.lab())
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let handout = try Handout(instructorLab: document)
    let files = try HandoutWriter(handout: handout, chromium: nil).write(into: folder + "/out")
    let student = try LabDocument.read(path: files.markdown)
    let result = try testEngine().run(student, options: RunOptions())

    #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
    #expect(result.diagnostics.contains { $0.message.contains("will never be executed") })
    #expect(result.cell("scale")?.status == .ok)  // declaring a function runs nothing
    #expect(result.cell("greeting")?.status == .ok)
    let counter = try #require(result.cell("counter"))
    #expect(counter.status == .failed)
    #expect(counter.error?.message.contains("Not implemented: write solution 1") == true)
    let markdown = try String(contentsOfFile: files.markdown, encoding: .utf8)
    let stubLine = try #require(
      Handout.lines(of: markdown).firstIndex {
        $0.content.hasPrefix("fatalError(\"Not implemented: write solution 1 of cell \\\"counter")
      })
    #expect(counter.error?.location?.line == stubLine + 1)
    #expect(result.cell("tests")?.status == .notRun)
  }

  @Test func readyLabPassesEveryStepOfTheCheck() throws {
    let (document, folder) = try Self.written(Self.lab())
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let handout = try Handout(instructorLab: document)
    let check = LabCheck(handout: handout, engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    let reference = try #require(check.instructorRun(&problems) { _ in })
    #expect(LabCheck.points(reference) == (3, 3))
    check.stubbedRuns(&problems) { _ in }
    let files = try HandoutWriter(handout: handout, reference: reference, chromium: nil)
      .write(into: folder + "/out")
    check.studentRun(path: files.markdown, &problems) { _ in }
    check.scanArtefacts([files.markdown, files.html], &problems)
    #expect(problems.isEmpty, "\(problems)")
  }

  @Test func checkCatchesFreePointsAndAnUntestedSolution() throws {
    // The first test gives its points whatever the student writes, so no
    // test looks at `greet`. (A test that crashes on a stub scores nothing
    // when graded, so `triple`'s check goes in a test of its own.)
    let source = Self.lab(counter: false, greetingTest: "true").replacingOccurrences(
      of: "\ncheckClose(\"triple(2) = 6\"",
      with: "\n```\n\n```swift id=triple-test test\ncheckClose(\"triple(2) = 6\"")
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    check.stubbedRuns(&problems) { _ in }
    let messages = problems.map(\.description)
    let begins = Handout.lines(of: source).indices.filter {
      Handout.lines(of: source)[$0].content.contains("// BEGIN SOLUTION")
    }
    let greetingBegin = begins[1] + 1
    #expect(
      messages.contains { $0.contains("\"the greeting\"") && $0.contains("empty submission") })
    #expect(
      messages.contains {
        $0.contains("no test notices when solution 1 of cell \"greeting\" is missing")
          && $0.contains("lab.md:\(greetingBegin):1")
      })
    #expect(messages.count == 2, "\(messages)")
  }

  /// The grader runs the tests after a crashed one; so must the check, or a
  /// test that pays for nothing hides behind a test that crashes on a stub.
  @Test func aFreeTestAfterACrashingTestIsFound() throws {
    let free = "```swift id=sanity test points=1\ncheck(\"arithmetic\", 2 + 2 == 4)\n```\n"
    let source = Self.lab(counter: false) + "\n" + free
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    check.stubbedRuns(&problems) { _ in }
    let fence = try #require(Handout.lines(of: source).firstIndex { $0.content.contains("sanity") })
    #expect(
      problems.map(\.description) == [
        "\(document.path):\(fence + 1):1: error: test \"sanity\" (\"arithmetic\") gives 1 "
          + "point(s) to an empty submission"
      ])
  }

  /// A stub that does not compile (an untyped `let` used after its region)
  /// is reported at its own region, whichever region the grader blamed.
  @Test func aStubThatDoesNotCompileIsNamedAtItsRegion() throws {
    let source = """
      ---
      title: Two regions
      ---

      ```swift id=f solution
      func f() -> Double {
        // BEGIN SOLUTION
        return 2
        // END SOLUTION
      }
      // BEGIN SOLUTION
      let halfway = f() / 2
      // END SOLUTION
      let twice = halfway * 4
      ```

      ```swift id=t test points=2
      checkClose("f", f(), 2)
      checkClose("twice", twice, 4)
      ```

      """
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    check.stubbedRuns(&problems) { _ in }
    let begin =
      try #require(
        Handout.lines(of: source).lastIndex { $0.content.contains("BEGIN SOLUTION") }) + 1
    #expect(
      problems.contains {
        $0.location?.line == begin
          && $0.message.hasPrefix(
            "the lab without solution 2 of cell \"f\" does not compile: cannot find 'halfway'")
      }, "\(problems)")
  }

  @Test func checkCatchesAFailingTestInTheInstructorsLab() throws {
    let source = Self.lab().replacingOccurrences(of: "triple(2), 6", with: "triple(2), 7")
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    _ = check.instructorRun(&problems) { _ in }
    #expect(problems.count == 1)
    #expect(problems.first?.description.contains("\"triple(2) = 6\"") == true)
    #expect(problems.first?.description.contains("scores 0/1") == true)
  }

  @Test func aBuildErrorStopsTheCheckAfterTheInstructorsRun() throws {
    let source = Self.lab().replacingOccurrences(
      of: "checkClose(\"triple(2) = 6\", triple(2), 6", with: "checkClose(\"x\", undefinedName, 6")
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    #expect(check.instructorRun(&problems) { _ in } == nil)
    #expect(!problems.isEmpty)
    #expect(problems.allSatisfy { $0.message.hasPrefix("the instructor's lab does not build") })
    #expect(problems.contains { $0.message.contains("undefinedName") })
  }

  @Test func testsBeforeTheFirstSolutionAreNotedNotCounted() throws {
    let source = Self.lab(counter: false).replacingOccurrences(
      of: "```swift id=scale solution",
      with: "```swift id=lab-test test points=1\ncheck(\"the lab works\", 1 + 1 == 2)\n```\n\n"
        + "```swift id=scale solution")
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    var problems: [LabCheck.Problem] = []
    var notes: [String] = []
    check.stubbedRuns(&problems) { notes.append($0) }
    #expect(problems.isEmpty, "\(problems)")
    #expect(
      notes.contains {
        $0.contains("test \"lab-test\" (\"the lab works\") gives 1 point(s) to every submission")
      })
  }

  /// Without `handout: {figures: true}` the printable handout has no run:
  /// a recorded value in the prose would show ⟨no value⟩ there; a param not.
  @Test func aRecordedValueTheHandoutCannotShowIsAProblem() throws {
    let source =
      Self.lab(counter: false).replacingOccurrences(
        of: "title: Three regions\n", with: "title: Three regions\nparams:\n  k: 3\n"
      ) + "\nWith {{k}} layers the loss is {{loss}}.\n"
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    let problems = check.handoutValueProblems(recorded: ["loss", "k"])
    let line = Handout.lines(of: source).count
    #expect(
      problems.map(\.description) == [
        "\(document.path):\(line):31: error: {{loss}} is not a front-matter param, and the "
          + "student's printable handout has no run to take it from, so it shows ⟨no value: "
          + "loss⟩ there\n  hint: set `handout: {figures: true}` in the front matter to show "
          + "the reference run's values and figures, or move the sentence into instructor-only "
          + "text"
      ])

    let withFigures = source.replacingOccurrences(
      of: "params:\n", with: "handout:\n  figures: true\nparams:\n")
    let (shown, other) = try Self.written(withFigures)
    defer { try? FileManager.default.removeItem(atPath: other) }
    let figures = LabCheck(handout: try Handout(instructorLab: shown), engine: try testEngine())
    #expect(figures.handoutValueProblems(recorded: ["loss", "k"]).isEmpty)
  }

  /// Grading runs with `grading: params.k: v`; a test that holds only at the
  /// defaults passes the instructor's run but not the graded one.
  @Test func theInstructorsLabIsAlsoRunWithTheGradingParams() throws {
    let source = Self.lab(counter: false)
      .replacingOccurrences(
        of: "title: Three regions\n",
        with: "title: Three regions\nparams:\n  width: 8\ngrading:\n  params.width: 2\n"
      )
      .replacingOccurrences(
        of: "checkClose(\"triple(2) = 6\"",
        with: "check(\"wide\", param(\"width\", default: 8) >= 4)\n"
          + "checkClose(\"triple(2) = 6\"")
    let (document, folder) = try Self.written(source)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let check = LabCheck(handout: try Handout(instructorLab: document), engine: try testEngine())
    #expect(check.gradedOptions?.params == ["width": "2"])
    var problems: [LabCheck.Problem] = []
    let reference = try #require(check.instructorRun(&problems) { _ in })
    #expect(problems.isEmpty, "\(problems)")
    #expect(LabCheck.points(reference) == (3, 3))
    var notes: [String] = []
    let graded = try #require(check.gradedRun(&problems) { notes.append($0) })
    #expect(LabCheck.points(graded) == (2, 3))
    #expect(notes.contains { $0.contains("with the grading params (width=2)") })
    #expect(
      problems.map(\.message) == [
        "check \"wide\" in cell \"tests\" scores 0/1 on the instructor's own solution "
          + "with the grading params (width=2)"
      ])

    // `--set` wins over the grading params; when they then change nothing,
    // there is no second run.
    let quick = LabCheck(
      handout: check.handout, engine: check.engine, options: RunOptions(params: ["width": "2"]))
    #expect(quick.gradedOptions == nil)
  }
}
