internal import CLabKitKernels
internal import Dispatch

/// LabKit's default generator: counter-based, so draw number `i` is a pure
/// function of the seed and `i`, and large tensors fill in parallel with the
/// same result for any number of threads.
///
/// Word `w` of the stream is the SplitMix64 output `mix(key + (w + 1)·γ)`
/// with γ = 0x9E3779B97F4A7C15 and `key = mix(seed)` (Steele, Lea & Flood,
/// "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014). Tensor
/// element `i` uses 32 bits, half of word `i/2`: uniforms are its top 24 bits
/// over 2²⁴; normals come from the 256-layer ziggurat (Marsaglia & Tsang 2000)
/// laid out as numpy's float32 sampler lays it (8 bits pick the layer, 1 the
/// sign, 23 the position). The rare rejected draw (about 1.5%) takes more bits
/// from a stream keyed by the element's own index, so no value depends on how
/// the work was split.
///
/// Not cryptographically secure, and its numbers differ from numpy's; use
/// `NumpyRandom` to reproduce numpy.
public struct CounterRandom: TensorRandomGenerator, RandomNumberGenerator, Sendable {
  /// The seed this generator started from.
  public let seed: UInt64
  /// How many 32-bit draws (tensor elements) have been consumed; `next()`
  /// consumes two.
  public private(set) var counter: UInt64
  let key: UInt64

  static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
  /// Below this many elements a fill runs on the calling thread.
  static let parallelThreshold = 1 << 17
  /// Elements per parallel work item (even, so chunks start on whole words).
  static let chunk = 1 << 15

  /// A generator at the start of the stream for `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    self.key = CounterRandom.mix(seed)
    self.counter = 0
  }

  /// The next 64 random bits: the next whole word of the stream.
  public mutating func next() -> UInt64 {
    counter = (counter &+ 1) & ~1
    let word = counter >> 1
    counter &+= 2
    return CounterRandom.word(key, word)
  }

  /// Claims the next `n` elements and returns the index of the first.
  mutating func reserve(_ n: Int) -> UInt64 {
    let start = counter
    counter &+= UInt64(n)
    return start
  }

  /// Fills `buffer` with N(0, 1) draws (ziggurat), in parallel when large.
  public mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>) {
    CounterRandom.fillNormal(buffer, key: key, start: reserve(buffer.count))
  }

  /// Fills `buffer` with U[0, 1) draws (24-bit), in parallel when large.
  public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>) {
    CounterRandom.fillUniform(buffer, key: key, start: reserve(buffer.count))
  }

  /// The SplitMix64 finaliser (Stafford's "variant 13").
  @inline(__always)
  static func mix(_ z0: UInt64) -> UInt64 {
    var z = z0
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Word `w` of the stream for `key`.
  @inline(__always)
  static func word(_ key: UInt64, _ w: UInt64) -> UInt64 {
    mix(key &+ (w &+ 1) &* gamma)
  }

  /// Calls `body(j, bits)` for `j` in `0..<count` with the 32 bits of element
  /// `start + j`, hashing each word once for its two elements.
  @inline(__always)
  static func forEachDraw(
    count: Int, key: UInt64, start: UInt64, _ body: (Int, UInt32) -> Void
  ) {
    guard count > 0 else { return }
    var j = 0
    var w = start >> 1
    if start & 1 == 1 {
      body(0, UInt32(truncatingIfNeeded: word(key, w) >> 32))
      j = 1
      w &+= 1
    }
    while j + 1 < count {
      let bits = word(key, w)
      body(j, UInt32(truncatingIfNeeded: bits))
      body(j + 1, UInt32(truncatingIfNeeded: bits >> 32))
      j += 2
      w &+= 1
    }
    if j < count { body(j, UInt32(truncatingIfNeeded: word(key, w))) }
  }

  /// Writes N(0, 1) draws for elements `start …` into `buffer`, in parallel
  /// when it is large (`parallel: false` forces one thread).
  static func fillNormal(
    _ buffer: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    parallel: Bool = true
  ) {
    withZigguratTables { tables in
      forEachChunk(buffer, parallel: parallel) { out, offset in
        normalChunk(out, key: key, start: start &+ UInt64(offset), tables: tables)
      }
    }
  }

  /// Calls `body` with pointers to the ziggurat's tables.
  static func withZigguratTables<R>(_ body: (ZigguratTables) -> R) -> R {
    let z = Ziggurat.shared
    return z.x.withUnsafeBufferPointer { x in
      z.f.withUnsafeBufferPointer { f in
        z.k.withUnsafeBufferPointer { k in
          z.w.withUnsafeBufferPointer { w in
            body(
              ZigguratTables(
                x: x.baseAddress!, f: f.baseAddress!, k: k.baseAddress!, w: w.baseAddress!))
          }
        }
      }
    }
  }

  /// Writes U[0, 1) draws (the top 24 of each element's 32 bits, over 2²⁴)
  /// for elements `start …` into `buffer`.
  static func fillUniform(
    _ buffer: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    parallel: Bool = true
  ) {
    forEachChunk(buffer, parallel: parallel) { out, offset in
      let first = start &+ UInt64(offset)
      forEachDraw(count: out.count, key: key, start: first) { j, bits in
        out[j] = Float(bits >> 8) * 0x1p-24
      }
    }
  }

  /// Whether `normalChunk` runs its vector kernel on this processor.
  static let vectorNormals = labkit_has_avx512() != 0

  /// Writes N(0, 1) draws for elements `start …` into `out`: whole groups of
  /// eight words through the AVX-512 kernel where the processor has it
  /// (`vector`), everything else through the scalar loop. Both give the
  /// same bits.
  static func normalChunk(
    _ out: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    tables t: ZigguratTables, vector: Bool = vectorNormals
  ) {
    guard vector, let base = out.baseAddress, out.count >= 32 else {
      scalarNormals(out, key: key, start: start, tables: t)
      return
    }
    // An odd start takes the high half of a word: one scalar draw first.
    let head = Int(start & 1)
    scalarNormals(
      UnsafeMutableBufferPointer(start: base, count: head), key: key, start: start, tables: t)
    let words = (out.count - head) / 2 / 8 * 8
    // Blocks of 1,024 words: at most 2,048 slots can leave the fast path.
    let retry = retryKey(key)
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2048) { slots in
      for first in stride(from: 0, to: words, by: 1024) {
        let offset = head + 2 * first
        let element = start &+ UInt64(offset)
        let listed = labkit_normal_avx512(
          base + offset, min(1024, words - first), key, element >> 1, t.k, t.w,
          slots.baseAddress!)
        for slot in slots.prefix(listed) {
          // The kernel left the draw's 32 bits in its slot.
          let o = offset + Int(slot)
          base[o] = rejected(
            base[o].bitPattern, element: element &+ UInt64(slot), retryKey: retry, tables: t)
        }
      }
    }
    let done = head + 2 * words
    scalarNormals(
      UnsafeMutableBufferPointer(start: base + done, count: out.count - done), key: key,
      start: start &+ UInt64(done), tables: t)
  }

  /// The scalar loop of `normalChunk`.
  static func scalarNormals(
    _ out: UnsafeMutableBufferPointer<Float>, key: UInt64, start: UInt64,
    tables t: ZigguratTables
  ) {
    forEachDraw(count: out.count, key: key, start: start) { j, bits in
      // The ziggurat's fast path, as numpy's float32 sampler: accept when the
      // 23-bit position lies inside the layer's inner rectangle. Branch-free
      // in the sign, which moves from bit 8 to the float's sign bit.
      let i = Int(bits & 0xff)
      let position = bits >> 9
      let sign = (bits << 23) & 0x8000_0000
      if position < t.k[i] {
        out[j] = Float(bitPattern: (Float(position) * t.w[i]).bitPattern | sign)
        return
      }
      out[j] = rejected(bits, element: start &+ UInt64(j), key: key, tables: t)
    }
  }

  /// Completes a draw that missed the fast path (rare: about 1.5%), with more
  /// bits from a stream that starts at a random point chosen by the element's
  /// index. Kept out of line so the fast loop keeps its registers.
  @inline(never)
  static func rejected(
    _ bits: UInt32, element: UInt64, key: UInt64, tables t: ZigguratTables
  ) -> Float {
    rejected(bits, element: element, retryKey: retryKey(key), tables: t)
  }

  /// `rejected`, with the retry streams' key (`retryKey(key)`) worked out
  /// by the caller, once for many draws.
  static func rejected(
    _ bits: UInt32, element: UInt64, retryKey: UInt64, tables t: ZigguratTables
  ) -> Float {
    let i = Int(bits & 0xff)
    var extra = word(retryKey, element)
    let candidate = Double(bits >> 9) * t.x[i] * 0x1p-23
    let value = Ziggurat.finish(
      layer: i, candidate: candidate, x: t.x, f: t.f,
      more: {
        extra &+= gamma
        return mix(extra)
      })
    return (bits >> 8) & 1 == 0 ? Float(value) : -Float(value)
  }

  /// The key of the streams that rejected ziggurat draws take extra bits from.
  @inline(__always)
  static func retryKey(_ key: UInt64) -> UInt64 { mix(key ^ 0x5851_F42D_4C95_7F2D) }

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
      let hi = Swift.min(lo + chunk, n)
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
  let k: UnsafePointer<UInt32>
  let w: UnsafePointer<Float>
}

/// An output buffer handed to the fill threads.
// Safe to send: every thread writes a disjoint range, and the caller waits
// for all of them (concurrentPerform returns when all iterations are done).
struct SharedBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Float>
}
