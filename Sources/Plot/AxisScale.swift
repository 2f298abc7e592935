/// A scale an axis can use: linear (`NiceScale`) or logarithmic (`LogScale`).
public protocol AxisScale: Sendable {
  /// The values where ticks and grid lines go.
  var ticks: [Double] { get }
  /// The text under or beside a tick.
  func label(_ value: Double) -> String
  /// Where a value falls: 0 at the axis's start, 1 at its end.
  func fraction(_ value: Double) -> Double
}

extension NiceScale: AxisScale {}
extension LogScale: AxisScale {}
