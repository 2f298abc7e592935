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
