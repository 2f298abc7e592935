extension Tensor {
  /// The same elements in the same order, viewed with shape `newShape`
  /// (`np.reshape`). One extent may be -1: it is inferred.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    var resolved = newShape
    if let hole = newShape.firstIndex(of: -1) {
      let known = newShape.enumerated().reduce(1) { $1.offset == hole ? $0 : $0 * $1.element }
      preconditionAlways(
        known > 0 && count % known == 0,
        "reshaped: cannot reshape \(shape) (\(count) elements) to \(newShape)")
      resolved[hole] = count / known
    }
    let n = Tensor.elementCount(resolved, caller: "reshaped")
    preconditionAlways(
      n == count, "reshaped: cannot reshape \(shape) (\(count) elements) to \(newShape)")
    return Tensor(scalars, shape: resolved)
  }

  /// The transpose of a matrix: shape `[n, m]` from `[m, n]`, element
  /// `[j, i]` = `self[i, j]` (`x.T`).
  public func transposed() -> Tensor {
    preconditionAlways(rank == 2, "transposed: needs a 2-d tensor, got shape \(shape)")
    let (m, n) = (shape[0], shape[1])
    return scalars.withUnsafeBufferPointer { src in
      Tensor(shape: [n, m]) { out in
        for i in 0..<m {
          for j in 0..<n { out[j * m + i] = src[i * n + j] }
        }
      }
    }
  }

  /// The rows `range` of a tensor of rank ≥ 1 along its first dimension
  /// (`x[a:b]`); the other dimensions are kept.
  public func rows(_ range: Range<Int>) -> Tensor {
    preconditionAlways(rank >= 1, "rows: needs rank ≥ 1, got shape \(shape)")
    preconditionAlways(
      range.lowerBound >= 0 && range.upperBound <= shape[0],
      "rows: range \(range) is outside 0..<\(shape[0]) for shape \(shape)")
    let rowSize = count / Swift.max(shape[0], 1)
    let slice = scalars[(range.lowerBound * rowSize)..<(range.upperBound * rowSize)]
    return Tensor(Array(slice), shape: [range.count] + shape.dropFirst())
  }

  /// The rows `range` along the first dimension (`x[a:b]`).
  public func rows(_ range: ClosedRange<Int>) -> Tensor {
    rows(range.lowerBound..<(range.upperBound + 1))
  }

  /// Row `row` along the first dimension, with that dimension removed
  /// (`x[i]`): a `[n]` vector from an `[m, n]` matrix.
  public subscript(row row: Int) -> Tensor {
    get {
      preconditionAlways(rank >= 1, "subscript(row:): needs rank ≥ 1, got shape \(shape)")
      preconditionAlways(
        row >= 0 && row < shape[0],
        "subscript(row:): row \(row) is outside 0..<\(shape[0]) for shape \(shape)")
      let rowSize = count / shape[0]
      let slice = scalars[(row * rowSize)..<((row + 1) * rowSize)]
      return Tensor(Array(slice), shape: Array(shape.dropFirst()))
    }
    set {
      preconditionAlways(
        rank >= 1 && row >= 0 && row < shape[0],
        "subscript(row:): row \(row) is outside the first dimension of \(shape)")
      let rowShape = Array(shape.dropFirst())
      preconditionAlways(
        newValue.shape == rowShape,
        "subscript(row:): a row of \(shape) has shape \(rowShape), got \(newValue.shape)")
      let rowSize = newValue.count
      scalars.replaceSubrange((row * rowSize)..<((row + 1) * rowSize), with: newValue.scalars)
    }
  }

  /// The element at a full index, one entry per dimension (`x[i, j]`).
  public subscript(_ index: Int...) -> Float {
    get { scalars[flatIndex(index)] }
    set { scalars[flatIndex(index)] = newValue }
  }

  /// The row-major offset of `index`.
  func flatIndex(_ index: [Int]) -> Int {
    preconditionAlways(
      index.count == rank, "subscript: index \(index) has \(index.count) entries, shape \(shape)")
    var offset = 0
    for (i, d) in zip(index, shape) {
      preconditionAlways(i >= 0 && i < d, "subscript: index \(index) is outside shape \(shape)")
      offset = offset * d + i
    }
    return offset
  }

  /// The single element of a tensor with one element (`x.item()`).
  public var item: Float {
    preconditionAlways(count == 1, "item: needs exactly one element, shape \(shape)")
    return scalars[0]
  }
}
