import Testing

@testable import LabKit

/// Inverted dropout, keep p = 0.5, on 4,000 inputs all equal to 3: each
/// output is 0 or 6, so the mean of one pass has sd 3/√4000 ≈ 0.047; over
/// 25 passes 0.0095. We allow 5 sd: |mean − 3| < 0.05.
@Test func invertedDropoutLayerKeepsTheExpectation() {
  var layer = DropoutLayer(keepProbability: 0.5, mode: .inverted, generator: CounterRandom(seed: 1))
  let x = Tensor.full([1, 4000], 3)
  var total = 0.0
  for _ in 0..<25 { total += Double(layer.forward(x).mean()) }
  #expect(abs(total / 25 - 3) < 0.05)
  layer.isTraining = false
  #expect(layer.forward(x) == x)
}

/// Vanilla dropout, keep p = 0.8: train-time mean E[x·m] = 0.8·x, which is
/// the test-time output. Per pass sd of the mean: 3·√(.8·.2/4000) ≈ 0.019;
/// over 25 passes 0.0038; 5 sd ≈ 0.02.
@Test func vanillaDropoutLayerMatchesTestTimeScaling() {
  var layer = DropoutLayer(keepProbability: 0.8, mode: .vanilla, generator: CounterRandom(seed: 2))
  let x = Tensor.full([1, 4000], 3)
  var total = 0.0
  for _ in 0..<25 { total += Double(layer.forward(x).mean()) }
  layer.isTraining = false
  let test = layer.forward(x)
  #expect(abs(test.mean() - 2.4) < 1e-6)
  #expect(abs(total / 25 - 2.4) < 0.02)
}

@Test func batchNormNormalisesEachFeatureInTraining() {
  var g = CounterRandom(seed: 3)
  var layer = BatchNorm1d(4)
  let y = layer.forward(Tensor.randn([32, 4], using: &g) * 5 + 2)
  for f in 0..<4 {
    let column = Tensor((0..<32).map { y[$0, f] })
    #expect(abs(column.mean()) < 1e-5)
    // Variance σ²/(σ² + ε) with σ² ≈ 25: 1 to within 1e-5.
    #expect(abs(column.variance() - 1) < 1e-4)
  }
}

@Test func batchNormUsesRunningStatisticsAtTest() throws {
  var layer = BatchNorm1d(2, momentum: 1)
  let x = Tensor([1, 10, 2, 20, 6, 30], shape: [3, 2])
  _ = layer.forward(x)
  layer.isTraining = false
  let y = layer.forward(Tensor([3, 20], shape: [1, 2]))
  guard
    let out = try numpy(
      """
      x = np.array([[1, 10], [2, 20], [6, 30]], float)
      m = x.mean(0); v = x.var(0, ddof=1)
      print(*((np.array([3, 20]) - m) / np.sqrt(v + 1e-5)))
      """)
  else { return }
  let expected = doubles(out)
  #expect(abs(Double(y[0, 0]) - expected[0]) < 1e-5)
  #expect(abs(Double(y[0, 1]) - expected[1]) < 1e-5)
}

@Test func stochasticDepthScalesTheBranchAtTest() {
  let branch = Sequential(Linear(weight: Tensor.ones([2, 2]), bias: Tensor.zeros([2])))
  var block = Residual(branch, survivalProbability: 0.25)
  block.isTraining = false
  // x = [1, 2]: F(x) = [3, 3]; y = x + 0.25·F(x).
  #expect(block.forward(Tensor([1, 2], shape: [1, 2])).scalars == [1.75, 2.75])
}

@Test func sequentialSetsParametersBackInOrder() {
  var model = Sequential(Linear(2, 3), ActivationLayer(.relu), Linear(3, 1))
  #expect(model.parameters.map(\.shape) == [[2, 3], [3], [3, 1], [1]])
  model.parameters = model.parameters.map { Tensor.zeros($0.shape) }
  #expect(model.forward(Tensor.ones([4, 2])) == Tensor.zeros([4, 1]))
  #expect(model.parameterNames == ["weight", "bias", "weight", "bias"])
}
