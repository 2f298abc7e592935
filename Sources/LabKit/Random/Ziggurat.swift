internal import Glibc

/// Tables for Marsaglia & Tsang's ziggurat method for N(0, 1) ("The Ziggurat
/// Method for Generating Random Variables", J. Stat. Software 5(8), 2000),
/// with 256 layers of equal area `v` under f(x) = exp(-x²/2).
///
/// `x[1] = r` is where the tail starts, `x[i+1] = f⁻¹(v/x[i] + f(x[i]))`,
/// `x[256] = 0`; `x[0] = v/f(r)` is the base layer's width as if it were a
/// rectangle (its excess beyond r is the tail). `f[i] = f(x[i])`.
struct Ziggurat: Sendable {
  static let r = 3.6541528853610088
  static let v = 0.00492867323399
  static let shared = Ziggurat()

  let x: [Double]
  let f: [Double]

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
  }

  /// One N(0, 1) draw from the 64 random bits `bits`; `more()` supplies fresh
  /// bits in the rare case (about 1.5%) that the first draw is rejected or
  /// falls in a wedge or the tail.
  ///
  /// Bits 0–7 pick the layer, bit 8 the sign, bits 11–63 the uniform.
  @inline(__always)
  static func normal(
    _ bits: UInt64, x: UnsafePointer<Double>, f: UnsafePointer<Double>,
    more: () -> UInt64
  ) -> Double {
    var b = bits
    while true {
      let i = Int(truncatingIfNeeded: b & 0xff)
      let negative = (b >> 8) & 1 == 1
      let u = Double(b >> 11) * 0x1p-53
      let candidate = u * x[i]
      if candidate < x[i + 1] { return negative ? -candidate : candidate }
      if i == 0 {
        // The tail beyond r (Marsaglia 1964): accept r + a with a ~ Exp(r) when
        // 2y > a² for y ~ Exp(1).
        var a: Double
        var y: Double
        repeat {
          a = -log(openUniform(more())) / r
          y = -log(openUniform(more()))
        } while y + y < a * a
        return negative ? -(r + a) : r + a
      }
      let height = f[i] + Double(more() >> 11) * 0x1p-53 * (f[i + 1] - f[i])
      if height < exp(-0.5 * candidate * candidate) {
        return negative ? -candidate : candidate
      }
      b = more()
    }
  }

  /// A uniform draw in (0, 1], safe to take the logarithm of.
  @inline(__always)
  static func openUniform(_ bits: UInt64) -> Double {
    (Double(bits >> 11) + 1) * 0x1p-53
  }
}
