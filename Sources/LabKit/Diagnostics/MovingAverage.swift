/// The trailing means of `values` over `window` points: element i is the mean
/// of `values[i ..< i + window]`, so the result has `count − window + 1`
/// elements (none when `window > count`) — the curve `show(scatter:
/// movingAverage:)` draws over a noisy loss. NaN in a window makes its mean NaN.
///
///     let smooth = movingAverage(losses, window: 50)
///     check("loss fell", smooth.last! < 0.5 * smooth.first!)
public func movingAverage<T: BinaryFloatingPoint>(_ values: [T], window: Int) -> [Double] {
  preconditionAlways(
    window >= 1, "movingAverage: window is \(window); give a window of at least 1")
  guard window <= values.count else { return [] }
  var out: [Double] = []
  out.reserveCapacity(values.count - window + 1)
  // Recomputed per window rather than running sums, so one NaN or inf does
  // not poison every later mean.
  for end in window...values.count {
    var sum = 0.0
    for value in values[(end - window)..<end] { sum += Double(value) }
    out.append(sum / Double(window))
  }
  return out
}
