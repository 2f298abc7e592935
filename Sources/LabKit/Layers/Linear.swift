/// A fully connected layer `y = x·W + b`, with W of shape `[Din, Dout]` (the
/// lecture's layout, `x.dot(W)`) and b of shape `[Dout]`.
///
/// Backward: `dW = xᵀ·dy`, `db = Σ_rows dy`, `dx = dy·Wᵀ`.
public struct Linear: Layer {
  /// The weight W, `[Din, Dout]`.
  public var weight: Tensor
  /// The bias b, `[Dout]`.
  public var bias: Tensor
  /// ∂L/∂W and ∂L/∂b after `backward`.
  public private(set) var weightGradient: Tensor
  /// ∂L/∂b after `backward`.
  public private(set) var biasGradient: Tensor
  var input: Tensor?

  /// A layer with the given weight `[Din, Dout]` and bias `[Dout]` (zeros
  /// when nil).
  public init(weight: Tensor, bias: Tensor? = nil) {
    preconditionAlways(
      weight.rank == 2, "Linear: weight must be [Din, Dout], got shape \(weight.shape)")
    let b = bias ?? Tensor.zeros([weight.shape[1]])
    preconditionAlways(
      b.shape == [weight.shape[1]],
      "Linear: bias must be [\(weight.shape[1])] for weight \(weight.shape), got \(b.shape)")
    self.weight = weight
    self.bias = b
    self.weightGradient = Tensor.zeros(weight.shape)
    self.biasGradient = Tensor.zeros(b.shape)
  }

  /// A `Din → Dout` layer with Kaiming-normal weights (std √(2/Din), He et
  /// al. 2015, for ReLU networks) and zero biases; pass `initializer` for
  /// another scheme, e.g. `{ Init.xavierNormal($0) }`.
  public init(
    _ inputSize: Int, _ outputSize: Int,
    initializer: ([Int]) -> Tensor = { Init.kaimingNormal($0) }
  ) {
    preconditionAlways(
      inputSize > 0 && outputSize > 0,
      "Linear: sizes must be > 0, got \(inputSize) → \(outputSize)")
    self.init(weight: initializer([inputSize, outputSize]))
  }

  /// y = x·W + b for x of shape `[batch, Din]`.
  public mutating func forward(_ x: Tensor) -> Tensor {
    preconditionAlways(
      x.rank == 2 && x.shape[1] == weight.shape[0],
      "Linear: input must be [batch, \(weight.shape[0])], got \(x.shape)")
    input = x
    return x.matmul(weight) + bias
  }

  /// dx = dy·Wᵀ; stores dW = xᵀ·dy and db = Σ_rows dy.
  public mutating func backward(_ dy: Tensor) -> Tensor {
    guard let x = input else {
      fatalError("Linear.backward: call forward(_:) first; backward uses what it kept")
    }
    weightGradient = x.matmul(dy, transposeA: true)
    biasGradient = dy.sum(axis: 0)
    return dy.matmul(weight, transposeB: true)
  }

  /// [W, b].
  public var parameters: [Tensor] {
    get { [weight, bias] }
    set {
      preconditionAlways(newValue.count == 2, "Linear: needs [weight, bias]")
      weight = newValue[0]
      bias = newValue[1]
    }
  }
  /// [dW, db].
  public var gradients: [Tensor] { [weightGradient, biasGradient] }
  /// ["weight", "bias"]: weight decay applies to W only.
  public var parameterNames: [String] { ["weight", "bias"] }
}
