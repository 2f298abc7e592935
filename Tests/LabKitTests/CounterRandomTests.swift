import Testing

@testable import LabKit

@Test func sameSeedGivesSameTensors() {
  Random.seed(42)
  let a = Tensor.randn([3, 5])
  let b = Tensor.rand([7])
  Random.seed(42)
  #expect(Tensor.randn([3, 5]) == a)
  #expect(Tensor.rand([7]) == b)
}

@Test func differentSeedsGiveDifferentTensors() {
  var g1 = CounterRandom(seed: 1)
  var g2 = CounterRandom(seed: 2)
  #expect(Tensor.randn([100], using: &g1) != Tensor.randn([100], using: &g2))
}

@Test func parallelFillEqualsSerialFill() {
  // Large enough to be split across threads; rejections happen ~1.5% of draws.
  let n = CounterRandom.parallelThreshold * 3 + 12345
  var serial = [Float](repeating: 0, count: n)
  var parallel = [Float](repeating: 0, count: n)
  serial.withUnsafeMutableBufferPointer {
    CounterRandom.fillNormal($0, key: 99, start: 7, parallel: false)
  }
  parallel.withUnsafeMutableBufferPointer {
    CounterRandom.fillNormal($0, key: 99, start: 7, parallel: true)
  }
  #expect(serial == parallel)
  serial.withUnsafeMutableBufferPointer {
    CounterRandom.fillUniform($0, key: 99, start: 7, parallel: false)
  }
  parallel.withUnsafeMutableBufferPointer {
    CounterRandom.fillUniform($0, key: 99, start: 7, parallel: true)
  }
  #expect(serial == parallel)
}

/// The vector kernel gives the scalar loop's bits for every start (odd and
/// even) and length (whole and partial groups of sixteen, several blocks),
/// including the draws it hands back to the slow path.
@Test(.enabled(if: CounterRandom.vectorNormals, "this processor has no AVX-512"))
func vectorNormalsEqualScalarNormals() {
  let k = Ziggurat.shared.k
  var missed = 0
  for (start, count) in [(0, 32), (1, 33), (6, 47), (7, 4099), (123_456_789, 2 * 2048 + 77)] {
    var scalar = [Float](repeating: 0, count: count)
    var vector = [Float](repeating: 0, count: count)
    CounterRandom.withZigguratTables { tables in
      scalar.withUnsafeMutableBufferPointer {
        CounterRandom.normalChunk(
          $0, key: 2718, start: UInt64(start), tables: tables, vector: false)
      }
      vector.withUnsafeMutableBufferPointer {
        CounterRandom.normalChunk($0, key: 2718, start: UInt64(start), tables: tables, vector: true)
      }
    }
    let differs = scalar.indices.first { scalar[$0].bitPattern != vector[$0].bitPattern }
    #expect(differs == nil, "start \(start), \(count) draws: first difference at \(differs ?? 0)")
    for e in UInt64(start)..<UInt64(start + count) {
      let bits = UInt32(truncatingIfNeeded: CounterRandom.word(2718, e >> 1) >> ((e & 1) << 5))
      if bits >> 9 >= k[Int(bits & 0xff)] { missed += 1 }
    }
  }
  // Some draws left the fast path (about 1.5% of them), so that path was
  // compared too.
  #expect(missed > 20)
}

@Test func drawsInPiecesEqualOneDraw() {
  var whole = CounterRandom(seed: 5)
  var pieces = CounterRandom(seed: 5)
  let all = Tensor.randn([1000], using: &whole).scalars
  let first = Tensor.randn([400], using: &pieces).scalars
  let second = Tensor.randn([600], using: &pieces).scalars
  #expect(all == first + second)
  #expect(whole.counter == 1000 && pieces.counter == 1000)
}

/// Moments of 200,000 normals: the sample mean has standard error 1/√n ≈
/// 0.0022, the sample variance √(2/n) ≈ 0.0032, the fourth moment (3)
/// √(96/n) ≈ 0.022; each is held to 5 standard errors.
@Test func normalDrawsHaveStandardNormalMoments() {
  var g = CounterRandom(seed: 2024)
  let n = 200_000
  let x = Tensor.randn([n], using: &g).scalars.map(Double.init)
  let mean = x.reduce(0, +) / Double(n)
  let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
  let fourth = x.reduce(0) { $0 + $1 * $1 * $1 * $1 } / Double(n)
  let third = x.reduce(0) { $0 + $1 * $1 * $1 } / Double(n)
  #expect(abs(mean) < 5 * (1 / Double(n)).squareRoot())
  #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
  #expect(abs(third) < 5 * (15 / Double(n)).squareRoot())
  #expect(abs(fourth - 3) < 5 * (96 / Double(n)).squareRoot())
}

/// Bin the draws by the standard normal CDF Φ into 40 equiprobable bins and
/// apply Pearson's χ² test: with 39 degrees of freedom, P(χ² > 80) ≈ 1e-4.
/// The tail bins check the ziggurat's tail (beyond r ≈ 3.65, rare draws).
@Test func normalDrawsFollowTheNormalCDF() {
  var g = CounterRandom(seed: 7)
  let n = 400_000
  let bins = 40
  var counts = [Int](repeating: 0, count: bins)
  var beyond = 0
  for v in Tensor.randn([n], using: &g).scalars {
    let u = Activation.normalCDF(Double(v))
    counts[Swift.min(Int(u * Double(bins)), bins - 1)] += 1
    if abs(v) > 3.6541528853610088 { beyond += 1 }
  }
  let expected = Double(n) / Double(bins)
  let chiSquare = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) }
  #expect(chiSquare / expected < 80)
  // P(|Z| > r) = erfc(r/√2) ≈ 2.58e-4: about 103 of 400,000, sd ≈ 10.
  let tail = 2 * (1 - Activation.normalCDF(3.6541528853610088)) * Double(n)
  #expect(abs(Double(beyond) - tail) < 5 * tail.squareRoot())
}

/// U[0,1): mean 1/2 (se √(1/12n)), variance 1/12 (se √(1/180n)), all in range.
@Test func uniformDrawsHaveUniformMoments() {
  var g = CounterRandom(seed: 3)
  let n = 100_000
  let x = Tensor.rand([n], using: &g).scalars.map(Double.init)
  #expect(x.allSatisfy { $0 >= 0 && $0 < 1 })
  let mean = x.reduce(0, +) / Double(n)
  let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
  #expect(abs(mean - 0.5) < 5 * (1 / (12 * Double(n))).squareRoot())
  #expect(abs(variance - 1.0 / 12) < 5 * (1 / (180 * Double(n))).squareRoot())
}

/// The ziggurat's layers must all have area v: x[i]·(f[i+1] - f[i]) = v for
/// i ≥ 1, and the top layer must end at x = 0 with f = 1.
@Test func zigguratLayersHaveEqualArea() {
  let z = Ziggurat.shared
  for i in 1..<255 {
    #expect(abs(z.x[i] * (z.f[i + 1] - z.f[i]) - Ziggurat.v) < 1e-12)
  }
  #expect(z.x[255] > 0 && z.x[255] < 0.3)
  #expect(abs(z.x[255] * (1 - z.f[255]) - Ziggurat.v) < 1e-6)
}
