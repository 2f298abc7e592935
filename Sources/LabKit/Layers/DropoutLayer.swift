/// Dropout as a layer (Srivastava et al. 2014), keeping each unit with
/// probability p = `keepProbability` while training.
///
/// - `.vanilla`: train `y = x ⊙ m`, test `y = p·x` (the lecture's first code);
/// - `.inverted`: train `y = x ⊙ m / p`, test `y = x` (what frameworks do).
///
/// Backward multiplies by the same mask (and scale) that forward used.
/// The mask comes from the layer's own generator, so copies of a layer draw
/// the same masks.
public struct DropoutLayer: Layer {
  /// Which of the two conventions keeps the expectation equal.
  public enum Mode: Sendable, Hashable {
    /// Scale by p at test time.
    case vanilla
    /// Scale by 1/p while training.
    case inverted
  }

  /// p, the probability of keeping a unit.
  public var keepProbability: Float
  /// The convention.
  public var mode: Mode
  /// Training (random masks) or evaluation (deterministic scaling).
  public var isTraining = true
  /// The generator masks are drawn from.
  public var generator: CounterRandom
  var scaledMask: Tensor?

  /// A dropout layer keeping units with probability `keepProbability`;
  /// masks come from `generator` (default: a fresh one split off the global).
  public init(
    keepProbability: Float, mode: Mode = .inverted, generator: CounterRandom? = nil
  ) {
    Dropout.validate(keepProbability, label: "keepProbability")
    self.keepProbability = keepProbability
    self.mode = mode
    self.generator = generator ?? Random.makeGenerator()
  }

  /// Train: x ⊙ m (vanilla) or x ⊙ m / p (inverted); test: p·x or x.
  public mutating func forward(_ x: Tensor) -> Tensor {
    let p = keepProbability
    if !isTraining {
      scaledMask = nil
      return mode == .vanilla ? x * p : x
    }
    var m = Dropout.mask(x.shape, keepProbability: p, using: &generator)
    if mode == .inverted { m = p > 0 ? m / p : Tensor.zeros(x.shape) }
    scaledMask = m
    return x * m
  }

  /// dx = dy ⊙ (the mask and scale forward used).
  public mutating func backward(_ dy: Tensor) -> Tensor {
    if let m = scaledMask { return dy * m }
    return mode == .vanilla ? dy * keepProbability : dy
  }
}
