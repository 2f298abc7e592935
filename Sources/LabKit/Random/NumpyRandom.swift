internal import Glibc

/// numpy's legacy generator, bit for bit: the Mersenne Twister MT19937
/// (Matsumoto & Nishimura 1998) seeded as `np.random.seed(seed)` seeds it, with
/// `np.random.rand`'s 53-bit doubles and `np.random.randn`'s polar Box–Muller
/// normals (Marsaglia's polar method, the second value of each pair cached).
///
///     var rng = NumpyRandom(seed: 0)
///     let x = Tensor.randn([16, 4096], using: &rng)  // np.random.randn(16, 4096)
///
/// The `Double` draws equal numpy's exactly; tensors hold them rounded to
/// `Float`. Sequential and slower than `CounterRandom`: use it to reproduce
/// numpy's numbers, not for speed.
public struct NumpyRandom: TensorRandomGenerator, RandomNumberGenerator, Sendable {
  static let n = 624
  static let m = 397

  var state: [UInt32]
  var index: Int
  var cachedGaussian: Double?

  /// The state `np.random.seed(seed)` sets (MT19937's `init_genrand`:
  /// `mt[i] = 1812433253·(mt[i-1] ⊕ (mt[i-1] >> 30)) + i`).
  public init(seed: UInt32) {
    var mt = [UInt32](repeating: 0, count: NumpyRandom.n)
    mt[0] = seed
    for i in 1..<NumpyRandom.n {
      mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
    }
    self.state = mt
    self.index = NumpyRandom.n
    self.cachedGaussian = nil
  }

  /// The next 32-bit output of MT19937.
  public mutating func nextUInt32() -> UInt32 {
    if index >= NumpyRandom.n { twist() }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// Two 32-bit outputs, the first in the high half.
  public mutating func next() -> UInt64 {
    let hi = UInt64(nextUInt32())
    return hi << 32 | UInt64(nextUInt32())
  }

  /// `np.random.random_sample()`: `(a·2²⁶ + b) / 2⁵³` with `a` the top 27 bits
  /// of one output and `b` the top 26 bits of the next; in [0, 1).
  public mutating func nextDouble() -> Double {
    let a = Double(nextUInt32() >> 5)
    let b = Double(nextUInt32() >> 6)
    return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
  }

  /// `np.random.standard_normal()` (legacy): draw x₁, x₂ uniform in (-1, 1)
  /// until 0 < r² = x₁² + x₂² < 1, return `x₂·√(-2 ln r² / r²)` and keep
  /// `x₁·√(…)` for the next call.
  public mutating func nextGaussian() -> Double {
    if let cached = cachedGaussian {
      cachedGaussian = nil
      return cached
    }
    var x1: Double
    var x2: Double
    var r2: Double
    repeat {
      x1 = 2 * nextDouble() - 1
      x2 = 2 * nextDouble() - 1
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1 || r2 == 0
    let f = (-2 * log(r2) / r2).squareRoot()
    cachedGaussian = f * x1
    return f * x2
  }

  /// Fills `buffer` with `nextGaussian()` draws rounded to `Float`
  /// (`np.random.randn(n).astype(np.float32)`).
  public mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>) {
    for i in buffer.indices { buffer[i] = Float(nextGaussian()) }
  }

  /// Fills `buffer` with `nextDouble()` draws rounded to `Float`; rounding can
  /// give 1.0 for draws within 2⁻²⁵ of 1.
  public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>) {
    for i in buffer.indices { buffer[i] = Float(nextDouble()) }
  }

  /// Regenerates the 624 words of state (the MT19937 recurrence).
  mutating func twist() {
    let n = NumpyRandom.n
    let m = NumpyRandom.m
    state.withUnsafeMutableBufferPointer { mt in
      for i in 0..<n {
        let y = (mt[i] & 0x8000_0000) | (mt[(i + 1) % n] & 0x7FFF_FFFF)
        var next = mt[(i + m) % n] ^ (y >> 1)
        if y & 1 == 1 { next ^= 0x9908_B0DF }
        mt[i] = next
      }
    }
    index = 0
  }
}
