import Foundation
import Testing

@testable import LabBook

/// What the engine keeps from swiftc's and the lab program's output, and
/// how it times a cell that was stopped: no compiler needed.
@Suite struct EngineTranscriptTests {
  private let cells = [
    Cell(
      id: "a", code: "print(1)\n", fenceLocation: SourceLocation(file: "labs/x.md", line: 4),
      codeLine: 5),
    Cell(
      id: "b", code: "fatalError(\"no\")\n",
      fenceLocation: SourceLocation(file: "labs/x.md", line: 8), codeLine: 9),
  ]

  private var document: LabDocument {
    LabDocument(
      path: "labs/x.md", source: "", frontMatter: FrontMatter(), blocks: cells.map { .cell($0) })
  }

  @Test func warningsAboutGeneratedGlueAreDroppedWithTheirNotes() {
    let output = CompilerOutput(
      """
      /tmp/labbook-1/main.swift:12:1: warning: will never be executed
      labs/x.md:9:1: note: a call to a never-returning function
      labs/x.md:5:1: warning: a warning the lab's author should see
      labs/x.md:5:1: note: its note stays
      """, labPath: "labs/x.md", program: LabProgram(document))
    #expect(
      output.entries.map(\.diagnostic.message) == [
        "a warning the lab's author should see", "its note stays",
      ])
  }

  @Test func driverSummaryIsDroppedWhenAnErrorNamesAPlace() {
    let program = LabProgram(document)
    let located = CompilerOutput(
      """
      error: emit-module command failed with exit code 1 (use -v to see invocation)
      labs/x.md:5:7: error: cannot find 'z' in scope
      error: compile command failed with exit code 1 (use -v to see invocation)
      """, labPath: "labs/x.md", program: program)
    #expect(located.entries.map(\.diagnostic.message) == ["cannot find 'z' in scope"])
    // With nothing else to go on, the driver's line is all there is: kept.
    let alone = CompilerOutput(
      "error: link command failed with exit code 1 (use -v to see invocation)\n",
      labPath: "labs/x.md", program: program)
    #expect(alone.errors.count == 1)
  }

  private func transcript(
    stderr: String, ending: ChildProcess.Ending, runSeconds: Double
  ) -> RunTranscript {
    let events = [
      RunEvent(e: "begin", i: 0, out: 0, err: 0),
      RunEvent(e: "end", i: 0, seconds: 0.25, out: 2, err: 0),
      RunEvent(e: "begin", i: 1, out: 2, err: 0),
    ]
    return RunTranscript(
      document: document, program: LabProgram(document), events: events,
      stdout: Data("1\n".utf8), stderr: Data(stderr.utf8), ending: ending, timeout: 5,
      runSeconds: runSeconds)
  }

  @Test func runtimeSuspendNoteIsLeftOutOfACrashedCellsOutput() {
    let stderr =
      "LabProgram/x.md:9: Fatal error: no\n"
      + "swift-runtime: failed to suspend thread 42 while processing a crash; "
      + "backtraces will be missing information\n"
    let cell = transcript(stderr: stderr, ending: .signaled(SIGILL), runSeconds: 1).cells[1]
    #expect(cell.status == .failed)
    #expect(cell.text(.stderr) == "LabProgram/x.md:9: Fatal error: no\n")
  }

  @Test func uncaughtErrorWithSeveralCandidateTriesListsTheirLines() {
    let cells = [
      Cell(
        id: "load", code: "let a = try f()\nlet b = try f()\n",
        fenceLocation: SourceLocation(file: "labs/x.md", line: 4), codeLine: 5)
    ]
    let document = LabDocument(
      path: "labs/x.md", source: "", frontMatter: FrontMatter(), blocks: cells.map { .cell($0) })
    let transcript = RunTranscript(
      document: document, program: LabProgram(document),
      events: [RunEvent(e: "begin", i: 0, out: 0, err: 0)], stdout: Data(),
      stderr: Data("Swift/ErrorType.swift:254: Fatal error: Error raised at top level: E\n".utf8),
      ending: .signaled(SIGILL), timeout: 5)
    let error = transcript.cells[0].error
    // Either `try` could have thrown: the fence stays, the lines are named.
    #expect(error?.location == SourceLocation(file: "labs/x.md", line: 4))
    #expect(error?.message.contains("one of lines 5, 6") == true, "\(error?.message ?? "")")
    #expect(error?.message.hasSuffix("nothing caught it: E") == true)
  }

  @Test func stoppedCellIsTimedUntilItWasStopped() {
    let cells = transcript(stderr: "", ending: .timedOut, runSeconds: 5.75).cells
    #expect(cells.map(\.status) == [.ok, .timedOut])
    // The run's 5.75 s less the 0.25 s of the cell that finished.
    #expect(cells[1].seconds == 5.5)
  }
}
