internal import Glibc

/// Single draws for the lecture's scalar needs: random hyperparameter search
/// (log-uniform learning rates), mixup's blend weight λ ~ Beta(a, a).
/// Each has a global form (the default generator) and a `using:` form.
extension Random {
  /// x ~ U[low, high] (53-bit resolution).
  public static func uniform(_ range: ClosedRange<Double>) -> Double {
    var g = GlobalBits()
    return uniform(range, using: &g)
  }

  /// x ~ U[low, high] from `generator`.
  public static func uniform<G: RandomNumberGenerator>(
    _ range: ClosedRange<Double>, using generator: inout G
  ) -> Double {
    let u = Double(generator.next() >> 11) * 0x1p-53
    return range.lowerBound + (range.upperBound - range.lowerBound) * u
  }

  /// x = exp(U[ln low, ln high]): every decade equally likely, the way to
  /// draw learning rates and weight decays (Bergstra & Bengio 2012).
  ///
  /// - Precondition: 0 < low ≤ high.
  public static func logUniform(_ range: ClosedRange<Double>) -> Double {
    var g = GlobalBits()
    return logUniform(range, using: &g)
  }

  /// x = exp(U[ln low, ln high]) from `generator`.
  public static func logUniform<G: RandomNumberGenerator>(
    _ range: ClosedRange<Double>, using generator: inout G
  ) -> Double {
    preconditionAlways(
      range.lowerBound > 0,
      "Random.logUniform: range \(range) must be above 0; logarithms need positive bounds")
    return exp(uniform(log(range.lowerBound)...log(range.upperBound), using: &generator))
  }

  /// x ~ N(mean, std²), by the Box–Muller transform
  /// `√(-2 ln u₁)·cos(2πu₂)` (Box & Muller 1958).
  public static func normal(mean: Double = 0, std: Double = 1) -> Double {
    var g = GlobalBits()
    return normal(mean: mean, std: std, using: &g)
  }

  /// x ~ N(mean, std²) from `generator`.
  public static func normal<G: RandomNumberGenerator>(
    mean: Double = 0, std: Double = 1, using generator: inout G
  ) -> Double {
    let u1 = (Double(generator.next() >> 11) + 1) * 0x1p-53
    let u2 = Double(generator.next() >> 11) * 0x1p-53
    return mean + std * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// x ~ Gamma(shape k, scale 1), density x^(k-1)·e^(-x)/Γ(k), mean k, by
  /// Marsaglia & Tsang's squeeze method ("A Simple Method for Generating Gamma
  /// Variables", ACM TOMS 26(3), 2000); k < 1 via Gamma(k+1)·u^(1/k).
  ///
  /// - Precondition: shape > 0.
  public static func gamma<G: RandomNumberGenerator>(
    shape: Double, using generator: inout G
  ) -> Double {
    preconditionAlways(shape > 0, "Random.gamma: shape must be > 0, got \(shape)")
    if shape < 1 {
      let u = (Double(generator.next() >> 11) + 1) * 0x1p-53
      return gamma(shape: shape + 1, using: &generator) * pow(u, 1 / shape)
    }
    let d = shape - 1.0 / 3
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal(using: &generator)
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = (Double(generator.next() >> 11) + 1) * 0x1p-53
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// x ~ Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); mean
  /// a/(a+b). Mixup draws its blend weight λ ~ Beta(α, α) (Zhang et al. 2018).
  ///
  /// - Precondition: a > 0 and b > 0.
  public static func beta(_ a: Double, _ b: Double) -> Double {
    var g = GlobalBits()
    return beta(a, b, using: &g)
  }

  /// x ~ Beta(a, b) from `generator`.
  public static func beta<G: RandomNumberGenerator>(
    _ a: Double, _ b: Double, using generator: inout G
  ) -> Double {
    preconditionAlways(
      a > 0 && b > 0, "Random.beta: a and b must be > 0, got a = \(a), b = \(b)")
    let x = gamma(shape: a, using: &generator)
    let y = gamma(shape: b, using: &generator)
    // Both can underflow to 0 for tiny shapes; then pick an end by the odds.
    guard x + y > 0 else { return uniform(0...1, using: &generator) < a / (a + b) ? 1 : 0 }
    return x / (x + y)
  }
}

/// The global default generator as a `RandomNumberGenerator`.
struct GlobalBits: RandomNumberGenerator {
  func next() -> UInt64 { Random.next() }
}
