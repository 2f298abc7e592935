import Testing

@testable import LabBook

/// `Report.warnings`: what the page shows quietly, for the command line.
@Suite struct ReportWarningTests {
  private func report(_ source: String, values: [String: Double]) throws -> Report {
    let document = try parseLab(source)
    let result = RunResult(
      lab: "lab", title: "Lab", seed: 0, startedAt: "t", labbookVersion: "0",
      cells: [
        CellResult(
          id: document.cells.first?.id ?? "none", status: .ok,
          outputs: values.sorted { $0.key < $1.key }.map { .value(name: $0, value: .number($1)) })
      ])
    return Report(document: document, result: result)
  }

  @Test func unknownValueNameWarnsAtItsProseLine() throws {
    // Line 1 heading, line 3 the reference at column 10.
    let source = "# Lab\n\nLoss was {{ loss_final }} and {{acc}}.\n\n```swift\nlet x = 1\n```\n"
    let warnings = try report(source, values: ["loss_fianl": 1, "acc": 0.5]).warnings
    #expect(warnings.count == 1)
    let warning = try #require(warnings.first)
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: "lab.md", line: 3, column: 10))
    #expect(warning.message.contains("{{loss_final}}"))
    #expect(warning.hint.contains("did you mean \"loss_fianl\""))
  }

  @Test func missingValueAfterAFailedBuildSaysSoInsteadOfAskingForRecord() throws {
    let document = try parseLab("```swift id=a\nrecord(\"n\", 1)\n```\n\nN is {{n}}.\n")
    let result = RunResult(
      lab: "lab", title: "Lab", seed: 0, startedAt: "t", labbookVersion: "0",
      diagnostics: [Diagnostic(.error, at: nil, "cannot find 'x' in scope")],
      cells: [CellResult(id: "a", status: .failed)])
    let warning = try #require(Report(document: document, result: result).warnings.first)
    #expect(warning.message.contains("the lab did not build"), "\(warning.message)")
    #expect(!warning.hint.contains("record("))
  }

  @Test func missingValueAfterAStoppedRunNamesTheCellThatStopped() throws {
    let document = try parseLab(
      "```swift id=a\nprint(1)\n```\n\n```swift id=b\nrecord(\"n\", 1)\n```\n\nN: {{n}}.\n")
    let result = RunResult(
      lab: "lab", title: "Lab", seed: 0, startedAt: "t", labbookVersion: "0",
      cells: [CellResult(id: "a", status: .timedOut), CellResult(id: "b", status: .notRun)])
    let warning = try #require(Report(document: document, result: result).warnings.first)
    #expect(warning.message.contains("the lab stopped at cell 'a'"), "\(warning.message)")
    #expect(warning.hint == "fix cell 'a' and run again")
  }

  /// A run stopped by a stub in cell `f`, reached from the test cell `t`:
  /// one warning for every value the cells after it would have recorded, and
  /// the hint names `f`, where the error is, not `t`.
  @Test func valuesLeftByAStoppedRunAreOneWarningNamingTheFaultyCell() throws {
    let source = """
      ```swift id=f
      func f() -> Int { fatalError() }
      ```

      ```swift id=t
      print(f())
      ```

      ```swift id=later
      record("a", 1)
      record("b", 2)
      record("c", 3)
      ```

      A is {{a}}, B is {{b}}.

      C is {{c}}.

      """
    let document = try parseLab(source)
    let stub = SourceLocation(file: "lab.md", line: 2, column: 19)
    let result = RunResult(
      lab: "lab", title: "Lab", seed: 0, startedAt: "t", labbookVersion: "0",
      cells: [
        CellResult(id: "f", status: .ok),
        CellResult(
          id: "t", status: .failed, error: CellError(message: "Fatal error", location: stub)),
        CellResult(id: "later", status: .notRun),
      ])
    let warnings = Report(document: document, result: result).warnings
    #expect(warnings.count == 1, "\(warnings)")
    let warning = try #require(warnings.first)
    #expect(warning.location == SourceLocation(file: "lab.md", line: 15, column: 6))
    #expect(warning.message.hasPrefix("{{a}} and 2 more {{…}} in the prose have no value"))
    #expect(warning.message.contains("the lab stopped at cell 't'"))
    #expect(warning.hint == "fix cell 'f' (where the error is) and run again")
  }

  @Test func everyRecordedNameIsQuiet() throws {
    let source = "Value {{a}}.\n\n```swift\nlet x = 1\n```\n\nAgain {{a}}.\n"
    #expect(try report(source, values: ["a": 1]).warnings.isEmpty)
  }
}
