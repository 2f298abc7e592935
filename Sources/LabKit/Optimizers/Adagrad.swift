/// Adagrad (Duchi et al. 2011): `s ← s + g²`, `θ ← θ - α·g / (√s + ε)`, so
/// each parameter's steps shrink with its accumulated squared gradients.
public struct Adagrad: Optimizer {
  /// α.
  public var learningRate: Double
  /// ε, keeping the division finite.
  public var epsilon: Double
  /// The running sum s of squared gradients of each parameter.
  public private(set) var squaredSum: [Tensor] = []

  /// Adagrad with step `learningRate`.
  public init(learningRate: Double, epsilon: Double = 1e-7) {
    self.learningRate = learningRate
    self.epsilon = epsilon
  }

  /// One update of every parameter.
  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
    prepareState(&squaredSum, parameters, gradients, "Adagrad")
    for i in parameters.indices {
      let g = gradients[i]
      squaredSum[i] = squaredSum[i] + g * g
      parameters[i] =
        parameters[i] - g * Float(learningRate) / (sqrt(squaredSum[i]) + Float(epsilon))
    }
  }
}
