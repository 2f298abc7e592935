/// The q-th percentile of `values` by numpy's default "linear" method
/// (`np.percentile(values, q)`; Hyndman & Fan 1996, definition 7): with the
/// n values sorted, h = (n - 1)·q/100 and
/// `percentile = v[⌊h⌋] + (h - ⌊h⌋)·(v[⌊h⌋+1] - v[⌊h⌋])`.
///
/// - Precondition: `values` is non-empty and contains no NaN; 0 ≤ q ≤ 100.
public func percentile(_ values: some Sequence<Float>, _ q: Double) -> Double {
  percentiles(values, [q])[0]
}

/// Several percentiles of `values` with one sort; see `percentile(_:_:)`.
public func percentiles(_ values: some Sequence<Float>, _ qs: [Double]) -> [Double] {
  let sorted = values.map { Double($0) }.sorted()
  preconditionAlways(!sorted.isEmpty, "percentile: no values given")
  preconditionAlways(
    !sorted.contains { $0.isNaN }, "percentile: the values contain NaN; filter them out")
  return qs.map { q in
    preconditionAlways(q >= 0 && q <= 100, "percentile: q must be in [0, 100], got \(q)")
    let h = Double(sorted.count - 1) * (q / 100)
    let i = Int(h.rounded(.down))
    let t = h - Double(i)
    guard i + 1 < sorted.count else { return sorted[i] }
    let (a, b) = (sorted[i], sorted[i + 1])
    // numpy's lerp: from the nearer end, so t = 1 returns b exactly.
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
  }
}
