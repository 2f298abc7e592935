internal import Glibc

/// eˣ for every element (`np.exp`).
public func exp(_ x: Tensor) -> Tensor { x.map { expf($0) } }

/// The natural logarithm of every element (`np.log`); -inf at 0, NaN below.
public func log(_ x: Tensor) -> Tensor { x.map { logf($0) } }

/// √x for every element (`np.sqrt`); NaN below 0.
public func sqrt(_ x: Tensor) -> Tensor { x.map { $0.squareRoot() } }

/// |x| for every element (`np.abs`).
public func abs(_ x: Tensor) -> Tensor { x.map { Swift.abs($0) } }

/// xᵖ for every element (`x ** p`).
public func pow(_ x: Tensor, _ p: Float) -> Tensor { x.map { powf($0, p) } }

/// max(x, s) for every element (`np.maximum(x, s)`; NaN stays NaN).
public func maximum(_ x: Tensor, _ s: Float) -> Tensor {
  x.map { $0.isNaN ? $0 : Swift.max($0, s) }
}

/// max(s, x) for every element (`np.maximum(0, x)`, the lecture's ReLU).
public func maximum(_ s: Float, _ x: Tensor) -> Tensor { maximum(x, s) }

/// max(a, b) elementwise, broadcasting (`np.maximum(a, b)`).
public func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
  Tensor.combine(a, b, op: "maximum") { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
}

/// min(x, s) for every element (`np.minimum(x, s)`).
public func minimum(_ x: Tensor, _ s: Float) -> Tensor {
  x.map { $0.isNaN ? $0 : Swift.min($0, s) }
}

/// min(s, x) for every element.
public func minimum(_ s: Float, _ x: Tensor) -> Tensor { minimum(x, s) }

/// min(a, b) elementwise, broadcasting (`np.minimum(a, b)`).
public func minimum(_ a: Tensor, _ b: Tensor) -> Tensor {
  Tensor.combine(a, b, op: "minimum") { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
}

/// Every element limited to `[low, high]` (`np.clip`).
public func clip(_ x: Tensor, _ low: Float, _ high: Float) -> Tensor {
  preconditionAlways(low <= high, "clip: low \(low) is above high \(high)")
  return x.map { $0.isNaN ? $0 : Swift.min(Swift.max($0, low), high) }
}

/// Method forms of the elementwise functions, as PyTorch spells them
/// (`x.exp()`); each is the free function of the same name (`exp(x)`, as
/// numpy's `np.exp(x)`), so the two forms give identical results.
extension Tensor {
  /// eˣ for every element (`x.exp()`; the same as `exp(x)`).
  public func exp() -> Tensor { LabKit.exp(self) }

  /// The natural logarithm of every element (`x.log()`; the same as
  /// `log(x)`): -inf at 0, NaN below.
  public func log() -> Tensor { LabKit.log(self) }

  /// √x for every element (`x.sqrt()`; the same as `sqrt(x)`): NaN below 0.
  public func sqrt() -> Tensor { LabKit.sqrt(self) }

  /// |x| for every element (`x.abs()`; the same as `abs(x)`).
  public func abs() -> Tensor { LabKit.abs(self) }
}
