internal import Glibc

/// An elementwise nonlinearity f and its derivative f′, so that backward is
/// `dx = dy * act.derivative(x)` for the pre-activation x.
///
/// The free functions `sigmoid(_:)`, `tanh(_:)`, `relu(_:)`, … apply these
/// to tensors; `value(_:)` and `derivative(_:)` give the scalar maths in
/// `Double`.
public enum Activation: Sendable, Hashable {
  /// σ(x) = 1 / (1 + e⁻ˣ); σ′ = σ(1 - σ).
  case sigmoid
  /// tanh x; tanh′ = 1 - tanh² x.
  case tanh
  /// max(0, x); derivative 1 for x > 0, else 0 (0 at x = 0, as PyTorch).
  case relu
  /// max(slope·x, x) for 0 ≤ slope ≤ 1 (Maas et al. 2013); derivative 1 for
  /// x > 0, else `slope`. The lecture's slide uses slope 0.1.
  case leakyReLU(slope: Double)
  /// x for x > 0, else α(eˣ - 1) (Clevert et al. 2016); derivative 1 for
  /// x > 0, else αeˣ.
  case elu(alpha: Double)
  /// x·Φ(x) with Φ(x) = ½(1 + erf(x/√2)), the exact GELU (Hendrycks & Gimpel
  /// 2016); derivative Φ(x) + x·φ(x), φ the standard normal density.
  case gelu
  /// x·σ(1.702x), the sigmoid approximation of GELU (Hendrycks & Gimpel
  /// 2016); derivative σ(1.702x) + 1.702x·σ(1.702x)(1 - σ(1.702x)).
  case geluApproximate

  /// f(x).
  public func value(_ x: Double) -> Double {
    switch self {
    case .sigmoid: return Activation.logistic(x)
    case .tanh: return Glibc.tanh(x)
    case .relu: return x > 0 ? x : 0
    case .leakyReLU(let slope): return x > 0 ? x : slope * x
    case .elu(let alpha): return x > 0 ? x : alpha * expm1(x)
    case .gelu: return x * Activation.normalCDF(x)
    case .geluApproximate: return x * Activation.logistic(1.702 * x)
    }
  }

  /// f′(x), the derivative at the pre-activation value x.
  public func derivative(_ x: Double) -> Double {
    switch self {
    case .sigmoid:
      let s = Activation.logistic(x)
      return s * (1 - s)
    case .tanh:
      let t = Glibc.tanh(x)
      return 1 - t * t
    case .relu: return x > 0 ? 1 : 0
    case .leakyReLU(let slope): return x > 0 ? 1 : slope
    case .elu(let alpha): return x > 0 ? 1 : alpha * Glibc.exp(x)
    case .gelu:
      let density = Glibc.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
      return Activation.normalCDF(x) + x * density
    case .geluApproximate:
      let s = Activation.logistic(1.702 * x)
      return s + 1.702 * x * s * (1 - s)
    }
  }

  /// f applied to every element of `x`, on all cores when `x` is large.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    x.mapInParallel { [self] in Float(value(Double($0))) }
  }

  /// f′ at every element of `x` (the local gradient for backward), on all
  /// cores when `x` is large.
  public func derivative(_ x: Tensor) -> Tensor {
    x.mapInParallel { [self] in Float(derivative(Double($0))) }
  }

  /// σ(x), evaluated so that neither branch overflows.
  static func logistic(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + Glibc.exp(-x)) }
    let e = Glibc.exp(x)
    return e / (1 + e)
  }

  /// Φ(x) = ½(1 + erf(x/√2)), written with erfc so the far left tail keeps
  /// its precision.
  static func normalCDF(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
  }
}

/// σ(x) = 1 / (1 + e⁻ˣ) for every element (`torch.sigmoid`).
public func sigmoid(_ x: Tensor) -> Tensor { Activation.sigmoid(x) }

/// tanh for every element (`np.tanh`).
public func tanh(_ x: Tensor) -> Tensor { Activation.tanh(x) }

/// max(0, x) for every element (`np.maximum(0, x)`; Nair & Hinton 2010).
public func relu(_ x: Tensor) -> Tensor { Activation.relu(x) }

/// max(slope·x, x) for every element; PyTorch's default slope 0.01 (the
/// lecture's slide uses 0.1: `leakyReLU(x, slope: 0.1)`).
public func leakyReLU(_ x: Tensor, slope: Float = 0.01) -> Tensor {
  Activation.leakyReLU(slope: Double(slope))(x)
}

/// x for x > 0, else α(eˣ - 1), for every element (Clevert et al. 2016).
public func elu(_ x: Tensor, alpha: Float = 1) -> Tensor {
  Activation.elu(alpha: Double(alpha))(x)
}

/// The exact GELU x·Φ(x) for every element (Hendrycks & Gimpel 2016).
public func gelu(_ x: Tensor) -> Tensor { Activation.gelu(x) }

/// GELU's approximation x·σ(1.702x) for every element (Hendrycks & Gimpel
/// 2016, the lecture's slide).
public func geluApproximate(_ x: Tensor) -> Tensor { Activation.geluApproximate(x) }
