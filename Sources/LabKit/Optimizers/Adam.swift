internal import Glibc

/// Adam (Kingma & Ba 2015), with bias correction: at step t = 1, 2, …
/// `m ← β₁m + (1 - β₁)g`, `v ← β₂v + (1 - β₂)g²`,
/// `m̂ = m / (1 - β₁ᵗ)`, `v̂ = v / (1 - β₂ᵗ)`, `θ ← θ - α·m̂ / (√v̂ + ε)`.
public struct Adam: Optimizer {
  /// α.
  public var learningRate: Double
  /// β₁, the decay of the first moment (0.9).
  public var beta1: Double
  /// β₂, the decay of the second moment (0.999).
  public var beta2: Double
  /// ε, keeping the division finite.
  public var epsilon: Double
  /// The steps taken so far, t.
  public private(set) var stepCount = 0
  /// The first moment m of each parameter.
  public private(set) var firstMoment: [Tensor] = []
  /// The second moment v of each parameter.
  public private(set) var secondMoment: [Tensor] = []

  /// Adam with step `learningRate` (1e-3 is a good start).
  public init(
    learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8
  ) {
    preconditionAlways(
      beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1,
      "Adam: beta1 and beta2 must be in [0, 1), got \(beta1) and \(beta2)")
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// One update of every parameter.
  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
    prepareState(&firstMoment, parameters, gradients, "Adam")
    prepareState(&secondMoment, parameters, gradients, "Adam")
    stepCount += 1
    let t = Double(stepCount)
    let correction1 = Float(1 - Glibc.pow(beta1, t))
    let correction2 = Float(1 - Glibc.pow(beta2, t))
    let (b1, b2) = (Float(beta1), Float(beta2))
    for i in parameters.indices {
      let g = gradients[i]
      firstMoment[i] = firstMoment[i] * b1 + g * (1 - b1)
      secondMoment[i] = secondMoment[i] * b2 + g * g * (1 - b2)
      let mHat = firstMoment[i] / correction1
      let vHat = secondMoment[i] / correction2
      parameters[i] = parameters[i] - mHat * Float(learningRate) / (sqrt(vHat) + Float(epsilon))
    }
  }
}
