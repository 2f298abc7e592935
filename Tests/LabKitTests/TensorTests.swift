import Testing

@testable import LabKit

@Test func creationFillsShapes() {
  #expect(Tensor.zeros([2, 3]).scalars == [0, 0, 0, 0, 0, 0])
  #expect(Tensor.ones([2]).scalars == [1, 1])
  #expect(Tensor.full([1, 2], 7).scalars == [7, 7])
  #expect(Tensor.arange(4).scalars == [0, 1, 2, 3])
  #expect(Tensor(shape: [3], repeating: 2).count == 3)
  #expect(Tensor.linspace(0, 1, count: 5).scalars == [0, 0.25, 0.5, 0.75, 1])
  #expect(Tensor.zeros([0, 4]).count == 0)
}

@Test func reshapeKeepsOrderAndInfersOneExtent() {
  let x = Tensor.arange(6).reshaped([2, 3])
  #expect(x.shape == [2, 3])
  #expect(x[1, 0] == 3)
  #expect(x.reshaped([-1, 2]).shape == [3, 2])
}

@Test func transposeSwapsIndices() {
  let x = Tensor.arange(6).reshaped([2, 3])
  let t = x.transposed()
  #expect(t.shape == [3, 2])
  #expect(t.scalars == [0, 3, 1, 4, 2, 5])
}

@Test func rowSlicingAndRowSubscript() {
  var x = Tensor.arange(12).reshaped([4, 3])
  #expect(x.rows(1..<3).shape == [2, 3])
  #expect(x.rows(1..<3).scalars == [3, 4, 5, 6, 7, 8])
  #expect(x.rows(2...3).scalars == [6, 7, 8, 9, 10, 11])
  #expect(x[row: 3].scalars == [9, 10, 11])
  #expect(x[row: 3].shape == [3])
  x[row: 0] = Tensor([-1, -2, -3])
  #expect(x.scalars.prefix(4) == [-1, -2, -3, 3])
}

@Test func scalarArithmeticOnBothSides() {
  let x = Tensor([1, 2, 4])
  #expect((x + 1).scalars == [2, 3, 5])
  #expect((1 - x).scalars == [0, -1, -3])
  #expect((x * 0.5).scalars == [0.5, 1, 2])
  #expect((2 * x).scalars == [2, 4, 8])
  #expect((x / 2).scalars == [0.5, 1, 2])
  #expect((4 / x).scalars == [4, 2, 1])
  #expect((-x).scalars == [-1, -2, -4])
}

@Test func scalingATemporaryLeavesOtherCopiesAlone() {
  let x = Tensor([1, 2])
  let y = x * 3
  #expect(x.scalars == [1, 2])
  #expect(y.scalars == [3, 6])
  var z = x
  z *= 2
  #expect(x.scalars == [1, 2] && z.scalars == [2, 4])
}

@Test func sameShapeTensorsCombineElementwise() {
  let a = Tensor([1, 2, 3, 4], shape: [2, 2])
  let b = Tensor([10, 20, 30, 40], shape: [2, 2])
  #expect((a + b).scalars == [11, 22, 33, 44])
  #expect((b - a).scalars == [9, 18, 27, 36])
  #expect((a * b).scalars == [10, 40, 90, 160])
  #expect((b / a).scalars == [10, 10, 10, 10])
}

@Test func rowVectorBroadcastsOverRows() {
  let x = Tensor.arange(6).reshaped([2, 3])
  let bias = Tensor([10, 20, 30])
  #expect((x + bias).scalars == [10, 21, 32, 13, 24, 35])
  #expect((x + bias.reshaped([1, 3])).scalars == [10, 21, 32, 13, 24, 35])
  #expect((bias - x).scalars == [10, 19, 28, 7, 16, 25])
  var y = x
  y -= x.mean(axis: 0)
  #expect(y.scalars == [-1.5, -1.5, -1.5, 1.5, 1.5, 1.5])
}

@Test func columnAndGeneralBroadcasting() {
  let x = Tensor.arange(6).reshaped([2, 3])
  let column = Tensor([100, 200], shape: [2, 1])
  #expect((x + column).scalars == [100, 101, 102, 203, 204, 205])
  // [2, 1] with [3] broadcasts to [2, 3] (an outer sum).
  let outer = column + Tensor([1, 2, 3])
  #expect(outer.shape == [2, 3])
  #expect(outer.scalars == [101, 102, 103, 201, 202, 203])
}

@Test func comparisonsGiveZeroOneMasks() {
  let x = Tensor([-1, 0, 2])
  #expect((x .> 0).scalars == [0, 0, 1])
  #expect((x .>= 0).scalars == [0, 1, 1])
  #expect((x .< Tensor([0, 0, 0])).scalars == [1, 0, 0])
  #expect((x .== 0).scalars == [0, 1, 0])
  #expect((x * (x .> 0)).scalars == relu(x).scalars)
}

@Test func elementwiseMathFollowsNumpy() {
  let x = Tensor([-2, 0, 3])
  #expect(maximum(0, x).scalars == [0, 0, 3])
  #expect(minimum(x, 1).scalars == [-2, 0, 1])
  #expect(abs(x).scalars == [2, 0, 3])
  #expect(clip(x, -1, 1).scalars == [-1, 0, 1])
  #expect(sqrt(Tensor([4, 9])).scalars == [2, 3])
  #expect(exp(Tensor([0])).scalars == [1])
  #expect(log(Tensor([1])).scalars == [0])
  #expect(x.map { $0 * $0 }.scalars == [4, 0, 9])
}

/// `C[i, j] = Σ A[i, l]·B[l, j]`, checked against the triple loop in Double.
@Test func matmulEqualsTheTripleLoop() {
  var g = CounterRandom(seed: 11)
  let a = Tensor.randn([5, 7], using: &g)
  let b = Tensor.randn([7, 3], using: &g)
  let c = a.matmul(b)
  #expect(c.shape == [5, 3])
  for i in 0..<5 {
    for j in 0..<3 {
      var s = 0.0
      for l in 0..<7 { s += Double(a[i, l]) * Double(b[l, j]) }
      #expect(abs(Double(c[i, j]) - s) < 1e-5)
    }
  }
  #expect(a.dot(b) == c)
}

@Test func matmulTransposeFlagsEqualExplicitTransposes() {
  var g = CounterRandom(seed: 12)
  let a = Tensor.randn([4, 6], using: &g)
  let b = Tensor.randn([5, 6], using: &g)
  let expected = a.matmul(b.transposed())
  let fused = a.matmul(b, transposeA: false, transposeB: true)
  #expect(zip(fused.scalars, expected.scalars).allSatisfy { abs($0 - $1) < 1e-5 })
  let both = a.transposed().matmul(b, transposeA: true, transposeB: true)
  #expect(zip(both.scalars, expected.scalars).allSatisfy { abs($0 - $1) < 1e-5 })
}

@Test func matmulKnownProduct() {
  let a = Tensor([1, 2, 3, 4], shape: [2, 2])
  let b = Tensor([5, 6, 7, 8], shape: [2, 2])
  #expect(a.matmul(b).scalars == [19, 22, 43, 50])
}

@Test func matmulOfMismatchedShapesStopsWithBothShapes() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = Tensor.zeros([16, 4096]).matmul(Tensor.zeros([100, 10]))
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("matmul: shapes [16, 4096] and [100, 10] do not chain (4096 ≠ 100)"))
}

@Test(arguments: [(24, 600), (600, 24)], [false, true])
func largeProductsCutIntoSlicesAreExact(shape: (Int, Int), transposed: Bool) {
  // Large enough to be sliced: by columns when C is wide, by rows when tall,
  // with a partial last slice. Every row and column is checked against a
  // double-precision triple loop, so no slice can be misplaced.
  let (m, n) = shape
  let k = 300
  #expect(m * n * k >= BLAS.parallelWork && max(m, n) % BLAS.sliceWidth != 0)
  var g = CounterRandom(seed: 13)
  let a = transposed ? Tensor.randn([k, m], using: &g) : Tensor.randn([m, k], using: &g)
  let b = transposed ? Tensor.randn([n, k], using: &g) : Tensor.randn([k, n], using: &g)
  let c = a.matmul(b, transposeA: transposed, transposeB: transposed)
  #expect(c.shape == [m, n])
  func exact(_ i: Int, _ j: Int) -> Double {
    var s = 0.0
    for l in 0..<k {
      s += Double(transposed ? a[l, i] : a[i, l]) * Double(transposed ? b[j, l] : b[l, j])
    }
    return s
  }
  var worst = 0.0
  for i in 0..<m { worst = max(worst, abs(Double(c[i, i % n]) - exact(i, i % n))) }
  for j in 0..<n { worst = max(worst, abs(Double(c[j % m, j]) - exact(j % m, j))) }
  // Float32 sums of 300 products of N(0, 1) draws: errors of order 1e-5.
  #expect(worst < 1e-3)
}

@Test func eyeIsTheIdentity() {
  let i3 = Tensor.eye(3)
  #expect(i3.shape == [3, 3])
  for r in 0..<3 {
    for c in 0..<3 { #expect(i3[r, c] == (r == c ? 1 : 0)) }
  }
  let x = Tensor.arange(6).reshaped([3, 2])
  #expect(i3.matmul(x) == x)
  #expect(Tensor.eye(0).shape == [0, 0])
}

@Test func capitalTIsTheMatrixTranspose() {
  let x = Tensor.arange(6).reshaped([2, 3])
  #expect(x.T.shape == [3, 2])
  for i in 0..<2 {
    for j in 0..<3 { #expect(x.T[j, i] == x[i, j]) }
  }
  #expect(x.T.T == x)
}

@Test func capitalTOfAVectorSaysHowToMakeAColumn() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = Tensor([1, 2, 3]).T
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("T: needs a 2-d tensor, got shape [3]; for a column"))
}

@Test func flattenedKeepsRowMajorOrder() {
  let x = Tensor.arange(24).reshaped([2, 3, 4])
  let flat = x.flattened()
  #expect(flat.shape == [24] && flat.scalars == x.scalars)
  #expect(Tensor([5], shape: []).flattened().shape == [1])
}

/// `x[i, j] = 4i + j` for an arange reshaped to `[3, 4]`.
@Test func columnSubscriptAndColumnSlices() {
  var x = Tensor.arange(12).reshaped([3, 4])
  #expect(x[column: 2].shape == [3])
  #expect(x[column: 2].scalars == [2, 6, 10])
  let middle = x.columns(1..<3)
  #expect(middle.shape == [3, 2])
  for i in 0..<3 {
    for j in 0..<2 { #expect(middle[i, j] == Float(4 * i + j + 1)) }
  }
  #expect(x.columns(1...2) == middle)
  #expect(x.columns(2..<2).shape == [3, 0])
  x[column: 0] = Tensor([-1, -2, -3])
  #expect(x.scalars == [-1, 1, 2, 3, -2, 5, 6, 7, -3, 9, 10, 11])
}

@Test func columnOutsideTheMatrixNamesTheShape() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = Tensor.zeros([2, 3])[column: 3]
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("subscript(column:): column 3 is outside 0..<3 for shape [2, 3]"))
}

@Test func methodFormsEqualTheFreeFunctions() {
  let x = Tensor([0.25, 1, 4, 9])
  #expect(x.sqrt().scalars == [0.5, 1, 2, 3])
  #expect(Tensor([-2, 0, 3]).abs().scalars == [2, 0, 3])
  #expect(Tensor([0]).exp().scalars == [1] && Tensor([1]).log().scalars == [0])
  #expect(x.exp() == exp(x) && x.log() == log(x))
  #expect(x.sqrt() == sqrt(x) && (-x).abs() == abs(-x))
}

/// numpy's `allclose`: |a − b| ≤ atol + rtol·|b|, with b the reference.
/// The numbers are powers of two, so each bound is exact.
@Test func allCloseFollowsNumpysFormula() {
  let b = Tensor([1024])
  #expect(allClose(Tensor([1025]), b, rtol: 0x1p-10, atol: 0))  // 1 ≤ 1
  #expect(!allClose(Tensor([1025.125]), b, rtol: 0x1p-10, atol: 0))
  #expect(allClose(Tensor([1024.5]), b, rtol: 0, atol: 0.5))
  #expect(!allClose(Tensor([1024.5]), b, rtol: 0, atol: 0.25))
  // Not symmetric: |2 − 1| > 0.5·1, but |1 − 2| ≤ 0.5·2.
  #expect(!allClose(Tensor([2]), Tensor([1]), rtol: 0.5, atol: 0))
  #expect(allClose(Tensor([1]), Tensor([2]), rtol: 0.5, atol: 0))
  // numpy's defaults allow 1e-5 + 1e-8 at 1: 2⁻¹⁷ ≈ 7.6e-6 is within, 2⁻¹⁶ ≈ 1.5e-5 not.
  #expect(allClose(Tensor([1 + 0x1p-17]), Tensor([1])))
  #expect(!allClose(Tensor([1 + 0x1p-16]), Tensor([1])))
}

@Test func allCloseTreatsNaNAndInfinityAsNumpyDoes() {
  let inf = Float.infinity
  #expect(!allClose(Tensor([.nan]), Tensor([.nan])))
  #expect(allClose(Tensor([inf, -inf]), Tensor([inf, -inf])))
  #expect(!allClose(Tensor([inf]), Tensor([-inf])))
  #expect(!allClose(Tensor([1]), Tensor([inf]), rtol: 1, atol: 1))
  #expect(!allClose(Tensor([inf]), Tensor([1]), rtol: 1, atol: 1))
}

@Test func allCloseBroadcasts() {
  #expect(allClose(Tensor.full([2, 3], 5), Tensor([5])))
  #expect(!allClose(Tensor.full([2, 3], 5), Tensor([5, 5, 6])))
}

@Test func allCloseOfShapesThatDoNotBroadcastNamesThem() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = allClose(Tensor.zeros([2]), Tensor.zeros([3]))
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("allClose: shapes [2] and [3] do not broadcast (2 ≠ 3)"))
}

/// The format `Tensor.description` documents: shape, then at most 8
/// elements in row-major order.
@Test func printingShowsTheShapeAndTheFirstEightElements() {
  #expect(
    "\(Tensor.arange(6).reshaped([2, 3]))" == "Tensor([2, 3]: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0])")
  #expect(
    "\(Tensor.arange(20).reshaped([4, 5]))"
      == "Tensor([4, 5]: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, …])")
  #expect("\(Tensor([2.5], shape: []))" == "Tensor([]: [2.5])")
}

@Test func descriptionPrintsNaNWithoutItsSign() {
  // 0xFFC0_0000 is the quiet NaN with the sign bit set, what x86 makes of 0 / 0.
  let negativeNaN = Float(bitPattern: 0xFFC0_0000)
  #expect(negativeNaN.isNaN && negativeNaN.sign == .minus)
  #expect(Tensor([negativeNaN, 1.5]).description == "Tensor([2]: [nan, 1.5])")
  #expect(Tensor([Float.nan]).description == "Tensor([1]: [nan])")
}

@Test func negativeExtentNamesTheCallAndTheShape() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = Tensor.zeros([-1, 3])
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(
    text.contains(
      "Tensor.zeros: shape [-1, 3] has a negative extent (-1 in dimension 0); "
        + "every extent must be ≥ 0"), "\(text)")
  #expect(!text.contains("Tensor(shape:repeating:)"))
}

@Test func negativeExtentInARandomTensorNamesRandn() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = Tensor.randn([4, -2])
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("Tensor.randn: shape [4, -2] has a negative extent (-2 in dimension 1)"))
}
