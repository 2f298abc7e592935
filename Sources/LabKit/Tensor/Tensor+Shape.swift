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

  /// The transpose of a matrix, numpy's and PyTorch's shorthand for
  /// `transposed()`: `x.T[j, i] == x[i, j]`.
  ///
  /// - Precondition: `rank == 2`. (numpy returns a 1-d array unchanged from
  ///   `.T`; here that is an error, since it is usually a missing
  ///   `reshaped([-1, 1])`.)
  public var T: Tensor {
    preconditionAlways(
      rank == 2,
      "T: needs a 2-d tensor, got shape \(shape); for a column from a vector use "
        + "reshaped([-1, 1])")
    return transposed()
  }

  /// The elements in row-major order as a 1-d tensor of shape `[count]`
  /// (`x.flatten()` in numpy and PyTorch); the storage is shared until one
  /// of the two is written.
  public func flattened() -> Tensor {
    Tensor(scalars, shape: [count])
  }

  /// numpy's spelling; LabKit's non-mutating methods end in -ed.
  @available(*, unavailable, renamed: "flattened()")
  public func flatten() -> Tensor { flattened() }

  /// numpy's spelling; LabKit's non-mutating methods end in -ed.
  @available(*, unavailable, renamed: "reshaped(_:)")
  public func reshape(_ newShape: [Int]) -> Tensor { reshaped(newShape) }

  /// numpy's spelling; LabKit's non-mutating methods end in -ed.
  @available(*, unavailable, renamed: "transposed()")
  public func transpose() -> Tensor { transposed() }

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

  /// Column `column` of a matrix as a `[m]` vector (`x[:, j]`); setting it
  /// takes a `[m]` vector.
  public subscript(column column: Int) -> Tensor {
    get {
      checkColumn(column, op: "subscript(column:)")
      let (m, n) = (shape[0], shape[1])
      return Tensor(shape: [m]) { out in
        for i in 0..<m { out[i] = scalars[i * n + column] }
      }
    }
    set {
      checkColumn(column, op: "subscript(column:)")
      let (m, n) = (shape[0], shape[1])
      preconditionAlways(
        newValue.shape == [m],
        "subscript(column:): a column of \(shape) has shape [\(m)], got \(newValue.shape)")
      for i in 0..<m { scalars[i * n + column] = newValue.scalars[i] }
    }
  }

  /// The columns `range` of a matrix (`x[:, a:b]`), shape `[m, range.count]`.
  public func columns(_ range: Range<Int>) -> Tensor {
    preconditionAlways(rank == 2, "columns: needs a 2-d tensor, got shape \(shape)")
    let (m, n) = (shape[0], shape[1])
    preconditionAlways(
      range.lowerBound >= 0 && range.upperBound <= n,
      "columns: range \(range) is outside 0..<\(n) for shape \(shape)")
    let width = range.count
    return Tensor(shape: [m, width]) { out in
      for i in 0..<m {
        for j in 0..<width { out[i * width + j] = scalars[i * n + range.lowerBound + j] }
      }
    }
  }

  /// The columns `range` of a matrix (`x[:, a:b+1]`).
  public func columns(_ range: ClosedRange<Int>) -> Tensor {
    columns(range.lowerBound..<(range.upperBound + 1))
  }

  func checkColumn(_ column: Int, op: String) {
    preconditionAlways(rank == 2, "\(op): needs a 2-d tensor, got shape \(shape)")
    preconditionAlways(
      column >= 0 && column < shape[1],
      "\(op): column \(column) is outside 0..<\(shape[1]) for shape \(shape)")
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
