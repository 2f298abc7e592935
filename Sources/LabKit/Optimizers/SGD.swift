/// Stochastic gradient descent, optionally with momentum (Polyak 1964) and
/// Nesterov's look-ahead (Sutskever et al. 2013), in PyTorch's form:
///
/// - plain (ρ = 0): `θ ← θ - α·g`;
/// - momentum: `v ← ρ·v + g`, `θ ← θ - α·v`;
/// - Nesterov: `v ← ρ·v + g`, `θ ← θ - α·(g + ρ·v)`.
public struct SGD: Optimizer {
  /// α.
  public var learningRate: Double
  /// ρ, the momentum coefficient (0 for plain SGD; 0.9 is common).
  public var momentum: Double
  /// Whether the step looks ahead along the velocity.
  public var nesterov: Bool
  /// The velocity v of each parameter.
  public private(set) var velocity: [Tensor] = []

  /// SGD with step `learningRate`, momentum ρ and optional Nesterov.
  public init(learningRate: Double, momentum: Double = 0, nesterov: Bool = false) {
    preconditionAlways(
      momentum >= 0 && momentum < 1, "SGD: momentum must be in [0, 1), got \(momentum)")
    self.learningRate = learningRate
    self.momentum = momentum
    self.nesterov = nesterov
  }

  /// One update of every parameter.
  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
    let lr = Float(learningRate)
    let rho = Float(momentum)
    prepareState(&velocity, parameters, gradients, "SGD")
    if momentum == 0 {
      for i in parameters.indices { parameters[i] = parameters[i] - gradients[i] * lr }
      return
    }
    for i in parameters.indices {
      velocity[i] = velocity[i] * rho + gradients[i]
      let direction = nesterov ? gradients[i] + velocity[i] * rho : velocity[i]
      parameters[i] = parameters[i] - direction * lr
    }
  }
}
