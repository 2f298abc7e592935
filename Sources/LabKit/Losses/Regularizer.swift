/// A penalty R(W) on the weights added to the data loss, `L = L_data + R(W)`
/// (the lecture's λR(W)), and its gradient, added to ∂L/∂W.
public enum Regularizer: Sendable, Hashable {
  /// L2, weight decay: `R = λ Σ w²`, `∂R/∂w = 2λw`.
  case l2(Float)
  /// L1: `R = λ Σ |w|`, `∂R/∂w = λ·sign(w)` (0 at w = 0).
  case l1(Float)
  /// Elastic net (Zou & Hastie 2005): `R = λ₁ Σ |w| + λ₂ Σ w²`.
  case elasticNet(l1: Float, l2: Float)

  var strengths: (l1: Float, l2: Float) {
    switch self {
    case .l2(let l): return (0, l)
    case .l1(let l): return (l, 0)
    case .elasticNet(let a, let b): return (a, b)
    }
  }

  /// R(W) for one weight tensor (accumulated in `Double`).
  public func penalty(_ w: Tensor) -> Double {
    let (a, b) = strengths
    var total = 0.0
    for v in w.scalars {
      total += Double(a) * Double(Swift.abs(v)) + Double(b) * Double(v) * Double(v)
    }
    return total
  }

  /// ∂R/∂W for one weight tensor.
  public func gradient(_ w: Tensor) -> Tensor {
    let (a, b) = strengths
    return w.map { v in a * (v > 0 ? 1 : v < 0 ? -1 : 0) + 2 * b * v }
  }

  /// Σ R(W) over the parameters named `"weight"` (biases and batch-norm
  /// parameters are left alone, as usual).
  public func penalty(_ parameters: [Tensor], names: [String]) -> Double {
    zip(parameters, names).reduce(0) { $0 + ($1.1 == "weight" ? penalty($1.0) : 0) }
  }

  /// `gradients` with ∂R/∂W added to those of parameters named `"weight"`.
  public func addGradient(
    to gradients: [Tensor], parameters: [Tensor], names: [String]
  ) -> [Tensor] {
    zip(zip(gradients, parameters), names).map { pair, name in
      name == "weight" ? pair.0 + gradient(pair.1) : pair.0
    }
  }
}
