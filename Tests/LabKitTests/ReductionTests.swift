import Testing

@testable import LabKit

/// For 0, 1, …, n-1: mean (n-1)/2, population variance (n²-1)/12.
@Test func reductionsOfARangeFollowClosedForms() {
  let n = 10
  let x = Tensor.arange(n)
  #expect(x.sum() == 45)
  #expect(x.mean() == 4.5)
  #expect(x.variance() == Float(n * n - 1) / 12)
  #expect(x.std() == (Float(n * n - 1) / 12).squareRoot())
  #expect(x.min() == 0 && x.max() == 9)
}

/// Accumulating in Double: 10⁶ copies of 0.1 sum to 100000 within float
/// rounding of the result, where a Float accumulator drifts by ~1%.
@Test func sumsAccumulateInDouble() {
  let x = Tensor(shape: [1_000_000], repeating: 0.1)
  #expect(abs(x.sum() - 100_000) < 0.01)
  #expect(abs(x.mean() - 0.1) < 1e-7)
  #expect(x.std() < 1e-6)
}

@Test func axisReductionsDropTheAxis() {
  let x = Tensor([1, 2, 3, 4, 5, 9], shape: [2, 3])
  #expect(x.sum(axis: 0).scalars == [5, 7, 12])
  #expect(x.sum(axis: 1).scalars == [6, 18])
  #expect(x.mean(axis: 0).scalars == [2.5, 3.5, 6])
  #expect(x.mean(axis: -1).scalars == [2, 6])
  #expect(x.max(axis: 1).scalars == [3, 9])
  #expect(x.min(axis: 0).scalars == [1, 2, 3])
  // Row 0: deviations -1, 0, 1 → variance 2/3; row 1: 4, 5, 9 → mean 6,
  // deviations -2, -1, 3 → variance 14/3.
  let v = x.variance(axis: 1).scalars
  #expect(abs(v[0] - 2.0 / 3) < 1e-6 && abs(v[1] - 14.0 / 3) < 1e-6)
  #expect(abs(x.std(axis: 1).scalars[1] - (Float(14) / 3).squareRoot()) < 1e-6)
  #expect(x.argmax(axis: 1) == [2, 2])
  #expect(x.argmax(axis: 0) == [1, 1, 1])
}

@Test func reductionsOverAThreeDimensionalTensor() {
  let x = Tensor.arange(24).reshaped([2, 3, 4])
  let s = x.sum(axis: 1)
  #expect(s.shape == [2, 4])
  // Σ over j of (12i + 4j + k) = 36i + 12 + 3k.
  #expect(s.scalars == [12, 15, 18, 21, 48, 51, 54, 57])
}

@Test func argmaxTakesTheFirstOfTies() {
  #expect(Tensor([3, 1, 3], shape: [1, 3]).argmax(axis: 1) == [0])
}

@Test func layerStatisticsAreMeanAndPopulationStd() {
  let stats = LayerStatistics.of([Tensor([1, 3]), Tensor([2, 2, 2, 6])])
  #expect(stats[0].mean == 2 && stats[0].std == 1)
  #expect(stats[1].mean == 3 && abs(stats[1].std - Float(3).squareRoot()) < 1e-6)
}

@Test func argminFindsTheFirstSmallestOfEachLane() {
  let x = Tensor([3, 1, 1, 0, 5, -2], shape: [2, 3])
  #expect(x.argmin(axis: 1) == [1, 2])
  #expect(x.argmin(axis: 0) == [1, 0, 1])
  #expect(x.argmin(axis: -1) == [1, 2])
}

/// The flat forms index the row-major order: element [i, j] of an
/// `[m, n]` matrix is at i·n + j.
@Test func flatArgmaxAndArgminIndexRowMajorOrder() {
  let x = Tensor([4, 9, 9, -1, 0, -1], shape: [2, 3])
  #expect(x.argmax() == 0 * 3 + 1)
  #expect(x.argmin() == 1 * 3 + 0)
  #expect(Tensor([2], shape: []).argmax() == 0)
}

/// numpy returns the first NaN for both argmax and argmin.
@Test func argmaxAndArgminReturnTheFirstNaN() {
  let x = Tensor([1, .nan, 0, .nan], shape: [1, 4])
  #expect(x.argmax(axis: 1) == [1] && x.argmin(axis: 1) == [1])
  #expect(x.argmax() == 1 && x.argmin() == 1)
}

@Test func argmaxAndArgminMatchNumpyAlongEveryAxis() throws {
  var g = CounterRandom(seed: 21)
  let x = Tensor.randn([3, 4, 5], using: &g)
  // A Float's description is the shortest text that reads back exactly.
  let text = x.scalars.map { "\($0)" }.joined(separator: " ")
  guard
    let out = try numpyWithInput(
      """
      import sys
      x = np.array(sys.stdin.read().split(), dtype=np.float32).reshape(3, 4, 5)
      for axis in (0, 1, 2, -1):
          print(*x.argmax(axis=axis).ravel())
          print(*x.argmin(axis=axis).ravel())
      print(x.argmax(), x.argmin())
      """, input: text)
  else { return }
  let lines = out.split(separator: "\n").map { doubles(String($0)).map { Int($0) } }
  var ours: [[Int]] = []
  for axis in [0, 1, 2, -1] { ours += [x.argmax(axis: axis), x.argmin(axis: axis)] }
  ours.append([x.argmax(), x.argmin()])
  #expect(lines == ours)
}

@Test func keepdimsKeepsTheReducedAxisAsOne() {
  let x = Tensor([1, 2, 3, 4, 5, 9], shape: [2, 3])
  let rowSums = x.sum(axis: 1, keepdims: true)
  #expect(rowSums.shape == [2, 1] && rowSums.scalars == [6, 18])
  #expect(x.mean(axis: 0, keepdims: true).shape == [1, 3])
  #expect(x.mean(axis: 0, keepdims: false) == x.mean(axis: 0))
  #expect(x.max(axis: -1, keepdims: true).shape == [2, 1])
  #expect(x.min(axis: 0, keepdims: true).scalars == [1, 2, 3])
  #expect(x.variance(axis: 1, keepdims: true).shape == [2, 1])
  #expect(x.std(axis: 1, keepdims: true).shape == [2, 1])

  // Broadcasting back: each row divided by its own sum sums to 1, and each
  // row shifted by its own maximum has maximum 0.
  let normalised = x / rowSums
  #expect(abs(normalised[0, 2] - 3.0 / 6) < 1e-7 && abs(normalised[1, 2] - 9.0 / 18) < 1e-7)
  #expect((x - x.max(axis: 1, keepdims: true)).max(axis: 1).scalars == [0, 0])
}

@Test func keepdimsOnAThreeDimensionalTensor() {
  let x = Tensor.arange(24).reshaped([2, 3, 4])
  let s = x.sum(axis: 1, keepdims: true)
  #expect(s.shape == [2, 1, 4])
  // Σ over j of (12i + 4j + k) = 36i + 12 + 3k, as without keepdims.
  #expect(s.scalars == [12, 15, 18, 21, 48, 51, 54, 57])
}

@Test func argminOfAnAxisOutOfRangeNamesTheShape() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = Tensor.zeros([2, 3]).argmin(axis: 2)
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("argmin(axis:): axis 2 is out of range for shape [2, 3]"))
}
