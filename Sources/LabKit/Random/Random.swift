import Synchronization

/// The global default generator that `Tensor.randn(_:)`, `Tensor.rand(_:)`,
/// the initialisers and dropout draw from when no generator is passed.
///
/// It is a `CounterRandom`, seeded with 0 until `Random.seed(_:)` is called,
/// so a lab is reproducible by default. Safe to use from several threads: each
/// draw claims its range of counters under a lock and fills outside it.
public enum Random {
  static let global = Mutex(CounterRandom(seed: 0))

  /// Restarts the global default generator at the start of the stream for
  /// `seed` (numpy: `np.random.seed(seed)`, PyTorch: `torch.manual_seed`).
  ///
  /// In a lab, the run seeds this generator once, before the first cell,
  /// from `seed:` or `--seed`; a cell calling `Random.seed` replaces that
  /// seed for every later cell too. To fix one draw, pass a generator of
  /// its own instead: `Tensor.randn(shape, using: &g)`.
  public static func seed(_ seed: UInt64) {
    global.withLock { $0 = CounterRandom(seed: seed) }
  }

  /// A copy of the global generator's current state; drawing from the copy
  /// does not advance the global one.
  public static var current: CounterRandom {
    global.withLock { $0 }
  }

  /// An independent generator, seeded from the next draw of the global one:
  /// hand it to code that should not disturb the global stream.
  public static func makeGenerator() -> CounterRandom {
    CounterRandom(seed: global.withLock { $0.next() })
  }

  /// The next 64 random bits of the global generator.
  public static func next() -> UInt64 {
    global.withLock { $0.next() }
  }

  /// A draw from U[0, 1) with 53 random bits, from the global generator.
  public static func uniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Fills `buffer` with N(0, 1) draws from the global generator.
  static func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>) {
    let (key, start) = global.withLock { ($0.key, $0.reserve(buffer.count)) }
    CounterRandom.fillNormal(buffer, key: key, start: start)
  }

  /// Fills `buffer` with U[0, 1) draws from the global generator.
  static func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>) {
    let (key, start) = global.withLock { ($0.key, $0.reserve(buffer.count)) }
    CounterRandom.fillUniform(buffer, key: key, start: start)
  }
}
