/// Counts of values in equal-width bins, with numpy's conventions
/// (`np.histogram(values, bins, range)`):
///
/// - without `range`, the bins span [min, max] of the finite values; constant
///   data v spans [v - 0.5, v + 0.5]; no finite values spans [0, 1];
/// - bin i is [edges[i], edges[i+1]), the last one closed: [edges[n-1], edges[n]];
/// - with `range`, values outside it are not counted;
/// - NaN and ±∞ are left out of the bins and counted in `nonFinite`.
///
/// Edges and bin positions are computed in `Double`, as numpy does for
/// float64 input.
public struct Histogram: Sendable, Hashable {
  /// The `bins + 1` bin edges, increasing: `lo + i·(hi - lo)/bins`, the last
  /// exactly `hi`.
  public var edges: [Double]
  /// How many values fell in each bin.
  public var counts: [Int]
  /// How many values were NaN or infinite (in no bin).
  public var nonFinite: Int

  /// Bins `values` into `bins` equal-width bins over `range` (or the data's
  /// range).
  ///
  /// - Precondition: `bins ≥ 1`; `range`, if given, is finite.
  public init(_ values: some Sequence<Float>, bins: Int = 10, range: ClosedRange<Double>? = nil) {
    preconditionAlways(bins >= 1, "Histogram: bins must be ≥ 1, got \(bins)")
    var finite = [Double]()
    var nonFinite = 0
    for v in values {
      if v.isFinite { finite.append(Double(v)) } else { nonFinite += 1 }
    }

    var (lo, hi) = (0.0, 1.0)
    if let range {
      preconditionAlways(
        range.lowerBound.isFinite && range.upperBound.isFinite,
        "Histogram: range \(range) must be finite")
      (lo, hi) = (range.lowerBound, range.upperBound)
    } else if let first = finite.first {
      (lo, hi) = finite.dropFirst().reduce((first, first)) {
        (Swift.min($0.0, $1), Swift.max($0.1, $1))
      }
    }
    if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }

    // Limitation: numpy bins float32 data in float32; at an edge's ulp the bins can differ.
    let step = (hi - lo) / Double(bins)
    var edges = (0...bins).map { Double($0) * step + lo }
    edges[bins] = hi

    var counts = [Int](repeating: 0, count: bins)
    let width = hi - lo
    for v in finite where v >= lo && v <= hi {
      var i = Int((v - lo) / width * Double(bins))
      if i == bins { i -= 1 }
      // Rounding in the line above can miss by one; the edges decide.
      if v < edges[i] {
        i -= 1
      } else if i != bins - 1 && v >= edges[i + 1] {
        i += 1
      }
      counts[i] += 1
    }
    self.edges = edges
    self.counts = counts
    self.nonFinite = nonFinite
  }

  /// The number of values binned: `counts` summed.
  public var total: Int { counts.reduce(0, +) }

  /// The midpoint of each bin, `(edges[i] + edges[i+1]) / 2`, for plotting.
  public var centers: [Double] {
    (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 }
  }
}
