import Foundation
import Testing

@testable import LabBook

/// `checkClose` accepts the floating-point types a cell has at hand
/// (`Float`, `[Float]`, `Tensor`, literals), compiled and run in a lab.
@Suite struct CheckCloseTypeTests {
  @Test func floatArraysScalarsAndTensorsCompileAndScoreElementWise() throws {
    let fixture = try EngineFixture(
      "closeness",
      code: [
        """
        let small: [Float] = [2, 0, 6, 0]
        let wide: [Double] = [2, 0, 6, 0]
        checkClose("float vs literal", small, [2, 0, 6, 0], atol: 1e-6)
        checkClose("float default tolerance", small, [2, 0, 6.0002, 0])
        checkClose("double default tolerance", wide, [2, 0, 6.0002, 0])
        checkClose("float vs double", small, [2.0, 0, 6, 1], points: 4)
        checkClose("float vs float", small, [Float(2), 0, 6, 0])
        let tenth: Float = 0.1
        checkClose("float scalar", tenth, 0.1)
        checkClose("float scalar exact", tenth, 0.1, atol: 0, rtol: 0)
        let t = Tensor([1, 2, 3, 4], shape: [2, 2])
        checkClose("tensor vs array", t, [1, 2, 3, 5])
        checkClose("tensor vs short array", t, [1.0, 2, 3])
        """
      ])
    defer { fixture.remove() }
    let result = try testEngine().run(fixture.document, options: RunOptions())
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let outputs: [CellOutput] = result.cells.flatMap { $0.outputs }
    let checks = outputs.compactMap { output -> CheckResult? in
      if case .check(let check) = output { check } else { nil }
    }
    let score = Dictionary(checks.map { ($0.name, $0.score) }) { $1 }
    // |6 − 6.0002| = 2e-4: within Float's 1e-6 + 1e-4·6.0002, beyond Double's 1e-8 + 1e-5·6.0002.
    #expect(score["float vs literal"] == 1)
    #expect(score["float default tolerance"] == 1)
    #expect(score["double default tolerance"] == 0.75)
    // One of four elements far: 3/4 of 4 points.
    #expect(score["float vs double"] == 3)
    #expect(score["float vs float"] == 1)
    // Float(0.1) − 0.1 ≈ 1.5e-9: close by the defaults, not exactly equal.
    #expect(score["float scalar"] == 1)
    #expect(score["float scalar exact"] == 0)
    #expect(score["tensor vs array"] == 0.75)
    #expect(score["tensor vs short array"] == 0)
    let messages = Dictionary(checks.map { ($0.name, $0.message) }) { $1 }
    #expect(
      messages["float vs double"] == "1 of 4 values differ; first at [3]: expected 1.0, got 0.0")
    #expect(messages["float scalar exact"]?.hasSuffix("got 0.1") == true)
    #expect(messages["tensor vs short array"] == "expected 3 values, got 4")
  }
}
