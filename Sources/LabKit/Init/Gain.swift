/// The factor an initialiser scales its standard deviation by so that a layer
/// followed by a given nonlinearity keeps the variance of its input (PyTorch's
/// `calculate_gain`). Use as `Init.kaimingNormal(shape, gain: .relu)`.
public struct Gain: Sendable, Hashable, ExpressibleByFloatLiteral {
  /// The factor itself.
  public var value: Float

  /// A gain of `value`.
  public init(_ value: Float) { self.value = value }

  /// A gain written as a literal: `gain: 1.5`.
  public init(floatLiteral value: Float) { self.value = value }

  /// 1: no nonlinearity (also convolutions without one).
  public static let linear = Gain(1)
  /// 1, as PyTorch uses for the sigmoid.
  public static let sigmoid = Gain(1)
  /// 5/3 for tanh (PyTorch's empirical choice).
  public static let tanh = Gain(5.0 / 3.0)
  /// √2 for ReLU, which zeroes half its input's variance (He et al. 2015).
  public static let relu = Gain(Float(2).squareRoot())
  /// 3/4 for SELU, PyTorch's choice, made for self-normalising networks
  /// initialised with `Init.kaimingNormal(…, gain: .selu, mode: .fanIn)`
  /// (Klambauer et al. 2017 themselves use gain 1; pass `.linear` for that).
  public static let selu = Gain(0.75)

  /// √(2 / (1 + slope²)) for leaky ReLU with negative slope `slope`
  /// (He et al. 2015, eq. 15 with a = slope).
  public static func leakyReLU(slope: Float = 0.01) -> Gain {
    Gain((2 / (1 + slope * slope)).squareRoot())
  }
}
