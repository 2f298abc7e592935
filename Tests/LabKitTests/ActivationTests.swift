import Testing

@testable import LabKit

let allActivations: [Activation] = [
  .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu(alpha: 1.3), .gelu, .geluApproximate,
]

/// f′ against the central difference (f(x+h) - f(x-h)) / 2h in Double, whose
/// error is O(h²·f‴) ≈ 1e-10 at h = 1e-5, plus rounding ≈ ε/h ≈ 1e-11.
/// Points avoid the kinks at 0 of ReLU, leaky ReLU and ELU.
@Test(arguments: allActivations)
func derivativeMatchesCentralDifferences(_ activation: Activation) {
  let h = 1e-5
  for x in [-4.0, -2.5, -1.0, -0.3, -0.01, 0.02, 0.5, 1.0, 2.0, 3.7] {
    let numeric = (activation.value(x + h) - activation.value(x - h)) / (2 * h)
    #expect(abs(activation.derivative(x) - numeric) < 1e-8, "\(activation) at \(x)")
  }
}

@Test(arguments: allActivations)
func tensorPathAgreesWithScalarFormula(_ activation: Activation) {
  let xs: [Float] = [-3, -0.5, 0, 0.25, 2]
  let y = activation(Tensor(xs))
  let dy = activation.derivative(Tensor(xs))
  for (i, x) in xs.enumerated() {
    #expect(y.scalars[i] == Float(activation.value(Double(x))))
    #expect(dy.scalars[i] == Float(activation.derivative(Double(x))))
  }
}

/// Published or closed-form values: σ(0) = ½, σ(ln 3) = ¾, tanh(ln 2) = 3/5,
/// Φ(1) = 0.8413447460685429 (normal tables), so GELU(1) = Φ(1) and
/// GELU(-1) = Φ(1) - 1; ELU(-1) = α(1/e - 1).
@Test func activationsHitKnownValues() {
  #expect(Activation.sigmoid.value(0) == 0.5)
  #expect(abs(Activation.sigmoid.value(lnThree) - 0.75) < 1e-15)
  #expect(abs(Activation.tanh.value(0.6931471805599453) - 0.6) < 1e-15)
  #expect(abs(Activation.gelu.value(1) - 0.8413447460685429) < 1e-15)
  #expect(abs(Activation.gelu.value(-1) - (0.8413447460685429 - 1)) < 1e-15)
  #expect(abs(Activation.elu(alpha: 2).value(-1) - 2 * (0.36787944117144233 - 1)) < 1e-15)
  #expect(Activation.relu.value(-2) == 0 && Activation.relu.value(2) == 2)
  #expect(Activation.leakyReLU(slope: 0.1).value(-2) == -0.2)
  // x·σ(1.702x) at x = 1: 1 / (1 + e^-1.702), e^-1.702 from Python's math.exp.
  #expect(abs(Activation.geluApproximate.value(1) - 1 / (1 + 0.182318522128221)) < 1e-12)
}

@Test func sigmoidDoesNotOverflowFarOut() {
  #expect(Activation.sigmoid.value(-800) == 0)
  #expect(Activation.sigmoid.value(800) == 1)
  #expect(sigmoid(Tensor([-1000, 1000])).scalars == [0, 1])
}

@Test func freeFunctionsMatchTheLecturesFormulas() {
  let x = Tensor([-2, -0.5, 0, 1.5])
  #expect(relu(x) == maximum(0, x))
  // The slide's leaky ReLU: max(0.1x, x).
  #expect(leakyReLU(x, slope: 0.1) == maximum(x * 0.1, x))
  #expect(tanh(x).scalars[3] == Float(0.9051482536448664))
  #expect(elu(x).scalars[0] == Float(0.1353352832366127 - 1))
  #expect(gelu(x).scalars[2] == 0)
  #expect(geluApproximate(x).scalars[2] == 0)
}

/// ln 3, where σ(x) = 3/4.
private let lnThree = 1.0986122886681098

@Test func largeTensorsAreMappedInPiecesWithTheSameResults() {
  // Over one piece, so the map is split across threads; each element must
  // still be f of its own input, in its own place.
  var g = CounterRandom(seed: 21)
  let x = Tensor.randn([3, Tensor.mapPiece + 1001], using: &g) * 3
  for f in allActivations {
    #expect(f(x).scalars == x.scalars.map { Float(f.value(Double($0))) }, "\(f)")
    #expect(
      f.derivative(x).scalars == x.scalars.map { Float(f.derivative(Double($0))) }, "\(f)′")
  }
}
