/// An elementwise nonlinearity as a layer: `y = f(x)`, backward
/// `dx = dy ⊙ f′(x)` with the input x kept from forward.
public struct ActivationLayer: Layer {
  /// The nonlinearity f.
  public var activation: Activation
  var input: Tensor?

  /// A layer applying `activation`, e.g. `ActivationLayer(.relu)`.
  public init(_ activation: Activation) { self.activation = activation }

  /// y = f(x).
  public mutating func forward(_ x: Tensor) -> Tensor {
    input = x
    return activation(x)
  }

  /// dx = dy ⊙ f′(x).
  public mutating func backward(_ dy: Tensor) -> Tensor {
    guard let x = input else {
      fatalError("ActivationLayer.backward: call forward(_:) first; backward uses what it kept")
    }
    return dy * activation.derivative(x)
  }
}
