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

  @Test func everyRecordedNameIsQuiet() throws {
    let source = "Value {{a}}.\n\n```swift\nlet x = 1\n```\n\nAgain {{a}}.\n"
    #expect(try report(source, values: ["a": 1]).warnings.isEmpty)
  }
}
