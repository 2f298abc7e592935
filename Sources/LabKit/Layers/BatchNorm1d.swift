/// Batch normalisation over the batch dimension of `[batch, features]`
/// inputs (Ioffe & Szegedy 2015):
/// `x̂ = (x - μ_B) / √(σ²_B + ε)`, `y = γ ⊙ x̂ + β`.
///
/// In training, μ_B and σ²_B (ddof 0) are the batch's; the running estimates
/// move as `r ← (1 - momentum)·r + momentum·stat`, the running variance using
/// the unbiased batch variance (as PyTorch). At test time the running
/// estimates replace the batch statistics, so each output depends on its own
/// input only.
///
/// Backward (training): with `g = dy ⊙ γ`,
/// `dx = (1/N)·(1/√(σ² + ε))·(N·g - Σg - x̂·Σ(g ⊙ x̂))`, `dγ = Σ dy ⊙ x̂`,
/// `dβ = Σ dy` (sums over the batch).
public struct BatchNorm1d: Layer {
  // Limitation: [batch, features] inputs only; no BatchNorm2d over image channels yet.
  /// The scale γ, `[features]`, starting at 1.
  public var gamma: Tensor
  /// The shift β, `[features]`, starting at 0.
  public var beta: Tensor
  /// The running mean used at test time.
  public var runningMean: Tensor
  /// The running variance used at test time.
  public var runningVariance: Tensor
  /// How far each batch moves the running estimates.
  public var momentum: Float
  /// ε, added to the variance before the square root.
  public var epsilon: Float
  /// Batch statistics (training) or running statistics (evaluation).
  public var isTraining = true
  /// ∂L/∂γ and ∂L/∂β after `backward`.
  public private(set) var gradients: [Tensor]
  var normalized: Tensor?
  var inverseStd: Tensor?

  /// A layer normalising `features` features.
  public init(_ features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
    preconditionAlways(features > 0, "BatchNorm1d: features must be > 0, got \(features)")
    gamma = Tensor.ones([features])
    beta = Tensor.zeros([features])
    runningMean = Tensor.zeros([features])
    runningVariance = Tensor.ones([features])
    self.momentum = momentum
    self.epsilon = epsilon
    gradients = [Tensor.zeros([features]), Tensor.zeros([features])]
  }

  /// y = γ ⊙ x̂ + β with batch (training) or running (test) statistics.
  public mutating func forward(_ x: Tensor) -> Tensor {
    preconditionAlways(
      x.rank == 2 && x.shape[1] == gamma.count,
      "BatchNorm1d: input must be [batch, \(gamma.count)], got \(x.shape)")
    let mean: Tensor
    let variance: Tensor
    if isTraining {
      let n = x.shape[0]
      preconditionAlways(n > 1, "BatchNorm1d: training needs a batch of ≥ 2 rows, got \(n)")
      mean = x.mean(axis: 0)
      variance = x.variance(axis: 0)
      let unbiased = variance * (Float(n) / Float(n - 1))
      runningMean = runningMean * (1 - momentum) + mean * momentum
      runningVariance = runningVariance * (1 - momentum) + unbiased * momentum
    } else {
      mean = runningMean
      variance = runningVariance
    }
    let inv = 1 / sqrt(variance + epsilon)
    let xHat = (x - mean) * inv
    normalized = xHat
    inverseStd = inv
    return xHat * gamma + beta
  }

  /// dx from dy, through the batch statistics when training.
  public mutating func backward(_ dy: Tensor) -> Tensor {
    guard let xHat = normalized, let inv = inverseStd else {
      fatalError("BatchNorm1d.backward: call forward(_:) first; backward uses what it kept")
    }
    gradients = [(dy * xHat).sum(axis: 0), dy.sum(axis: 0)]
    let g = dy * gamma
    guard isTraining else { return g * inv }
    let n = Float(dy.shape[0])
    let centred = g * n - g.sum(axis: 0) - xHat * (g * xHat).sum(axis: 0)
    return centred * (inv / n)
  }

  /// [γ, β].
  public var parameters: [Tensor] {
    get { [gamma, beta] }
    set {
      preconditionAlways(newValue.count == 2, "BatchNorm1d: needs [gamma, beta]")
      gamma = newValue[0]
      beta = newValue[1]
    }
  }
  /// ["gamma", "beta"]: neither takes weight decay.
  public var parameterNames: [String] { ["gamma", "beta"] }
}
