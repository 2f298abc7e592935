internal import CBLAS

/// The one place LabKit calls OpenBLAS. C types stay in this file.
enum BLAS {
  /// C ← op(A)·op(B) for row-major single-precision matrices, through
  /// `cblas_sgemm(CblasRowMajor, …, alpha: 1, beta: 0)`.
  ///
  /// `m × k` is the shape of op(A), `k × n` that of op(B); `lda` and `ldb` are
  /// the row lengths of A and B as stored (before transposition).
  static func sgemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>
  ) {
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k),
      1, a, blasint(lda), b, blasint(ldb), 0, c, blasint(n))
  }
}
