import Foundation

/// A base-10 logarithmic axis over positive values, from the power of ten at
/// or below the minimum to the one at or above the maximum.
public struct LogScale: Sendable, Equatable {
  /// log10 of the axis's ends.
  public var lowerExponent: Int
  public var upperExponent: Int

  /// A scale covering `[minimum, maximum]`, both > 0; a range within one
  /// power of ten still spans one decade. Invalid bounds give [1, 10].
  public init(minimum: Double, maximum: Double) {
    guard minimum > 0, maximum >= minimum, minimum.isFinite, maximum.isFinite else {
      (lowerExponent, upperExponent) = (0, 1)
      return
    }
    // Kept within normal doubles so that every tick is a positive, finite power.
    let low = max(Int(log10(minimum).rounded(.down)), -307)
    var high = min(Int(log10(maximum).rounded(.up)), 308)
    if high <= low { high = low + 1 }
    (lowerExponent, upperExponent) = (low, high)
  }

  /// One tick per decade, thinned to at most 8 labels.
  public var ticks: [Double] {
    let span = upperExponent - lowerExponent
    let stride = max(1, (span + 7) / 8)
    return Swift.stride(from: lowerExponent, through: upperExponent, by: stride).map {
      pow(10, Double($0))
    }
  }

  /// `0.01`, `1`, `1000` for exponents in [-3, 4]; `1e-5`, `1e6` beyond.
  public func label(_ value: Double) -> String {
    guard value > 0, value.isFinite else { return "" }
    let exponent = Int(log10(value).rounded())
    if (-3...4).contains(exponent) {
      return SVGFormat.fixed(value, decimals: max(0, -exponent))
    }
    return "1e\(exponent)"
  }

  /// Where `value` (> 0) falls on the axis, 0 at the lower end, 1 at the upper.
  public func fraction(_ value: Double) -> Double {
    guard value > 0 else { return 0 }
    return (log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
  }
}
