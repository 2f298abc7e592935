import Testing

@testable import LabKit

@Test func fansFollowDenseAndConvolutionConventions() {
  #expect(Init.fans([4096, 1024]) == (fanIn: 4096, fanOut: 1024))
  #expect(Init.fans([128, 64, 3, 3]) == (fanIn: 576, fanOut: 1152))
  #expect(Init.fans([10]) == (fanIn: 10, fanOut: 10))
}

/// PyTorch's `calculate_gain` values and He et al.'s leaky formula.
@Test func gainsHaveTheirPublishedValues() {
  #expect(Gain.linear.value == 1)
  #expect(Gain.sigmoid.value == 1)
  #expect(Gain.tanh.value == Float(5.0 / 3.0))
  #expect(Gain.relu.value == Float(2).squareRoot())
  #expect(Gain.selu.value == 0.75)
  #expect(abs(Gain.leakyReLU(slope: 0.1).value - Float(2 / 1.01).squareRoot()) < 1e-7)
  #expect(Gain.leakyReLU(slope: 0).value == Gain.relu.value)
}

/// The sample std of n draws has relative standard error ≈ 1/√(2n); with
/// n = 65,536 that is 0.28%, so 5 standard errors is 1.4%.
func expectStd(_ t: Tensor, _ expected: Float, _ label: String) {
  let tolerance = 5 / Float(2 * t.count).squareRoot()
  #expect(abs(t.std() / expected - 1) < tolerance, "\(label): std \(t.std()) vs \(expected)")
  #expect(abs(t.mean()) < 5 * expected / Float(t.count).squareRoot(), "\(label): mean")
}

@Test func initialisersDrawWithTheirFormulasSpread() {
  var g = CounterRandom(seed: 21)
  let shape = [256, 256]
  let din: Float = 256
  expectStd(Init.xavierNormal(shape, using: &g), (2 / (din + din)).squareRoot(), "xavierNormal")
  // U[-a, a] has std a/√3, so xavierUniform matches xavierNormal's std.
  expectStd(Init.xavierUniform(shape, using: &g), (2 / (din + din)).squareRoot(), "xavierUniform")
  expectStd(Init.kaimingNormal(shape, using: &g), (2 / din).squareRoot(), "kaimingNormal")
  expectStd(Init.kaimingUniform(shape, using: &g), (2 / din).squareRoot(), "kaimingUniform")
  expectStd(
    Init.kaimingNormal([256, 64, 2, 2], gain: .linear, mode: .fanOut, using: &g),
    1 / Float(1024).squareRoot(), "kaimingNormal fanOut")
  expectStd(Init.normal(shape, std: 0.01, using: &g), 0.01, "normal")
}

@Test func uniformInitialisersStayInTheirBounds() {
  var g = CounterRandom(seed: 22)
  let bound = (6 / Float(300 + 100)).squareRoot()
  let x = Init.xavierUniform([300, 100], using: &g)
  #expect(x.min() >= -bound && x.max() <= bound)
  let u = Init.uniform([1000], low: 2, high: 3, using: &g)
  #expect(u.min() >= 2 && u.max() < 3)
}

@Test func constantAndZerosInitialisers() {
  #expect(Init.zeros([2, 2]).scalars == [0, 0, 0, 0])
  #expect(Init.constant([3], 0.5).scalars == [0.5, 0.5, 0.5])
}

@Test func globalInitDrawsWhatRandnWouldDraw() {
  Random.seed(3)
  let w = Init.normal([4, 4], std: 0.5)
  Random.seed(3)
  #expect(w == Tensor.randn([4, 4]) * 0.5)
}
