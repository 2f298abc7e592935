/// The mean and standard deviation (ddof 0) of one layer's activations: the
/// numbers the lecture prints above each per-layer histogram.
public struct LayerStatistics: Sendable, Hashable {
  /// Σx / n over every element of the layer's output.
  public var mean: Float
  /// √(Σ(x - mean)² / n).
  public var std: Float

  /// The statistics of `activations`.
  public init(_ activations: Tensor) {
    self.mean = activations.mean()
    self.std = activations.std()
  }

  /// The statistics of each tensor in `layers` (the lecture's `hs`), in order.
  public static func of(_ layers: [Tensor]) -> [LayerStatistics] {
    layers.map(LayerStatistics.init)
  }
}
