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
