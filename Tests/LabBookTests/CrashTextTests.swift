import Testing

@testable import LabBook

/// `CrashText`: reading Swift's trap lines and backtraces for a student.
@Suite struct CrashTextTests {
  @Test func trapLineGivesItsFileLineAndMessage() {
    let text = "out\nLabKit/Tensor.swift:59: Fatal error: zeros: shape [-1, 3] is negative\n"
    #expect(
      CrashText.trap(in: text)
        == CrashText.Trap(
          file: "LabKit/Tensor.swift", line: 59,
          message: "Fatal error: zeros: shape [-1, 3] is negative"))
  }

  @Test func everyKindOfTrapIsRead() {
    for kind in ["Fatal error", "Precondition failed", "Assertion failed"] {
      let trap = CrashText.trap(in: "LabProgram/lab.md:12: \(kind): n > 0\n")
      #expect(
        trap == CrashText.Trap(file: "LabProgram/lab.md", line: 12, message: "\(kind): n > 0"))
    }
  }

  @Test func theLastTrapLineCounts() {
    let text = "a.swift:1: Fatal error: first\nb.swift:2: Fatal error: second\n"
    #expect(CrashText.trap(in: text)?.message == "Fatal error: second")
  }

  @Test func textThatOnlyMentionsATrapIsNoTrap() {
    #expect(CrashText.trap(in: "Fatal error: printed by the cell itself\n") == nil)
    #expect(CrashText.trap(in: "see x.swift:3 Fatal error\n") == nil)
    #expect(
      CrashText.withoutTrapPlaces("a Fatal error: b\nno place: Fatal error\n")
        == "a Fatal error: b\nno place: Fatal error\n")
  }

  @Test func placesAreTakenOffTrapLinesOnly() {
    let text = "loss 0.5\nSwift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n"
    #expect(CrashText.withoutTrapPlaces(text) == "loss 0.5\nFatal error: Index out of range\n")
    // Output without a newline before the trap stays in front of it.
    #expect(
      CrashText.withoutTrapPlaces("step 3 LabKit/X.swift:7: Fatal error: m")
        == "step 3 Fatal error: m")
  }

  @Test func runtimeFailureComesFromTheBacktraceHeader() {
    let text =
      "*** Signal 4: Backtracing from 0x1... done ***\n\n"
      + "*** Swift runtime failure: arithmetic overflow ***\n"
    #expect(CrashText.runtimeFailure(in: text) == "arithmetic overflow")
    #expect(CrashText.runtimeFailure(in: "*** Program crashed: Illegal instruction ***\n") == nil)
  }

  @Test func stackDepthIsTheDeepestFrameNumberPlusOne() {
    let text = """
      *** Signal 11: Backtracing from 0x1... done ***
      Thread 0 "lab" crashed:
        0      0x0000562390f36fd7 f(_:) + 23 in lab
        1 [ra] 0x0000562390f36ffb f(_:) + 58 in lab
      ...
      41 [ra] 0x0000562390f36ffb main + 58 in lab

      """
    #expect(CrashText.stackDepth(in: text) == 42)
    // Numbers before the backtrace are the cell's own output.
    #expect(CrashText.stackDepth(in: "99999 0x1 printed\n") == 0)
  }

  @Test func causeNamesTheSignalAndWhatUsuallyRaisesIt() {
    #expect(
      CrashText.cause(of: "SIGTRAP")?.hasPrefix("crashed (SIGTRAP): a Swift runtime trap") == true)
    #expect(CrashText.cause(of: "SIGBUS")?.hasPrefix("crashed (SIGBUS): memory fault") == true)
    #expect(
      CrashText.cause(of: "SIGSEGV", stackDepth: CrashText.overflowingDepth)?.contains(
        "stack overflow — 10000 nested calls") == true)
    #expect(CrashText.cause(of: "SIGTERM") == nil)
  }
}
