import Testing

@testable import LabKit

/// Hand-computed updates on θ = [1, −2] with gradients g₁ = [0.5, 0.25]
/// then g₂ = [−1, 0.5], learning rate 0.1.
let theta0 = Tensor([1, -2])
let g1 = Tensor([0.5, 0.25])
let g2 = Tensor([-1, 0.5])

func twoSteps<O: Optimizer>(_ optimizer: O) -> (Tensor, Tensor) {
  var o = optimizer
  var p = [theta0]
  o.step(&p, gradients: [g1])
  let first = p[0]
  o.step(&p, gradients: [g2])
  return (first, p[0])
}

func expectClose(
  _ a: Tensor, _ b: [Float], _ tolerance: Float = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    zip(a.scalars, b).allSatisfy { abs($0 - $1) <= tolerance }, "\(a.scalars) vs \(b)",
    sourceLocation: sourceLocation)
}

@Test func sgdStepsAgainstTheGradient() {
  let (first, second) = twoSteps(SGD(learningRate: 0.1))
  expectClose(first, [0.95, -2.025])
  expectClose(second, [1.05, -2.075])
}

@Test func momentumAccumulatesVelocity() {
  // v₁ = g₁ = [.5, .25]; v₂ = .9v₁ + g₂ = [−.55, .725].
  let (first, second) = twoSteps(SGD(learningRate: 0.1, momentum: 0.9))
  expectClose(first, [0.95, -2.025])
  expectClose(second, [1.005, -2.0975])
}

@Test func nesterovStepsAlongGradientPlusVelocity() {
  // Step 1: g₁ + .9v₁ = [.95, .475]; step 2: g₂ + .9v₂ = [−1.495, 1.1525].
  let (first, second) = twoSteps(SGD(learningRate: 0.1, momentum: 0.9, nesterov: true))
  expectClose(first, [0.905, -2.0475])
  expectClose(second, [1.0545, -2.16275])
}

@Test func adagradDividesByAccumulatedRoot() {
  // s₁ = [.25, .0625] → step .1·sign(g₁); s₂ = [1.25, .3125].
  let (first, second) = twoSteps(Adagrad(learningRate: 0.1, epsilon: 0))
  expectClose(first, [0.9, -2.1])
  expectClose(second, [0.98944272, -2.18944272], 1e-5)
}

@Test func rmspropUsesALeakyAverage() {
  // β = .9: s₁ = .1g₁², step .1/√.1 · sign(g₁) = .316228 each way.
  let (first, second) = twoSteps(RMSProp(learningRate: 0.1, decay: 0.9, epsilon: 0))
  expectClose(first, [0.683772, -2.316228])
  // s₂ = [.9·.025 + .1, .9·.00625 + .025] = [.1225, .030625].
  expectClose(second, [0.683772 + 0.1 / 0.35, -2.316228 - 0.05 / 0.175], 1e-5)
}

@Test func adamCorrectsItsBias() {
  // Step 1: m̂ = g₁, v̂ = g₁², so θ moves by α·sign(g₁). Step 2 computed
  // in numpy: m̂ = (.9·.1g₁ + .1g₂)/.19, v̂ = (.999·.001g₁² + .001g₂²)/.001999.
  let (first, second) = twoSteps(Adam(learningRate: 0.1, epsilon: 0))
  expectClose(first, [0.9, -2.1])
  expectClose(second, [0.93661035, -2.1965182], 1e-5)
}

@Test func aScheduleCanChangeTheLearningRateBetweenSteps() {
  var o = SGD(learningRate: 0.1)
  var p = [theta0]
  o.step(&p, gradients: [g1])
  o.learningRate = 0.01
  o.step(&p, gradients: [g1])
  expectClose(p[0], [1 - 0.05 - 0.005, -2 - 0.025 - 0.0025])
}

@Test func optimizerStepsALayersParameters() {
  var layer = Linear(weight: Tensor.ones([2, 1]), bias: Tensor.zeros([1]))
  _ = layer.forward(Tensor([1, 2], shape: [1, 2]))
  _ = layer.backward(Tensor([1], shape: [1, 1]))
  var o = SGD(learningRate: 0.5)
  o.step(&layer)
  // dW = xᵀ·dy = [1, 2], db = 1.
  expectClose(layer.weight, [0.5, 0])
  expectClose(layer.bias, [-0.5])
}
