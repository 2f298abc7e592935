/// Comparisons give masks: tensors of the same (broadcast) shape holding 1
/// where the comparison holds and 0 elsewhere, ready to multiply with
/// (`x * (x .> 0)` is ReLU; `np.random.rand(n) < p` is a dropout mask).
/// NaN compares false everywhere, as in IEEE 754.
extension Tensor {
  /// 1 where `a > b`, else 0.
  public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: ".>") { $0 > $1 ? 1 : 0 }
  }
  /// 1 where `a < b`, else 0.
  public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: ".<") { $0 < $1 ? 1 : 0 }
  }
  /// 1 where `a ≥ b`, else 0.
  public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: ".>=") { $0 >= $1 ? 1 : 0 }
  }
  /// 1 where `a ≤ b`, else 0.
  public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: ".<=") { $0 <= $1 ? 1 : 0 }
  }
  /// 1 where `a == b`, else 0.
  public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: ".==") { $0 == $1 ? 1 : 0 }
  }
  /// 1 where `x > s`, else 0.
  public static func .> (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 > rhs ? 1 : 0 } }
  /// 1 where `x < s`, else 0.
  public static func .< (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 < rhs ? 1 : 0 } }
  /// 1 where `x ≥ s`, else 0.
  public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 >= rhs ? 1 : 0 } }
  /// 1 where `x ≤ s`, else 0.
  public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 <= rhs ? 1 : 0 } }
  /// 1 where `x == s`, else 0.
  public static func .== (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 == rhs ? 1 : 0 } }
}

/// Whether every element of `a` is close to the matching element of `b`,
/// after broadcasting (`np.allclose(a, b, rtol, atol)`):
/// `|a − b| ≤ atol + rtol·|b|`, computed in `Double`. As in numpy the test
/// is not symmetric (`b` is the reference), NaN is never close to anything,
/// and an infinity is close only to the same infinity. The defaults are
/// numpy's; Float32 results of a different computation often need looser
/// ones (`rtol: 1e-4, atol: 1e-6`, the defaults of `checkClose`).
///
/// - Precondition: the shapes broadcast.
public func allClose(_ a: Tensor, _ b: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8) -> Bool {
  preconditionAlways(
    rtol >= 0 && atol >= 0, "allClose: rtol and atol must be ≥ 0, got \(rtol) and \(atol)")
  let far = Tensor.combine(a, b, op: "allClose") { x, y in
    if x == y { return 0 }
    if !x.isFinite || !y.isFinite { return 1 }
    let difference = Swift.abs(Double(x) - Double(y))
    return difference <= atol + rtol * Swift.abs(Double(y)) ? 0 : 1
  }
  return !far.scalars.contains(1)
}
