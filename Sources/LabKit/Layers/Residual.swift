/// A residual block `y = x + F(x)` (He et al. 2016) with optional stochastic
/// depth (Huang et al. 2016): while training, the branch F is kept with
/// probability q = `survivalProbability` and skipped (y = x) otherwise; at
/// test time `y = x + q·F(x)`, the expected output.
///
/// Backward: `dx = dy + ∂F/∂x ᵀ·dy` when the branch ran, else `dx = dy`.
public struct Residual: Layer {
  /// The branch F; its output must have the input's shape.
  public var body: Sequential
  /// q, the probability of keeping the branch while training.
  public var survivalProbability: Float
  /// The generator the keep/skip draws come from.
  public var generator: CounterRandom
  var isTrainingMode = true
  var branchScale: Float = 1
  var branchRan = true

  /// A residual block around `body`; q = 1 is a plain residual block.
  public init(
    _ body: Sequential, survivalProbability: Float = 1, generator: CounterRandom? = nil
  ) {
    Dropout.validate(survivalProbability, label: "survivalProbability")
    self.body = body
    self.survivalProbability = survivalProbability
    self.generator = generator ?? Random.makeGenerator()
  }

  /// x + F(x), x alone (branch dropped), or x + q·F(x) at test time.
  public mutating func forward(_ x: Tensor) -> Tensor {
    if isTrainingMode {
      let u = Double(generator.next() >> 11) * 0x1p-53
      branchRan = u < Double(survivalProbability)
      branchScale = 1
    } else {
      branchRan = true
      branchScale = survivalProbability
    }
    guard branchRan else { return x }
    let fx = body.forward(x)
    preconditionAlways(
      fx.shape == x.shape, "Residual: branch maps \(x.shape) to \(fx.shape); shapes must match")
    return x + fx * branchScale
  }

  /// dy through the identity plus dy through the branch when it ran.
  public mutating func backward(_ dy: Tensor) -> Tensor {
    guard branchRan else { return dy }
    return dy + body.backward(dy * branchScale)
  }

  /// The branch's parameters.
  public var parameters: [Tensor] {
    get { body.parameters }
    set { body.parameters = newValue }
  }
  /// The branch's gradients (zeros when the branch was skipped).
  public var gradients: [Tensor] {
    branchRan ? body.gradients : body.parameters.map { Tensor.zeros($0.shape) }
  }
  /// The branch's parameter names.
  public var parameterNames: [String] { body.parameterNames }
  /// Training (random skips) or evaluation (scaled branch).
  public var isTraining: Bool {
    get { isTrainingMode }
    set {
      isTrainingMode = newValue
      body.isTraining = newValue
    }
  }
}
