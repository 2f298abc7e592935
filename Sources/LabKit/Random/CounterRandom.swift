internal import Dispatch

/// LabKit's default generator: counter-based, so draw number `i` is a pure
/// function of the seed and `i`, and large tensors fill in parallel with the
/// same result for any number of threads.
///
/// Draw `i` is the SplitMix64 output `mix(key + (i + 1)·γ)` with γ =
/// 0x9E3779B97F4A7C15 and `key = mix(seed)` (Steele, Lea & Flood, "Fast
/// Splittable Pseudorandom Number Generators", OOPSLA 2014). Normals come from
/// the 256-layer ziggurat (Marsaglia & Tsang 2000), one 64-bit draw per value
/// except on rejection, whose extra bits come from a second stream keyed by
/// the value's own counter, so no value depends on how the work was split.
///
/// Not cryptographically secure, and its numbers differ from numpy's; use
/// `NumpyRandom` to reproduce numpy.
public struct CounterRandom: TensorRandomGenerator, RandomNumberGenerator, Sendable {
  /// The seed this generator started from.
  public let seed: UInt64
  /// How many 64-bit draws (or tensor elements) have been consumed.
  public private(set) var counter: UInt64
  let key: UInt64

  static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
  /// Below this many elements a fill runs on the calling thread.
  static let parallelThreshold = 1 << 17
  /// Elements per parallel work item.
  static let chunk = 1 << 15

  /// A generator at the start of the stream for `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    self.key = CounterRandom.mix(seed)
    self.counter = 0
  }

  /// The next 64 random bits (SplitMix64 at the current counter).
  public mutating func next() -> UInt64 {
    counter &+= 1
    return CounterRandom.mix(key &+ counter &* CounterRandom.gamma)
  }

  /// Claims the next `n` counters and returns the first; the fills use them.
  mutating func reserve(_ n: Int) -> UInt64 {
    let start = counter
    counter &+= UInt64(n)
    return start
  }

  public mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>) {
    CounterRandom.fillNormal(buffer, key: key, start: reserve(buffer.count))
  }

  public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>) {
    CounterRandom.fillUniform(buffer, key: key, start: reserve(buffer.count))
  }

  /// The key of the streams that rejected ziggurat draws take extra bits from.
  @inline(__always)
  static func retryKey(_ key: UInt64) -> UInt64 { mix(key ^ 0x5851_F42D_4C95_7F2D) }

  /// The SplitMix64 finaliser (Stafford's "variant 13").
  @inline(__always)
  static func mix(_ z0: UInt64) -> UInt64 {
    var z = z0
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Writes N(0, 1) draws for counters `start + 1 …` into `buffer`, in
  /// parallel when it is large (`parallel: false` forces one thread).
  static func fillNormal(
    _ buffer: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    parallel: Bool = true
  ) {
    let z = Ziggurat.shared
    z.x.withUnsafeBufferPointer { x in
      z.f.withUnsafeBufferPointer { f in
        let tables = ZigguratTables(x: x.baseAddress!, f: f.baseAddress!)
        forEachChunk(buffer, parallel: parallel) { out, offset in
          normalChunk(out, key: key, start: start &+ UInt64(offset), tables: tables)
        }
      }
    }
  }

  /// Writes U[0, 1) draws (the top 24 bits of each draw, over 2²⁴) for
  /// counters `start + 1 …` into `buffer`.
  static func fillUniform(
    _ buffer: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    parallel: Bool = true
  ) {
    forEachChunk(buffer, parallel: parallel) { out, offset in
      var c = start &+ UInt64(offset)
      for j in 0..<out.count {
        c &+= 1
        out[j] = Float(mix(key &+ c &* gamma) >> 40) * 0x1p-24
      }
    }
  }

  static func normalChunk(
    _ out: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    tables: ZigguratTables
  ) {
    let x = tables.x
    let f = tables.f
    var c = start
    for j in 0..<out.count {
      c &+= 1
      let bits = mix(key &+ c &* gamma)
      // The fast path of the ziggurat, inlined: about 98.5% of draws end here.
      let i = Int(truncatingIfNeeded: bits & 0xff)
      let candidate = Double(bits >> 11) * 0x1p-53 * x[i]
      if candidate < x[i + 1] {
        out[j] = Float((bits >> 8) & 1 == 1 ? -candidate : candidate)
        continue
      }
      // Rejection needs more bits: a stream that starts at a random point
      // chosen by this value's counter, so neighbours do not share it.
      var extra = mix(retryKey(key) &+ c &* gamma)
      out[j] = Float(
        Ziggurat.normal(bits, x: x, f: f) {
          extra &+= gamma
          return mix(extra)
        })
    }
  }

  /// Runs `body` over consecutive chunks of `buffer` (with each chunk's offset),
  /// concurrently when `buffer` is large and `parallel` is true.
  static func forEachChunk(
    _ buffer: UnsafeMutableBufferPointer<Float>, parallel: Bool,
    _ body: @Sendable (UnsafeMutableBufferPointer<Float>, Int) -> Void
  ) {
    let n = buffer.count
    guard parallel, n >= parallelThreshold else {
      body(buffer, 0)
      return
    }
    let pieces = (n + chunk - 1) / chunk
    let shared = SharedBuffer(buffer: buffer)
    DispatchQueue.concurrentPerform(iterations: pieces) { p in
      let lo = p * chunk
      let hi = min(lo + chunk, n)
      let part = UnsafeMutableBufferPointer(
        start: shared.buffer.baseAddress! + lo, count: hi - lo)
      body(part, lo)
    }
  }
}

/// Raw pointers to the ziggurat tables, shared read-only by the fill threads.
// Safe to send: the tables are immutable for the life of the process.
struct ZigguratTables: @unchecked Sendable {
  let x: UnsafePointer<Double>
  let f: UnsafePointer<Double>
}

/// An output buffer handed to the fill threads.
// Safe to send: every thread writes a disjoint range, and the caller waits
// for all of them (concurrentPerform returns when all iterations are done).
struct SharedBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Float>
}
