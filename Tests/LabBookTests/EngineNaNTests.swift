import Foundation
import Testing

@testable import LabBook

/// A NaN reads `nan` in a cell's output and in check messages, as numpy
/// prints it, whatever its sign bit.
@Suite struct EngineNaNTests {
  @Test func nanPrintsWithoutASignInOutputTensorsAndChecks() throws {
    // `-Float.nan` has its sign bit set: Swift alone would print `-nan`.
    let fixture = try EngineFixture(
      "nan",
      code: [
        """
        let negative = -Float.nan
        print(negative, Double(negative), [negative])
        print(Tensor([negative, 1]))
        checkRange("in range", Double(negative), 0...1)
        checkClose("close", [negative], [1])
        """
      ])
    defer { fixture.remove() }
    let result = try testEngine().run(fixture.document, options: RunOptions())
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let cell = result.cells[0]
    #expect(cell.text(.stdout) == "nan nan [nan]\nTensor([2]: [nan, 1.0])\n")
    let messages = cell.outputs.compactMap { output -> String? in
      if case .check(let check) = output { check.message } else { nil }
    }
    #expect(
      messages == [
        "expected a value in 0.0...1.0, got nan",
        "1 of 1 values differ; first at [0]: expected 1.0, got nan",
      ])
  }

  @Test func onlyTheWordMinusNanLosesItsSign() {
    #expect(RunTranscript.unsignedNaN("loss -nan, [-nan]\n") == "loss nan, [nan]\n")
    #expect(RunTranscript.unsignedNaN("-nan") == "nan")
    #expect(RunTranscript.unsignedNaN("x-nan -nanny -inf 1-nan_") == "x-nan -nanny -inf 1-nan_")
  }
}
