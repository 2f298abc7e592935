import Foundation
import Testing

@testable import LabKit

/// Sample mean and population variance of `n` draws.
func moments(_ n: Int, _ draw: () -> Double) -> (mean: Double, variance: Double) {
  let xs = (0..<n).map { _ in draw() }
  let mean = xs.reduce(0, +) / Double(n)
  return (mean, xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n))
}

/// Beta(a, b): mean a/(a+b), variance ab/((a+b)²(a+b+1)). With n = 40,000 the
/// mean's standard error is √(variance/n); we allow 5 of them, and 10% on the
/// variance (its relative se is ≈ √(2/n) ≈ 0.7% for these shapes, 1.2% at
/// most with the excess kurtosis of Beta(0.4, 0.4)).
@Test(arguments: [(0.4, 0.4), (2.0, 2.0), (2.0, 5.0)])
func betaDrawsHaveBetaMoments(_ shapes: (Double, Double)) {
  let (a, b) = shapes
  var g = CounterRandom(seed: 51)
  let n = 40_000
  let m = moments(n) { Random.beta(a, b, using: &g) }
  let mean = a / (a + b)
  let variance = a * b / ((a + b) * (a + b) * (a + b + 1))
  #expect(abs(m.mean - mean) < 5 * (variance / Double(n)).squareRoot())
  #expect(abs(m.variance / variance - 1) < 0.1)
}

/// Gamma(k): mean k, variance k.
@Test(arguments: [0.5, 1.0, 3.0])
func gammaDrawsHaveGammaMoments(_ k: Double) {
  var g = CounterRandom(seed: 52)
  let n = 40_000
  let m = moments(n) { Random.gamma(shape: k, using: &g) }
  #expect(abs(m.mean - k) < 5 * (k / Double(n)).squareRoot())
  #expect(abs(m.variance / k - 1) < 0.1)
}

/// ln x is U[ln 1e-5, ln 1e-1]: mean of log10 x is -3, all draws in range.
@Test func logUniformIsUniformInTheExponent() {
  var g = CounterRandom(seed: 53)
  let n = 20_000
  let xs = (0..<n).map { _ in Random.logUniform(1e-5...1e-1, using: &g) }
  #expect(xs.allSatisfy { $0 >= 1e-5 && $0 <= 1e-1 })
  let exponents = xs.map { Foundation.log10($0) }
  // U[-5, -1] has sd 4/√12; the mean's se is that over √n.
  let mean = exponents.reduce(0, +) / Double(n)
  #expect(abs(mean + 3) < 5 * (4 / 12.0.squareRoot()) / Double(n).squareRoot())
}

@Test func scalarNormalAndUniformMoments() {
  var g = CounterRandom(seed: 54)
  let n = 40_000
  let normal = moments(n) { Random.normal(mean: 2, std: 3, using: &g) }
  #expect(abs(normal.mean - 2) < 5 * 3 / Double(n).squareRoot())
  #expect(abs(normal.variance / 9 - 1) < 5 * (2 / Double(n)).squareRoot())
  let uniform = moments(n) { Random.uniform(-1...3, using: &g) }
  #expect(abs(uniform.mean - 1) < 5 * (16.0 / 12 / Double(n)).squareRoot())
}

@Test func globalScalarDrawsFollowTheSeed() {
  Random.seed(9)
  let a = (Random.beta(2, 2), Random.logUniform(1e-4...1), Random.normal())
  Random.seed(9)
  let b = (Random.beta(2, 2), Random.logUniform(1e-4...1), Random.normal())
  #expect(a == b)
}
