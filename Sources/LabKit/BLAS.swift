internal import CBLAS
internal import Dispatch

/// The one place LabKit calls OpenBLAS. C types stay in this file.
///
/// OpenBLAS is kept on one thread and LabKit splits a large product across
/// the cores itself. OpenBLAS's own worker threads spin (yielding) for a
/// while after every call, and that spinning took a core away from LabKit's
/// parallel random fills between matrix products; split here, the cores are
/// LabKit's dispatch workers, which sleep when idle.
enum BLAS {
  /// Products with fewer multiply-adds than this run on the calling thread.
  static let parallelWork = 1 << 22
  /// Rows or columns of C per slice. Fixed, not derived from the number of
  /// cores: OpenBLAS's sums can round differently when a product is cut
  /// elsewhere, and a fixed cut keeps results the same on every machine.
  static let sliceWidth = 256

  /// Sets OpenBLAS to one thread, once, before its first use.
  static let singleThreaded: Void = { openblas_set_num_threads(1) }()

  /// C ← op(A)·op(B) for row-major single-precision matrices, through
  /// `cblas_sgemm(CblasRowMajor, …, alpha: 1, beta: 0)`.
  ///
  /// `m × k` is the shape of op(A), `k × n` that of op(B); `lda` and `ldb` are
  /// the row lengths of A and B as stored (before transposition). A large
  /// product is cut into slices of `sliceWidth` columns of C (or rows, when C
  /// is taller than wide), computed concurrently.
  static func sgemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>
  ) {
    singleThreaded
    let byColumns = n >= m
    let extent = byColumns ? n : m
    let (work, overflow) = m.multipliedReportingOverflow(by: n)
    let large =
      overflow || work.multipliedReportingOverflow(by: k).overflow || work * k >= parallelWork
    let slices = (extent + sliceWidth - 1) / sliceWidth
    guard large, slices > 1 else {
      call(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, n)
      return
    }
    let operands = Operands(a: a, b: b, c: c)
    DispatchQueue.concurrentPerform(iterations: slices) { s in
      let lo = s * sliceWidth
      let hi = min(lo + sliceWidth, extent)
      if byColumns {
        // Columns lo..<hi of op(B) and of C.
        let bSlice = operands.b + (transposeB ? lo * ldb : lo)
        call(
          transposeA, transposeB, m, hi - lo, k, operands.a, lda, bSlice, ldb,
          operands.c + lo, n)
      } else {
        // Rows lo..<hi of op(A) and of C.
        let aSlice = operands.a + (transposeA ? lo : lo * lda)
        call(
          transposeA, transposeB, hi - lo, n, k, aSlice, lda, operands.b, ldb,
          operands.c + lo * n, n)
      }
    }
  }

  private static func call(
    _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
    _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
    _ c: UnsafeMutablePointer<Float>, _ ldc: Int
  ) {
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k),
      1, a, blasint(lda), b, blasint(ldb), 0, c, blasint(ldc))
  }
}

/// The matrices of one product, handed to the threads computing its slices.
// Safe to send: A and B are only read, each thread writes its own slice of
// C, and concurrentPerform returns only when every slice is done.
private struct Operands: @unchecked Sendable {
  let a: UnsafePointer<Float>
  let b: UnsafePointer<Float>
  let c: UnsafeMutablePointer<Float>
}
