internal import Glibc

/// Tables for Marsaglia & Tsang's ziggurat method for N(0, 1) ("The Ziggurat
/// Method for Generating Random Variables", J. Stat. Software 5(8), 2000),
/// with 256 layers of equal area `v` under f(x) = exp(-x²/2).
///
/// `x[1] = r` is where the tail starts, `x[i+1] = f⁻¹(v/x[i] + f(x[i]))`,
/// `x[256] = 0`; `x[0] = v/f(r)` is the base layer's width as if it were a
/// rectangle (its excess beyond r is the tail). `f[i] = f(x[i])`.
/// For 23-bit positions p: `w[i] = x[i]/2²³` (so a draw is p·w[i]) and
/// `k[i] = ⌊2²³·x[i+1]/x[i]⌋` (p < k[i] lies in the layer's inner rectangle).
struct Ziggurat: Sendable {
  static let r = 3.6541528853610088
  static let v = 0.00492867323399
  static let shared = Ziggurat()

  let x: [Double]
  let f: [Double]
  let k: [UInt32]
  let w: [Float]

  init() {
    var x = [Double](repeating: 0, count: 257)
    x[0] = Ziggurat.v / exp(-0.5 * Ziggurat.r * Ziggurat.r)
    x[1] = Ziggurat.r
    for i in 1..<255 {
      x[i + 1] = (-2 * log(Ziggurat.v / x[i] + exp(-0.5 * x[i] * x[i]))).squareRoot()
    }
    x[256] = 0
    self.x = x
    self.f = x.map { exp(-0.5 * $0 * $0) }
    self.k = (0..<256).map { UInt32((x[$0 + 1] / x[$0] * 0x1p23).rounded(.down)) }
    self.w = (0..<256).map { Float(x[$0] * 0x1p-23) }
  }

  /// Completes a draw that left the fast path: `candidate` = u·x[layer] with
  /// u uniform on [0, 1). Returns |N(0, 1)| (the caller applies the sign);
  /// `more()` supplies fresh random bits.
  static func finish(
    layer: Int, candidate: Double, x: UnsafePointer<Double>, f: UnsafePointer<Double>,
    more: () -> UInt64
  ) -> Double {
    var i = layer
    var c = candidate
    while true {
      if c < x[i + 1] { return c }
      if i == 0 {
        // The tail beyond r (Marsaglia 1964): accept r + a with a ~ Exp(r) when
        // 2y > a² for y ~ Exp(1).
        var a: Double
        var y: Double
        repeat {
          a = -log(openUniform(more())) / r
          y = -log(openUniform(more()))
        } while y + y < a * a
        return r + a
      }
      // The wedge between the inner rectangle and the curve.
      let height = f[i] + uniform(more()) * (f[i + 1] - f[i])
      if height < exp(-0.5 * c * c) { return c }
      let bits = more()
      i = Int(truncatingIfNeeded: bits & 0xff)
      c = uniform(bits) * x[i]
    }
  }

  /// A uniform draw in [0, 1) from the top 53 bits.
  @inline(__always)
  static func uniform(_ bits: UInt64) -> Double {
    Double(bits >> 11) * 0x1p-53
  }

  /// A uniform draw in (0, 1], safe to take the logarithm of.
  @inline(__always)
  static func openUniform(_ bits: UInt64) -> Double {
    (Double(bits >> 11) + 1) * 0x1p-53
  }
}
