/// RMSProp (Tieleman & Hinton 2012): `s ← β·s + (1 - β)·g²`,
/// `θ ← θ - α·g / (√s + ε)`: Adagrad with a leaky sum.
public struct RMSProp: Optimizer {
  /// α.
  public var learningRate: Double
  /// β, the decay of the squared-gradient average (0.99 is common).
  public var decay: Double
  /// ε, keeping the division finite.
  public var epsilon: Double
  /// The running average s of squared gradients of each parameter.
  public private(set) var squaredAverage: [Tensor] = []

  /// RMSProp with step `learningRate` and decay β.
  public init(learningRate: Double, decay: Double = 0.99, epsilon: Double = 1e-8) {
    preconditionAlways(decay >= 0 && decay < 1, "RMSProp: decay must be in [0, 1), got \(decay)")
    self.learningRate = learningRate
    self.decay = decay
    self.epsilon = epsilon
  }

  /// One update of every parameter.
  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
    prepareState(&squaredAverage, parameters, gradients, "RMSProp")
    let beta = Float(decay)
    for i in parameters.indices {
      let g = gradients[i]
      squaredAverage[i] = squaredAverage[i] * beta + g * g * (1 - beta)
      let denominator = sqrt(squaredAverage[i]) + Float(epsilon)
      parameters[i] = parameters[i] - g * Float(learningRate) / denominator
    }
  }
}
