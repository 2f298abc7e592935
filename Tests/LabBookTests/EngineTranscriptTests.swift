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
    #expect(cell.text(.stderr) == "Fatal error: no\n")
  }

  /// Swift's backtrace of a trap in LabKit called from line 9 of the lab,
  /// compiled in a temporary folder (as swiftc records a relative path).
  static let labKitTrap = """
    hi
    LabKit/Tensor+Arithmetic.swift:15: Fatal error: +: shapes [2, 3] and [3, 2] do not broadcast

    *** Signal 4: Backtracing from 0x7fe9e6cf9361... done ***

    *** Program crashed: Illegal instruction at 0x00007fe9e6cf9361 ***

    Thread 0 "lab" crashed:

      0      0x00007fe9e6cf9361 _assertionFailure(_:_:file:line:flags:) + 225 in libswiftCore.so
      1 [ra] 0x00007fe9e667376f static Tensor.broadcastShape(_:_:op:) + 1150 in libLabKit.so \
    at /src/Sources/LabKit/Tensor/Tensor+Arithmetic.swift:15:7
      2 [ra] 0x000055c2487a32f7 main + 390 in lab at /tmp/labbook-bU62FJ/labs/x.md:9:29
    ...

    Backtrace took 0.06s

    """

  @Test func trapInsideLabKitShowsItsMessageAtTheLabsLineWithoutLabKitsPath() {
    let cell = transcript(stderr: Self.labKitTrap, ending: .signaled(SIGILL), runSeconds: 1)
      .cells[1]
    let message = "Fatal error: +: shapes [2, 3] and [3, 2] do not broadcast"
    #expect(cell.error?.message == message)
    // The frame's file is the relative lab path under swiftc's folder.
    #expect(cell.error?.location == SourceLocation(file: "labs/x.md", line: 9, column: 29))
    #expect(cell.text(.stderr) == "hi\n" + message + "\n")
  }

  @Test func standardLibraryTrapKeepsItsMessageOnly() {
    let stderr = "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n"
    let cell = transcript(stderr: stderr, ending: .signaled(SIGILL), runSeconds: 1).cells[1]
    #expect(cell.text(.stderr) == "Fatal error: Index out of range\n")
    #expect(cell.error?.message == "Fatal error: Index out of range")
  }

  @Test func sandboxShellsWordOnTheSignalIsLeftOut() {
    // The grader's sandbox runs the program from `sh`, which names the signal.
    let stderr = "Fatal error: Index out of range\n\n\nIllegal instruction\n"
    let cell = transcript(stderr: stderr, ending: .signaled(SIGILL), runSeconds: 1).cells[1]
    #expect(cell.text(.stderr) == "Fatal error: Index out of range\n")
    let fault = transcript(
      stderr: "Segmentation fault (core dumped)\n", ending: .signaled(SIGSEGV), runSeconds: 1)
    #expect(fault.cells[1].text(.stderr).isEmpty)
  }

  @Test func failedPreconditionInTheLabIsItsMessageAndLine() {
    let stderr = "LabProgram/x.md:9: Precondition failed: n must be positive\n"
    let cell = transcript(stderr: stderr, ending: .signaled(SIGILL), runSeconds: 1).cells[1]
    #expect(cell.error?.message == "Precondition failed: n must be positive")
    #expect(cell.error?.location == SourceLocation(file: "labs/x.md", line: 9))
  }

  @Test func trapWithoutAMessageIsExplainedInPlainWords() {
    let cell = transcript(stderr: "", ending: .signaled(SIGILL), runSeconds: 1).cells[1]
    #expect(
      cell.error?.message
        == "crashed (SIGILL): a Swift runtime trap — arithmetic overflow, index out of range, "
        + "a failed precondition or a nil unwrap")
    #expect(cell.error?.signal == "SIGILL")
    let fault = transcript(stderr: "", ending: .signaled(SIGSEGV), runSeconds: 1).cells[1]
    #expect(
      fault.error?.message
        == "crashed (SIGSEGV): memory fault — often a stack overflow from unbounded recursion, "
        + "or a function using a variable of a later cell before that cell ran")
  }

  @Test func runtimeFailureTheBacktracerNamesIsTheMessage() {
    let stderr = """
      *** Signal 4: Backtracing from 0x562ed917010d... done ***

      *** Swift runtime failure: arithmetic overflow ***

      Thread 0 "lab" crashed:

        0 [inlined] [system] 0x0000562ed917010d Swift runtime failure: arithmetic overflow \
      in lab at //<compiler-generated>
        1                    0x0000562ed917010d main + 269 in lab at /tmp/labbook-8Q/labs/x.md:9:9
      ...

      Backtrace took 0.01s

      """
    let cell = transcript(stderr: stderr, ending: .signaled(SIGILL), runSeconds: 1).cells[1]
    #expect(cell.error?.message == "Swift runtime failure: arithmetic overflow")
    #expect(cell.error?.location == SourceLocation(file: "labs/x.md", line: 9, column: 9))
    #expect(cell.text(.stderr).isEmpty)
  }

  @Test func deepBacktraceIsCalledAStackOverflow() {
    // Frames 0…20000 of a function calling itself: the depth is 20001.
    let stderr = """
      *** Signal 11: Backtracing from 0x562390f36fd7... done ***

      *** Program crashed: Bad pointer dereference at 0x00007ffd94a73ff8 ***

      Thread 0 "lab" crashed:

           0      0x0000562390f36fd7 f(_:) + 23 in lab at /tmp/labbook-7G/labs/x.md:9
           1 [ra] 0x0000562390f36ffb f(_:) + 58 in lab at /tmp/labbook-7G/labs/x.md:9:27
         ...
       20000 [ra] 0x0000562390f37040 main + 64 in lab at /tmp/labbook-7G/labs/x.md:9:7

      Backtrace took 0.2s

      """
    let cell = transcript(stderr: stderr, ending: .signaled(SIGSEGV), runSeconds: 1).cells[1]
    #expect(
      cell.error?.message.hasPrefix(
        "crashed (SIGSEGV): stack overflow — 20001 nested calls; look for a recursion") == true,
      "\(cell.error?.message ?? "")")
    #expect(cell.error?.location == SourceLocation(file: "labs/x.md", line: 9, column: 27))
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
