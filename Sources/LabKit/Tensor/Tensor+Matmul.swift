extension Tensor {
  /// The matrix product `self · other` (`x.dot(W)`, `x @ W`): for `[m, k]`
  /// and `[k, n]`, `C[i, j] = Σₗ A[i, l]·B[l, j]`, shape `[m, n]`. Computed in
  /// single precision by OpenBLAS; large products on all cores.
  public func matmul(_ other: Tensor) -> Tensor {
    matmul(other, transposeA: false, transposeB: false)
  }

  /// numpy's name for `matmul` on matrices (`x.dot(W)`).
  public func dot(_ other: Tensor) -> Tensor { matmul(other) }

  /// `op(self) · op(other)`, where `op` transposes when asked, without
  /// materialising the transpose (`x.T @ dy` is
  /// `x.matmul(dy, transposeA: true)`).
  public func matmul(
    _ other: Tensor, transposeA: Bool = false, transposeB: Bool = false
  ) -> Tensor {
    // Limitation: matrices only; no batched (3-d and up) products yet.
    preconditionAlways(
      rank == 2 && other.rank == 2,
      "matmul: needs two 2-d tensors, got shapes \(shape) and \(other.shape)")
    let (m, k) = transposeA ? (shape[1], shape[0]) : (shape[0], shape[1])
    let (k2, n) = transposeB ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
    let opA = transposeA ? "\(shape)ᵀ" : "\(shape)"
    let opB = transposeB ? "\(other.shape)ᵀ" : "\(other.shape)"
    preconditionAlways(k == k2, "matmul: shapes \(opA) and \(opB) do not chain (\(k) ≠ \(k2))")
    if m == 0 || n == 0 { return Tensor.zeros([m, n]) }
    if k == 0 { return Tensor.zeros([m, n]) }
    return scalars.withUnsafeBufferPointer { a in
      other.scalars.withUnsafeBufferPointer { b in
        Tensor(shape: [m, n]) { c in
          BLAS.sgemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            a: a.baseAddress!, lda: shape[1], b: b.baseAddress!, ldb: other.shape[1],
            c: c.baseAddress!)
        }
      }
    }
  }
}
