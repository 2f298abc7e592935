/// A layer of a network in the style of a course's hand-written backprop:
/// `forward` computes the output and keeps what `backward` needs (its input,
/// a mask, batch statistics); `backward` takes ∂L/∂y, stores ∂L/∂θ for each
/// parameter θ in `gradients`, and returns ∂L/∂x.
///
/// Layers are values: copying a model copies its weights, which is how the
/// training loop keeps its best snapshot.
public protocol Layer {
  /// y = f(x; θ), keeping what `backward` needs.
  mutating func forward(_ x: Tensor) -> Tensor
  /// ∂L/∂x from ∂L/∂y for the last `forward`; sets `gradients`.
  mutating func backward(_ dy: Tensor) -> Tensor
  /// The trainable tensors θ, in a fixed order (empty for none).
  var parameters: [Tensor] { get set }
  /// ∂L/∂θ from the last `backward`, in the order of `parameters`.
  var gradients: [Tensor] { get }
  /// One name per parameter: `"weight"` marks what weight decay applies to.
  var parameterNames: [String] { get }
  /// Training mode (dropout drops, batch norm uses batch statistics) or
  /// evaluation mode (deterministic).
  var isTraining: Bool { get set }
}

extension Layer {
  /// No parameters, by default.
  public var parameters: [Tensor] {
    get { [] }
    set {
      preconditionAlways(
        newValue.isEmpty, "\(Self.self) has no parameters; got \(newValue.count)")
    }
  }
  /// No gradients, by default.
  public var gradients: [Tensor] { [] }
  /// No names, by default.
  public var parameterNames: [String] { [] }
  /// Always in the same mode, by default.
  public var isTraining: Bool {
    get { false }
    set {}
  }

  /// `forward(x)`, so that a layer reads like a function: `layer(x)`.
  public mutating func callAsFunction(_ x: Tensor) -> Tensor { forward(x) }
}
