import Foundation

/// An axis range widened to "nice" tick values: steps of 1, 2 or 5 times a
/// power of ten, the first tick at or below the data's minimum and the last
/// at or above its maximum.
///
/// For data in [0, 0.97] with up to 6 ticks the step is 0.2 and the ticks
/// are 0, 0.2, …, 1.
public struct NiceScale: Sendable, Equatable {
  /// The first and last ticks: the axis's ends.
  public var lower: Double
  public var upper: Double
  /// The distance between ticks, `m × 10^exponent` with m ∈ {1, 2, 5}.
  public var step: Double
  /// The power of ten in `step`; tick labels show `max(0, -exponent)` decimals.
  public var exponent: Int

  /// A scale covering `[minimum, maximum]` with at most `maxTicks` ticks
  /// (at least 2). An empty or single-valued range is widened around the
  /// value (by 1 when it is 0, else by half its magnitude) so that the value
  /// sits inside the axis. Non-finite bounds give the scale [0, 1].
  public init(minimum: Double, maximum: Double, maxTicks: Int = 6) {
    var low = minimum
    var high = maximum
    if !low.isFinite || !high.isFinite {
      (low, high) = (0, 1)
    }
    if low > high { swap(&low, &high) }
    if low == high {
      let pad = low == 0 ? 1 : abs(low) / 2
      (low, high) = (low - pad, high + pad)
    }
    // Spans too small (subnormal) or too large for a Double fall back to safe ones.
    if !(high - low).isFinite {
      (low, high) = (max(low, -1e307), min(high, 1e307))
    }
    if !(high - low).isNormal {
      (low, high) = (low - 1, high + 1)
    }
    let intervals = Double(max(maxTicks, 2) - 1)
    var (step, exponent) = NiceScale.niceStep(atLeast: (high - low) / intervals)
    // A rough step rounded up can still need one tick too many; widen until it fits.
    while ((high / step).rounded(.up) - (low / step).rounded(.down)) > intervals {
      (step, exponent) = NiceScale.niceStep(atLeast: step * 1.000_001)
    }
    self.step = step
    self.exponent = exponent
    self.lower = (low / step).rounded(.down) * step
    self.upper = (high / step).rounded(.up) * step
  }

  /// The smallest `m × 10^k` (m ∈ {1, 2, 5}) that is at least `rough`.
  static func niceStep(atLeast rough: Double) -> (step: Double, exponent: Int) {
    let exponent = Int(log10(rough).rounded(.down))
    let base = pow(10, Double(exponent))
    for m in [1.0, 2, 5] where m * base >= rough * (1 - 1e-12) {
      return (m * base, exponent)
    }
    return (10 * base, exponent + 1)
  }

  /// The tick values from `lower` to `upper`, computed as integer multiples
  /// of `step` so that no rounding error accumulates.
  public var ticks: [Double] {
    let first = Int((lower / step).rounded())
    let last = Int((upper / step).rounded())
    return (first...last).map { Double($0) * step }
  }

  /// A tick's label with as many decimals as the step needs; exponent form
  /// for steps below 1e-3 or values of 1e6 and above.
  public func label(_ value: Double) -> String {
    if exponent < -3 || max(abs(lower), abs(upper)) >= 1e6 {
      if value == 0 { return "0" }
      var text = String(format: "%.1e", value)
      text = text.replacingOccurrences(of: ".0e", with: "e")
      text = text.replacingOccurrences(of: "e+0", with: "e")
      text = text.replacingOccurrences(of: "e-0", with: "e-")
      text = text.replacingOccurrences(of: "e+", with: "e")
      return text
    }
    return SVGFormat.fixed(value, decimals: max(0, -exponent))
  }

  /// Where `value` falls on the axis, 0 at `lower` and 1 at `upper`.
  public func fraction(_ value: Double) -> Double {
    (value - lower) / (upper - lower)
  }
}
