/// Elementwise arithmetic with numpy's broadcasting: two shapes combine when,
/// aligned from the right, each pair of extents is equal or one of them is 1.
/// So a row vector `[n]` (or `[1, n]`) adds to every row of an `[m, n]`
/// matrix (a bias), a column `[m, 1]` to every column, a scalar to everything.
extension Tensor {
  /// The shape numpy's broadcasting gives `a` and `b`, trapping with both
  /// shapes in the message when they do not combine.
  static func broadcastShape(_ a: [Int], _ b: [Int], op: String) -> [Int] {
    let rank = Swift.max(a.count, b.count)
    let pa = [Int](repeating: 1, count: rank - a.count) + a
    let pb = [Int](repeating: 1, count: rank - b.count) + b
    var result = [Int]()
    result.reserveCapacity(rank)
    for (x, y) in zip(pa, pb) {
      preconditionAlways(
        x == y || x == 1 || y == 1,
        "\(op): shapes \(a) and \(b) do not broadcast (\(x) ≠ \(y))")
      result.append(x == 1 ? y : x)
    }
    return result
  }

  /// The row-major strides of `shape` padded to `rank` on the left, with 0
  /// where the extent is 1 (so that dimension repeats).
  static func broadcastStrides(_ shape: [Int], rank: Int) -> [Int] {
    let padded = [Int](repeating: 1, count: rank - shape.count) + shape
    var strides = [Int](repeating: 0, count: rank)
    var step = 1
    for d in stride(from: rank - 1, through: 0, by: -1) {
      strides[d] = padded[d] == 1 ? 0 : step
      step *= padded[d]
    }
    return strides
  }

  /// `f(a, b)` elementwise after broadcasting; `op` names the operation in
  /// the trap message.
  @inline(__always)
  static func combine(
    _ a: Tensor, _ b: Tensor, op: String, _ f: (Float, Float) -> Float
  ) -> Tensor {
    if a.shape == b.shape {
      return a.scalars.withUnsafeBufferPointer { x in
        b.scalars.withUnsafeBufferPointer { y in
          Tensor(shape: a.shape) { out in
            for i in 0..<out.count { out[i] = f(x[i], y[i]) }
          }
        }
      }
    }
    let shape = broadcastShape(a.shape, b.shape, op: op)
    let n = elementCount(shape, caller: op)
    // Common case: one side repeats with a period (a row vector over rows).
    if b.count > 0, n == a.count, isTrailing(b.shape, of: shape) {
      let period = b.count
      return a.scalars.withUnsafeBufferPointer { x in
        b.scalars.withUnsafeBufferPointer { y in
          Tensor(shape: shape) { out in
            for i in 0..<n { out[i] = f(x[i], y[i % period]) }
          }
        }
      }
    }
    if a.count > 0, n == b.count, isTrailing(a.shape, of: shape) {
      let period = a.count
      return a.scalars.withUnsafeBufferPointer { x in
        b.scalars.withUnsafeBufferPointer { y in
          Tensor(shape: shape) { out in
            for i in 0..<n { out[i] = f(x[i % period], y[i]) }
          }
        }
      }
    }
    let sa = broadcastStrides(a.shape, rank: shape.count)
    let sb = broadcastStrides(b.shape, rank: shape.count)
    return a.scalars.withUnsafeBufferPointer { x in
      b.scalars.withUnsafeBufferPointer { y in
        Tensor(shape: shape) { out in
          var index = [Int](repeating: 0, count: shape.count)
          var (ia, ib) = (0, 0)
          for i in 0..<n {
            out[i] = f(x[ia], y[ib])
            // Odometer step over `index`, moving both offsets along.
            var d = shape.count - 1
            while d >= 0 {
              index[d] += 1
              ia += sa[d]
              ib += sb[d]
              if index[d] < shape[d] { break }
              ia -= sa[d] * shape[d]
              ib -= sb[d] * shape[d]
              index[d] = 0
              d -= 1
            }
          }
        }
      }
    }
  }

  /// Whether `small`, with leading 1s dropped, equals the trailing extents of
  /// `shape`, so it repeats with period `small`'s count in row-major order.
  static func isTrailing(_ small: [Int], of shape: [Int]) -> Bool {
    let core = small.drop { $0 == 1 }
    return core.count <= shape.count && shape.suffix(core.count).elementsEqual(core)
  }

  /// `f` applied to every element, in place when this tensor's storage is not
  /// shared.
  @inline(__always)
  mutating func apply(_ f: (Float) -> Float) {
    scalars.withUnsafeMutableBufferPointer { x in
      for i in 0..<x.count { x[i] = f(x[i]) }
    }
  }

  /// A tensor of the same shape with `transform` applied to every element.
  public func map(_ transform: (Float) throws -> Float) rethrows -> Tensor {
    Tensor(try scalars.map(transform), shape: shape)
  }

  /// Elementwise sum, broadcasting (`a + b`).
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: "+") { $0 + $1 }
  }

  /// Elementwise difference, broadcasting (`a - b`).
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: "-") { $0 - $1 }
  }

  /// Elementwise (Hadamard) product, broadcasting (`a * b`; not `matmul`).
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: "*") { $0 * $1 }
  }

  /// Elementwise quotient, broadcasting (`a / b`).
  public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
    combine(lhs, rhs, op: "/") { $0 / $1 }
  }

  /// `x + s` for every element x.
  public static func + (lhs: consuming Tensor, rhs: Float) -> Tensor {
    var t = lhs
    t.apply { $0 + rhs }
    return t
  }

  /// `x - s` for every element x.
  public static func - (lhs: consuming Tensor, rhs: Float) -> Tensor {
    var t = lhs
    t.apply { $0 - rhs }
    return t
  }

  /// `x · s` for every element x (`np.random.randn(m, n) * 0.01`).
  public static func * (lhs: consuming Tensor, rhs: Float) -> Tensor {
    var t = lhs
    t.apply { $0 * rhs }
    return t
  }

  /// `x / s` for every element x.
  public static func / (lhs: consuming Tensor, rhs: Float) -> Tensor {
    var t = lhs
    t.apply { $0 / rhs }
    return t
  }

  /// `s + x` for every element x.
  public static func + (lhs: Float, rhs: consuming Tensor) -> Tensor {
    var t = rhs
    t.apply { lhs + $0 }
    return t
  }

  /// `s - x` for every element x.
  public static func - (lhs: Float, rhs: consuming Tensor) -> Tensor {
    var t = rhs
    t.apply { lhs - $0 }
    return t
  }

  /// `s · x` for every element x (`0.01 * np.random.randn(m, n)`).
  public static func * (lhs: Float, rhs: consuming Tensor) -> Tensor {
    var t = rhs
    t.apply { lhs * $0 }
    return t
  }

  /// `s / x` for every element x.
  public static func / (lhs: Float, rhs: consuming Tensor) -> Tensor {
    var t = rhs
    t.apply { lhs / $0 }
    return t
  }

  /// `-x` for every element x.
  public static prefix func - (operand: consuming Tensor) -> Tensor {
    var t = operand
    t.apply { -$0 }
    return t
  }

  /// `a = a + b`; `b` must broadcast to `a`'s shape.
  public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
  /// `a = a - b`; `b` must broadcast to `a`'s shape.
  public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
  /// `a = a * b` elementwise; `b` must broadcast to `a`'s shape.
  public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
  /// `a = a / b` elementwise; `b` must broadcast to `a`'s shape.
  public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs / rhs }
  /// Adds `s` to every element, in place.
  public static func += (lhs: inout Tensor, rhs: Float) { lhs.apply { $0 + rhs } }
  /// Subtracts `s` from every element, in place.
  public static func -= (lhs: inout Tensor, rhs: Float) { lhs.apply { $0 - rhs } }
  /// Multiplies every element by `s`, in place.
  public static func *= (lhs: inout Tensor, rhs: Float) { lhs.apply { $0 * rhs } }
  /// Divides every element by `s`, in place.
  public static func /= (lhs: inout Tensor, rhs: Float) { lhs.apply { $0 / rhs } }
}
