/// A mini-batch: inputs `[batch, …]` and one class label per row.
public struct Batch: Sendable {
  /// The inputs, one example per row.
  public var inputs: Tensor
  /// The class of each row.
  public var labels: [Int]

  /// A batch of `inputs` with `labels`.
  public init(inputs: Tensor, labels: [Int]) {
    self.inputs = inputs
    self.labels = labels
  }
}
