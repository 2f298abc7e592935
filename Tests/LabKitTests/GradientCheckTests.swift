import Testing

@testable import LabKit

/// Every layer and loss: backward against central finite differences, with
/// the relative error ‖a − n‖ / (‖a‖ + ‖n‖) below 1e-3 (GradientCheck's doc).

/// Normal draws pushed at least `gap` away from 0, so no finite-difference
/// step of 1e-2 crosses ReLU's kink.
func awayFromZero(_ shape: [Int], gap: Float = 0.1, seed: UInt64) -> Tensor {
  var g = CounterRandom(seed: seed)
  return Tensor.randn(shape, using: &g).map { $0 >= 0 ? $0 + gap : $0 - gap }
}

func expectGradientsMatch<L: Layer>(
  _ layer: L, _ x: Tensor, sourceLocation: SourceLocation = #_sourceLocation
) {
  let result = GradientCheck.check(layer, input: x)
  #expect(result.input < 1e-3, "input gradient", sourceLocation: sourceLocation)
  for (k, error) in result.parameters.enumerated() {
    #expect(error < 1e-3, "parameter \(k)", sourceLocation: sourceLocation)
  }
}

@Test func linearBackwardMatchesFiniteDifferences() {
  var g = CounterRandom(seed: 2)
  let layer = Linear(weight: Tensor.randn([5, 3], using: &g), bias: Tensor.randn([3], using: &g))
  expectGradientsMatch(layer, Tensor.randn([4, 5], using: &g))
}

@Test(arguments: [
  Activation.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu(alpha: 1), .gelu,
  .geluApproximate,
])
func activationLayerBackwardMatchesFiniteDifferences(_ activation: Activation) {
  expectGradientsMatch(ActivationLayer(activation), awayFromZero([3, 4], seed: 3))
}

@Test(arguments: [DropoutLayer.Mode.vanilla, .inverted])
func dropoutLayerBackwardUsesForwardsMask(_ mode: DropoutLayer.Mode) {
  var layer = DropoutLayer(keepProbability: 0.6, mode: mode, generator: CounterRandom(seed: 4))
  expectGradientsMatch(layer, awayFromZero([4, 6], seed: 5))
  layer.isTraining = false
  expectGradientsMatch(layer, awayFromZero([4, 6], seed: 5))
}

@Test func batchNormBackwardMatchesFiniteDifferencesInBothModes() {
  var g = CounterRandom(seed: 6)
  var layer = BatchNorm1d(3)
  layer.gamma = Tensor([1.5, -0.5, 2])
  layer.beta = Tensor([0.1, 0.2, -0.3])
  let x = Tensor.randn([6, 3], using: &g) * 2 + 1
  expectGradientsMatch(layer, x)
  layer.runningMean = Tensor([0.5, -1, 0])
  layer.runningVariance = Tensor([2, 0.5, 1])
  layer.isTraining = false
  expectGradientsMatch(layer, x)
}

@Test func sequentialAndResidualBackwardMatchFiniteDifferences() {
  var g = CounterRandom(seed: 7)
  let branch = Sequential(
    Linear(weight: Tensor.randn([4, 4], using: &g) * 0.5),
    ActivationLayer(.tanh), Linear(weight: Tensor.randn([4, 4], using: &g) * 0.5))
  let model = Sequential(
    Linear(weight: Tensor.randn([3, 4], using: &g), bias: Tensor.randn([4], using: &g)),
    // Batch norm after the activation: right after a Linear it would make
    // that bias's true gradient 0, leaving only round-off to compare.
    ActivationLayer(.tanh), BatchNorm1d(4),
    Residual(branch, survivalProbability: 1, generator: CounterRandom(seed: 8)),
    Linear(weight: Tensor.randn([4, 2], using: &g)))
  expectGradientsMatch(model, Tensor.randn([5, 3], using: &g))
  var evaluation = model
  evaluation.isTraining = false
  expectGradientsMatch(evaluation, Tensor.randn([5, 3], using: &g))
}

@Test func stochasticDepthBackwardMatchesWhetherTheBranchRunsOrNot() {
  var g = CounterRandom(seed: 9)
  let branch = Sequential(Linear(weight: Tensor.randn([3, 3], using: &g)))
  // Seeds chosen so that both outcomes of the keep/skip draw occur.
  var outcomes: Set<Bool> = []
  for seed in UInt64(0)..<8 {
    var block = Residual(branch, survivalProbability: 0.5, generator: CounterRandom(seed: seed))
    let x = Tensor.randn([2, 3], using: &g)
    expectGradientsMatch(block, x)
    outcomes.insert(block.forward(x) != x)
  }
  #expect(outcomes == [true, false])
}

@Test(arguments: [Float(0), 0.1, 0.3])
func softmaxCrossEntropyGradientMatchesFiniteDifferences(_ epsilon: Float) {
  var g = CounterRandom(seed: 10)
  let scores = Tensor.randn([4, 5], using: &g) * 2
  let error = GradientCheck.check(
    loss: { softmaxCrossEntropy($0, labels: [0, 3, 4, 1], labelSmoothing: epsilon) },
    at: scores)
  #expect(error < 1e-3)
}

@Test func multiclassHingeGradientMatchesFiniteDifferences() {
  // Integer scores: every margin s_j − s_y + 1 is a whole number, at least
  // 1 away from the kink unless it is exactly 0; shift by 0.5 to avoid 0.
  let scores = Tensor([3, 5, -2, 1, 4, 2, 2, 2, -3], shape: [3, 3]) + 0.5
  let shifted = scores.map { $0 }
  var s = shifted
  s[0, 0] += 0.25
  let error = GradientCheck.check(
    loss: { multiclassHinge($0, labels: [0, 1, 2]) }, at: s)
  #expect(error < 1e-3)
}

@Test(arguments: [Regularizer.l2(0.3), .l1(0.2), .elasticNet(l1: 0.1, l2: 0.4)])
func regularizerGradientMatchesFiniteDifferences(_ regularizer: Regularizer) {
  let w = awayFromZero([3, 4], seed: 11)
  let numeric = GradientCheck.numericalGradient(at: w) { regularizer.penalty($0) }
  #expect(GradientCheck.relativeError(regularizer.gradient(w), numeric) < 1e-3)
}

/// A layer whose backward forgets the factor 2 of y = 2x: the check must
/// catch it (a check that cannot fail would prove nothing).
struct WrongDouble: Layer {
  mutating func forward(_ x: Tensor) -> Tensor { x * 2 }
  mutating func backward(_ dy: Tensor) -> Tensor { dy }
}

@Test func gradientCheckCatchesAWrongBackward() {
  let result = GradientCheck.check(WrongDouble(), input: Tensor([1, 2, 3], shape: [1, 3]))
  // ‖g − 2g‖ / (‖g‖ + ‖2g‖) = 1/3.
  #expect(abs(result.input - 1.0 / 3) < 1e-3)
}
