/// Precomputed histogram data: `counts[i]` values fell in
/// `[edges[i], edges[i + 1])`.
public struct Histogram: Sendable {
  public var title: String
  /// `counts.count + 1` finite, increasing edges.
  public var edges: [Double]
  public var counts: [Double]
  /// The data's mean and standard deviation, shown in the caption if given.
  public var mean: Double?
  public var std: Double?
  /// How many values were NaN or infinite and so not counted.
  public var nonFinite: Int

  public init(
    title: String = "", edges: [Double], counts: [Double], mean: Double? = nil,
    std: Double? = nil, nonFinite: Int = 0
  ) {
    self.title = title
    self.edges = edges
    self.counts = counts
    self.mean = mean
    self.std = std
    self.nonFinite = nonFinite
  }

  /// Why the data cannot be drawn, or `nil` when it can.
  var problem: String? {
    if counts.isEmpty && edges.count <= 1 { return "no data" }
    if edges.count != counts.count + 1 {
      return "invalid: \(counts.count) counts need \(counts.count + 1) edges,"
        + " got \(edges.count)"
    }
    if edges.contains(where: { !$0.isFinite }) { return "invalid: non-finite bin edge" }
    for i in 1..<edges.count where edges[i] <= edges[i - 1] {
      return "invalid: edges must increase (edge \(i) is \(SVGFormat.short(edges[i])))"
    }
    // Bins with nothing in them (e.g. every value was NaN) draw nothing.
    if maxCount == 0 { return "no data" }
    return nil
  }

  /// The largest finite count (0 when there is none).
  var maxCount: Double {
    counts.filter { $0.isFinite && $0 > 0 }.max() ?? 0
  }

  /// Counts that are NaN, infinite or negative, which the bars leave out.
  var badCounts: Int {
    counts.filter { !$0.isFinite || $0 < 0 }.count
  }

  /// "mean 0.0012 · std 0.213" when both are known.
  var statistics: String? {
    var parts: [String] = []
    if let mean { parts.append("mean " + SVGFormat.short(mean)) }
    if let std { parts.append("std " + SVGFormat.short(std)) }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// Notes about left-out values, for the caption.
  func notes(compact: Bool = false) -> [String] {
    [
      SVGFormat.nonFiniteNote(nonFinite, compact: compact),
      SVGFormat.nonFiniteNote(badCounts, what: "invalid count", compact: compact),
    ].compactMap { $0 }
  }

  /// The bars as one path in `frame` (y scale: counts).
  func barsPath(in frame: PlotFrame) -> String {
    var d = ""
    let base = SVGFormat.coord(frame.bottom)
    for (i, count) in counts.enumerated() where count.isFinite && count > 0 {
      let x0 = SVGFormat.coord(frame.px(edges[i]))
      let x1 = SVGFormat.coord(frame.px(edges[i + 1]))
      d += "M\(x0) \(base)V\(SVGFormat.coord(frame.py(count)))H\(x1)V\(base)Z"
    }
    return d
  }
}
