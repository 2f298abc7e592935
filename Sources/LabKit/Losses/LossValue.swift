/// A loss and its gradient with respect to the scores it was computed from:
/// `value = L`, `gradient = ∂L/∂scores` (same shape as the scores). The
/// value is averaged over the batch, so the gradient carries the 1/N.
public struct LossValue: Sendable {
  /// L, averaged over the batch (accumulated in `Double`).
  public var value: Double
  /// ∂L/∂scores.
  public var gradient: Tensor

  /// A loss `value` with its `gradient`.
  public init(value: Double, gradient: Tensor) {
    self.value = value
    self.gradient = gradient
  }
}
