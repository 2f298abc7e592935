/// Reductions accumulate in `Double` and return `Float`. The spread follows
/// numpy's default `ddof = 0`: `variance = Σ(x - mean)² / n` (the population
/// variance), `std = √variance`. Axis reductions drop the reduced axis
/// (numpy's `keepdims=False`); their `keepdims: true` forms keep it with
/// extent 1, so the result broadcasts back against the input.
extension Tensor {
  /// Σ x over all elements (0 for an empty tensor).
  public func sum() -> Float { Float(doubleSum()) }

  /// Σ x / n over all elements.
  public func mean() -> Float {
    preconditionAlways(count > 0, "mean: the tensor of shape \(shape) is empty")
    return Float(doubleSum() / Double(count))
  }

  /// Σ(x - mean)² / n over all elements (two passes, in `Double`).
  public func variance() -> Float { Float(doubleVariance()) }

  /// √variance() over all elements (`x.std()`, ddof 0).
  public func std() -> Float { Float(doubleVariance().squareRoot()) }

  /// The smallest element (NaN if any element is NaN, like numpy).
  public func min() -> Float {
    preconditionAlways(count > 0, "min: the tensor of shape \(shape) is empty")
    return scalars.dropFirst().reduce(scalars[0]) {
      $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1)
    }
  }

  /// The largest element (NaN if any element is NaN, like numpy).
  public func max() -> Float {
    preconditionAlways(count > 0, "max: the tensor of shape \(shape) is empty")
    return scalars.dropFirst().reduce(scalars[0]) {
      $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1)
    }
  }

  func doubleSum() -> Double {
    scalars.withUnsafeBufferPointer { x in
      var s = 0.0
      for v in x { s += Double(v) }
      return s
    }
  }

  func doubleVariance() -> Double {
    preconditionAlways(count > 0, "variance: the tensor of shape \(shape) is empty")
    let m = doubleSum() / Double(count)
    return scalars.withUnsafeBufferPointer { x in
      var s = 0.0
      for v in x {
        let d = Double(v) - m
        s += d * d
      }
      return s / Double(count)
    }
  }

  /// Σ along `axis` (`x.sum(axis=…)`); negative axes count from the end.
  public func sum(axis: Int) -> Tensor {
    reduce(axis: axis, op: "sum(axis:)") { lane in lane.reduce(0, +) }
  }

  /// The mean along `axis` (`x.mean(axis=0)`: the mean of each column).
  public func mean(axis: Int) -> Tensor {
    reduce(axis: axis, op: "mean(axis:)", nonEmpty: true) { lane in
      lane.reduce(0, +) / Double(lane.count)
    }
  }

  /// Σ(x - mean)² / n along `axis` (ddof 0).
  public func variance(axis: Int) -> Tensor {
    reduce(axis: axis, op: "variance(axis:)", nonEmpty: true) { lane in
      Tensor.laneVariance(lane)
    }
  }

  /// √variance along `axis` (ddof 0).
  public func std(axis: Int) -> Tensor {
    reduce(axis: axis, op: "std(axis:)", nonEmpty: true) { lane in
      Tensor.laneVariance(lane).squareRoot()
    }
  }

  /// The largest element along `axis`.
  public func max(axis: Int) -> Tensor {
    reduce(axis: axis, op: "max(axis:)", nonEmpty: true) { lane in
      lane.contains { $0.isNaN } ? .nan : lane.max()!
    }
  }

  /// The smallest element along `axis`.
  public func min(axis: Int) -> Tensor {
    reduce(axis: axis, op: "min(axis:)", nonEmpty: true) { lane in
      lane.contains { $0.isNaN } ? .nan : lane.min()!
    }
  }

  /// The index of the largest element along `axis`, the first on a tie
  /// (`x.argmax(axis=1)`: the predicted class of each row). Returns `[Int]`,
  /// not a tensor: one index per lane, in row-major order of the remaining
  /// dimensions, so an `[m, n]` matrix gives m indices in `0..<n` for
  /// `axis: 1`. A NaN counts as the largest (the first NaN wins, as numpy).
  public func argmax(axis: Int) -> [Int] {
    argLanes(axis: axis, op: "argmax(axis:)") { $0 > $1 }
  }

  /// The index of the smallest element along `axis`, the first on a tie
  /// (`x.argmin(axis=1)`), as `[Int]` in the order `argmax(axis:)` uses. A
  /// NaN counts as the smallest (the first NaN wins, as numpy).
  public func argmin(axis: Int) -> [Int] {
    argLanes(axis: axis, op: "argmin(axis:)") { $0 < $1 }
  }

  /// The row-major (flat) index of the largest element, the first on a tie
  /// (`x.argmax()` in numpy): for an `[m, n]` matrix, `i·n + j`.
  public func argmax() -> Int {
    preconditionAlways(count > 0, "argmax: the tensor of shape \(shape) is empty")
    return Tensor.bestIndex(count, { scalars[$0] }, { $0 > $1 })
  }

  /// The row-major (flat) index of the smallest element, the first on a tie
  /// (`x.argmin()` in numpy).
  public func argmin() -> Int {
    preconditionAlways(count > 0, "argmin: the tensor of shape \(shape) is empty")
    return Tensor.bestIndex(count, { scalars[$0] }, { $0 < $1 })
  }

  /// The index, for every lane along `axis`, of the element `better`
  /// prefers, as `argmax(axis:)` orders them.
  func argLanes(axis: Int, op: String, _ better: (Float, Float) -> Bool) -> [Int] {
    let a = axis < 0 ? axis + rank : axis
    preconditionAlways(a >= 0 && a < rank, "\(op): axis \(axis) is out of range for shape \(shape)")
    let n = shape[a]
    preconditionAlways(n > 0, "\(op): axis \(axis) of shape \(shape) is empty")
    let outer = shape[..<a].reduce(1, *)
    let inner = shape[(a + 1)...].reduce(1, *)
    var result: [Int] = []
    result.reserveCapacity(outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        result.append(Tensor.bestIndex(n, { scalars[(o * n + $0) * inner + i] }, better))
      }
    }
    return result
  }

  /// The first index j in `0..<n` whose `element(j)` `better` prefers to
  /// all before it; a NaN beats everything, and the first NaN stays.
  static func bestIndex(
    _ n: Int, _ element: (Int) -> Float, _ better: (Float, Float) -> Bool
  ) -> Int {
    var best = 0
    var bestValue = element(0)
    for j in 1..<n where !bestValue.isNaN {
      let value = element(j)
      if value.isNaN || better(value, bestValue) {
        best = j
        bestValue = value
      }
    }
    return best
  }

  /// `sum(axis:)`, keeping the reduced axis with extent 1 when `keepdims`
  /// (numpy's `keepdims=True`, PyTorch's `keepdim=True`), so the result
  /// broadcasts back against `self`: `x / x.sum(axis: 1, keepdims: true)`
  /// divides each row by its own sum.
  public func sum(axis: Int, keepdims: Bool) -> Tensor {
    keepingAxis(sum(axis: axis), axis, keepdims)
  }

  /// `mean(axis:)`, keeping the reduced axis with extent 1 when `keepdims`:
  /// `x - x.mean(axis: 0, keepdims: true)` centres each column.
  public func mean(axis: Int, keepdims: Bool) -> Tensor {
    keepingAxis(mean(axis: axis), axis, keepdims)
  }

  /// `variance(axis:)`, keeping the reduced axis with extent 1 when
  /// `keepdims`.
  public func variance(axis: Int, keepdims: Bool) -> Tensor {
    keepingAxis(variance(axis: axis), axis, keepdims)
  }

  /// `std(axis:)`, keeping the reduced axis with extent 1 when `keepdims`:
  /// `(x - x.mean(axis: 0, keepdims: true)) / x.std(axis: 0, keepdims: true)`
  /// standardises each column.
  public func std(axis: Int, keepdims: Bool) -> Tensor {
    keepingAxis(std(axis: axis), axis, keepdims)
  }

  /// `max(axis:)`, keeping the reduced axis with extent 1 when `keepdims`:
  /// `x - x.max(axis: 1, keepdims: true)` is the stable shift before a
  /// softmax.
  public func max(axis: Int, keepdims: Bool) -> Tensor {
    keepingAxis(max(axis: axis), axis, keepdims)
  }

  /// `min(axis:)`, keeping the reduced axis with extent 1 when `keepdims`.
  public func min(axis: Int, keepdims: Bool) -> Tensor {
    keepingAxis(min(axis: axis), axis, keepdims)
  }

  /// `reduced` (this tensor reduced along `axis`, already checked) with
  /// that axis put back as extent 1 when `keep`.
  func keepingAxis(_ reduced: Tensor, _ axis: Int, _ keep: Bool) -> Tensor {
    guard keep else { return reduced }
    var kept = shape
    kept[axis < 0 ? axis + rank : axis] = 1
    return reduced.reshaped(kept)
  }

  static func laneVariance(_ lane: [Double]) -> Double {
    let m = lane.reduce(0, +) / Double(lane.count)
    return lane.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(lane.count)
  }

  /// Applies `f` to every lane along `axis` (as `Double`s) and collects the
  /// results in a tensor whose shape drops that axis.
  func reduce(
    axis: Int, op: String, nonEmpty: Bool = false, _ f: ([Double]) -> Double
  ) -> Tensor {
    let a = axis < 0 ? axis + rank : axis
    preconditionAlways(a >= 0 && a < rank, "\(op): axis \(axis) is out of range for shape \(shape)")
    let n = shape[a]
    preconditionAlways(!nonEmpty || n > 0, "\(op): axis \(axis) of shape \(shape) is empty")
    // Limitation: each lane is gathered into an array; fine for lab sizes, not fast.
    let outer = shape[..<a].reduce(1, *)
    let inner = shape[(a + 1)...].reduce(1, *)
    var result = [Float]()
    result.reserveCapacity(outer * inner)
    var lane = [Double](repeating: 0, count: n)
    for o in 0..<outer {
      for i in 0..<inner {
        for j in 0..<n { lane[j] = Double(scalars[(o * n + j) * inner + i]) }
        result.append(Float(f(lane)))
      }
    }
    var newShape = shape
    newShape.remove(at: a)
    return Tensor(result, shape: newShape)
  }
}
