/// An update rule θ ← θ - (a step computed from ∂L/∂θ and the optimiser's
/// state). `learningRate` is a plain variable, so a schedule can set it
/// before every step:
///
///     optimizer.learningRate = schedule.rate(atStep: t)
///     optimizer.step(&model)
public protocol Optimizer {
  /// α, the step size of the next `step`.
  var learningRate: Double { get set }
  /// Updates `parameters` in place from `gradients` (same order and shapes,
  /// the same list on every call: state is kept per position).
  mutating func step(_ parameters: inout [Tensor], gradients: [Tensor])
}

extension Optimizer {
  /// Updates `model`'s parameters from the gradients of its last backward.
  public mutating func step<L: Layer>(_ model: inout L) {
    step(&model, gradients: model.gradients)
  }

  /// Updates `model`'s parameters from `gradients` (e.g. with a
  /// regulariser's gradient added).
  public mutating func step<L: Layer>(_ model: inout L, gradients: [Tensor]) {
    var parameters = model.parameters
    step(&parameters, gradients: gradients)
    model.parameters = parameters
  }
}

/// Checks the shapes of a step and sizes `state` on first use.
func prepareState(
  _ state: inout [Tensor], _ parameters: [Tensor], _ gradients: [Tensor], _ name: String
) {
  preconditionAlways(
    parameters.count == gradients.count,
    "\(name).step: \(parameters.count) parameters but \(gradients.count) gradients")
  for (p, g) in zip(parameters, gradients) {
    preconditionAlways(
      p.shape == g.shape, "\(name).step: parameter \(p.shape) has gradient \(g.shape)")
  }
  if state.isEmpty { state = parameters.map { Tensor.zeros($0.shape) } }
  preconditionAlways(
    state.count == parameters.count,
    "\(name).step: was used with \(state.count) parameters, now \(parameters.count); "
      + "use one optimiser per model")
}
