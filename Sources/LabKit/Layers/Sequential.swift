/// Layers applied in order: `y = fₙ(…f₂(f₁(x)))`; backward runs them in
/// reverse, each turning ∂L/∂(its output) into ∂L/∂(its input).
public struct Sequential: Layer {
  /// The layers, first applied first.
  public var layers: [any Layer]

  /// A container of `layers`.
  public init(_ layers: [any Layer]) { self.layers = layers }

  /// A container of the listed layers: `Sequential(Linear(64, 32), …)`.
  public init(_ layers: any Layer...) { self.layers = layers }

  /// Each layer's forward in order.
  public mutating func forward(_ x: Tensor) -> Tensor {
    var h = x
    for i in layers.indices { h = layers[i].forward(h) }
    return h
  }

  /// Each layer's backward in reverse order.
  public mutating func backward(_ dy: Tensor) -> Tensor {
    var g = dy
    for i in layers.indices.reversed() { g = layers[i].backward(g) }
    return g
  }

  /// Every layer's parameters, concatenated in layer order.
  public var parameters: [Tensor] {
    get { layers.flatMap { $0.parameters } }
    set {
      let total = layers.reduce(0) { $0 + $1.parameters.count }
      preconditionAlways(
        newValue.count == total,
        "Sequential: has \(total) parameters, got \(newValue.count)")
      var start = 0
      for i in layers.indices {
        let n = layers[i].parameters.count
        layers[i].parameters = Array(newValue[start..<(start + n)])
        start += n
      }
    }
  }
  /// Every layer's gradients, in the order of `parameters`.
  public var gradients: [Tensor] { layers.flatMap { $0.gradients } }
  /// Every layer's parameter names, in the order of `parameters`.
  public var parameterNames: [String] { layers.flatMap { $0.parameterNames } }
  /// True when any layer trains; setting it sets every layer.
  public var isTraining: Bool {
    get { layers.contains { $0.isTraining } }
    set { for i in layers.indices { layers[i].isTraining = newValue } }
  }
}
