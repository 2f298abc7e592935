// Checks for test cells. Each records one `check` event: its name, whether
// it passed, the points it is worth and the score earned (partial credit
// where the check gives it), and the call site, which the grader compares
// with the test cell's lines (docs/grading.md).

/// Records the outcome of a test: `points` earned when `condition` holds,
/// none otherwise. `message` tells the student what was expected.
///
///     check("zero init is symmetric", points: 2, w1 == w2, "hidden units differ")
public func check(
  _ name: String, points: Double = 1, _ condition: Bool, _ message: String = "",
  file: StaticString = #fileID, line: UInt = #line
) {
  emitCheck(
    name, credit: condition ? 1 : 0, message: condition ? "" : message, points: points,
    file: file, line: line)
}

/// Records partial credit: `fraction` (clamped to 0…1; NaN counts as 0) of
/// `points`. The check passes only at full credit.
///
///     credit("layers in band", points: 3, Double(good) / 6, "\(6 - good) layers out")
public func credit(
  _ name: String, points: Double = 1, _ fraction: Double, _ message: String = "",
  file: StaticString = #fileID, line: UInt = #line
) {
  emitCheck(name, credit: fraction, message: message, points: points, file: file, line: line)
}

/// Records whether `actual == expected`.
///
///     checkEqual("fan in of a 3×3 conv", fanIn, 576)
public func checkEqual<T: Equatable>(
  _ name: String, _ actual: T, _ expected: T, points: Double = 1,
  file: StaticString = #fileID, line: UInt = #line
) {
  let passed = actual == expected
  emitCheck(
    name, credit: passed ? 1 : 0, message: passed ? "" : "expected \(expected), got \(actual)",
    points: points, file: file, line: line)
}

/// Whether `actual` is close to `expected`:
/// `actual.isFinite && |actual − expected| ≤ atol + rtol·|expected|`
/// (numpy's `isclose`, with NaN and infinity never close).
public func isClose(_ actual: Double, _ expected: Double, atol: Double, rtol: Double) -> Bool {
  actual.isFinite && abs(actual - expected) <= atol + rtol * abs(expected)
}

/// Records whether `actual` is close to `expected` (see `isClose`).
///
///     checkClose("initial loss ≈ log 10", loss, log(10), atol: 0.05)
public func checkClose(
  _ name: String, _ actual: Double, _ expected: Double, atol: Double = 1e-8,
  rtol: Double = 1e-5, points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  checkCloseScalar(
    name, actual, expected, atol: atol, rtol: rtol, points: points, file: file, line: line)
}

/// The scalar forms' comparison; the message writes each side in its own type.
private func checkCloseScalar<A: BinaryFloatingPoint, E: BinaryFloatingPoint>(
  _ name: String, _ actual: A, _ expected: E, atol: Double, rtol: Double, points: Double,
  file: StaticString, line: UInt
) {
  let tolerance = atol + rtol * abs(Double(expected))
  let passed = isClose(Double(actual), Double(expected), atol: atol, rtol: rtol)
  let message =
    passed
    ? ""
    : "expected \(expected) ± \(formatNumber(tolerance)) (atol \(atol), rtol \(rtol)), "
      + "got \(printedNumber(actual))"
  emitCheck(
    name, credit: passed ? 1 : 0, message: message, points: points, file: file, line: line)
}

/// Records element-wise closeness of two arrays, with partial credit: the
/// fraction of elements `i` with `isClose(actual[i], expected[i])`. Arrays
/// of different lengths earn nothing.
///
///     checkClose("softmax", probabilities, [0.09, 0.245, 0.665], atol: 1e-3)
public func checkClose(
  _ name: String, _ actual: [Double], _ expected: [Double], atol: Double = 1e-8,
  rtol: Double = 1e-5, points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  checkCloseElements(
    name, actual, expected, atol: atol, rtol: rtol, points: points, file: file, line: line)
}

/// Records element-wise closeness of arrays of any floating-point types
/// (`[Float]` against `[Float]`, `[Double]` or a literal, and so on), as the
/// `[Double]` form does; each element is compared as a `Double` (exact for
/// `Float`). When either side is narrower than `Double`, the default
/// tolerances are the tensor form's, `atol` 1e-6 and `rtol` 1e-4 (a
/// `Float` holds about 7 digits); otherwise `atol` 1e-8 and `rtol` 1e-5.
///
///     let small: [Float] = applyDropout([1, 2, 3, 4], keep: 0.5)
///     checkClose("worked example", small, [2, 0, 6, 0], atol: 1e-6)
public func checkClose<A: BinaryFloatingPoint, E: BinaryFloatingPoint>(
  _ name: String, _ actual: [A], _ expected: [E], atol: Double? = nil, rtol: Double? = nil,
  points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  let narrow = A.significandBitCount < 52 || E.significandBitCount < 52
  checkCloseElements(
    name, actual, expected, atol: atol ?? (narrow ? 1e-6 : 1e-8),
    rtol: rtol ?? (narrow ? 1e-4 : 1e-5), points: points, file: file, line: line)
}

/// Records whether two floating-point numbers of any types are close, as
/// the `Double` form does, with the array form's defaults for narrow types.
///
///     checkClose("mean preserved", meanAfter, meanBefore, atol: 0.02)  // Floats
public func checkClose<A: BinaryFloatingPoint, E: BinaryFloatingPoint>(
  _ name: String, _ actual: A, _ expected: E, atol: Double? = nil, rtol: Double? = nil,
  points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  let narrow = A.significandBitCount < 52 || E.significandBitCount < 52
  checkCloseScalar(
    name, actual, expected, atol: atol ?? (narrow ? 1e-6 : 1e-8),
    rtol: rtol ?? (narrow ? 1e-4 : 1e-5), points: points, file: file, line: line)
}

/// Records element-wise closeness of a tensor's scalars, in row-major
/// order, to an array (see the array form); a tensor whose element count
/// differs from the array's earns nothing. Defaults as the tensor form's.
///
///     checkClose("relu", Tensor.relu(x), [0, 0, 1.5])
public func checkClose<E: BinaryFloatingPoint>(
  _ name: String, _ actual: Tensor, _ expected: [E], atol: Double = 1e-6, rtol: Double = 1e-4,
  points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  checkCloseElements(
    name, actual.scalars, expected, atol: atol, rtol: rtol, points: points, file: file,
    line: line)
}

/// The array forms' comparison: partial credit by the fraction of close
/// elements; the message names the first element that is not, with each
/// side written in its own type.
private func checkCloseElements<A: BinaryFloatingPoint, E: BinaryFloatingPoint>(
  _ name: String, _ actual: [A], _ expected: [E], atol: Double, rtol: Double, points: Double,
  file: StaticString, line: UInt
) {
  guard actual.count == expected.count else {
    emitCheck(
      name, credit: 0,
      message: "expected \(expected.count) values, got \(actual.count)", points: points,
      file: file, line: line)
    return
  }
  let far = zip(actual, expected).enumerated().filter {
    !isClose(Double($0.element.0), Double($0.element.1), atol: atol, rtol: rtol)
  }
  let fraction = expected.isEmpty ? 1 : 1 - Double(far.count) / Double(expected.count)
  var message = ""
  if let first = far.first {
    message =
      "\(far.count) of \(expected.count) values differ; first at [\(first.offset)]: "
      + "expected \(printedNumber(first.element.1)), got \(printedNumber(first.element.0))"
  }
  emitCheck(name, credit: fraction, message: message, points: points, file: file, line: line)
}

/// Records element-wise closeness of two tensors (see the array form); a
/// different shape earns nothing.
public func checkClose(
  _ name: String, _ actual: Tensor, _ expected: Tensor, atol: Double = 1e-6,
  rtol: Double = 1e-4, points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  guard actual.shape == expected.shape else {
    emitCheck(
      name, credit: 0, message: "expected shape \(expected.shape), got \(actual.shape)",
      points: points, file: file, line: line)
    return
  }
  checkCloseElements(
    name, actual.scalars, expected.scalars, atol: atol, rtol: rtol, points: points,
    file: file, line: line)
}

/// Records whether `value` lies in `range` (NaN never does).
///
///     checkRange("last layer std (Kaiming)", lastStd, 0.3...1.5)
public func checkRange(
  _ name: String, _ value: Double, _ range: ClosedRange<Double>, points: Double = 1,
  file: StaticString = #fileID, line: UInt = #line
) {
  let passed = range.contains(value)
  emitCheck(
    name, credit: passed ? 1 : 0,
    message: passed ? "" : "expected a value in \(range), got \(printedNumber(value))",
    points: points,
    file: file, line: line)
}

/// Records whether `tensor` has shape `shape`.
public func checkShape(
  _ name: String, _ tensor: Tensor, _ shape: [Int], points: Double = 1,
  file: StaticString = #fileID, line: UInt = #line
) {
  let passed = tensor.shape == shape
  emitCheck(
    name, credit: passed ? 1 : 0,
    message: passed ? "" : "expected shape \(shape), got \(tensor.shape)", points: points,
    file: file, line: line)
}

/// A statistical band check with partial credit: the fraction of `values`
/// inside `band`, e.g. per-layer activation stds that must stay in
/// 0.3…1.5. An empty list earns nothing.
///
///     checkBand("std per layer (Kaiming)", stds, 0.3...1.5, points: 2)
public func checkBand(
  _ name: String, _ values: [Double], _ band: ClosedRange<Double>, points: Double = 1,
  file: StaticString = #fileID, line: UInt = #line
) {
  let outside = values.enumerated().filter { !band.contains($0.element) }
  let fraction = values.isEmpty ? 0 : 1 - Double(outside.count) / Double(values.count)
  var message = values.isEmpty ? "no values to check" : ""
  if let first = outside.first {
    message =
      "\(outside.count) of \(values.count) values outside \(band); first at "
      + "[\(first.offset)]: \(printedNumber(first.element))"
  }
  emitCheck(name, credit: fraction, message: message, points: points, file: file, line: line)
}

/// Records whether a sample's mean and standard deviation lie in their
/// bands: half of `points` for each.
///
///     checkStatistics("Kaiming weights", w, mean: -0.01...0.01, std: 0.02...0.024)
public func checkStatistics(
  _ name: String, _ sample: Tensor, mean: ClosedRange<Double>, std: ClosedRange<Double>,
  points: Double = 1, file: StaticString = #fileID, line: UInt = #line
) {
  let m = Double(sample.mean())
  let s = Double(sample.std())
  var problems: [String] = []
  if !mean.contains(m) { problems.append("mean \(printedNumber(m)) not in \(mean)") }
  if !std.contains(s) { problems.append("std \(printedNumber(s)) not in \(std)") }
  emitCheck(
    name, credit: 1 - Double(problems.count) / 2, message: problems.joined(separator: "; "),
    points: points, file: file, line: line)
}

private func emitCheck(
  _ name: String, credit: Double, message: String, points: Double, file: StaticString,
  line: UInt
) {
  let fraction = credit.isNaN ? 0 : min(max(credit, 0), 1)
  let points = points.isFinite && points >= 0 ? points : 0
  var check = JSONText()
  check.field("name", name)
  check.field("passed", fraction == 1)
  check.field("message", message)
  check.field("points", points)
  check.field("score", fraction * points)
  check.field("file", "\(file)")
  check.field("line", Int(line))
  var event = JSONText()
  event.field("e", "check")
  event.field("check", raw: check.object)
  _LabRuntime.emit(event)
}
