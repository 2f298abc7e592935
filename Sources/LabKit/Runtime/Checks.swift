/// Records the outcome of a test: `points` earned when `condition` holds,
/// none otherwise. `message` tells the student what was expected.
///
///     check("zero init is symmetric", points: 2, w1 == w2, "hidden units differ")
public func check(
  _ name: String, points: Double = 1, _ condition: Bool, _ message: String = ""
) {
  emitCheck(name, passed: condition, message: condition ? "" : message, points: points)
}

/// Records whether `actual` is close to `expected`:
/// `actual.isFinite && |actual − expected| ≤ atol + rtol·|expected|`
/// (numpy's `isclose`, with NaN and infinity never close).
///
///     checkClose("initial loss ≈ log 10", loss, log(10), atol: 0.05)
public func checkClose(
  _ name: String, _ actual: Double, _ expected: Double, atol: Double = 1e-8,
  rtol: Double = 1e-5, points: Double = 1
) {
  let tolerance = atol + rtol * abs(expected)
  let passed = actual.isFinite && abs(actual - expected) <= tolerance
  let message =
    passed
    ? ""
    : "expected \(expected) ± \(tolerance) (atol \(atol), rtol \(rtol)), got \(actual)"
  emitCheck(name, passed: passed, message: message, points: points)
}

private func emitCheck(_ name: String, passed: Bool, message: String, points: Double) {
  var check = JSONText()
  check.field("name", name)
  check.field("passed", passed)
  check.field("message", message)
  check.field("points", points)
  check.field("score", passed ? points : 0)
  var event = JSONText()
  event.field("e", "check")
  event.field("check", raw: check.object)
  _LabRuntime.emit(event)
}
