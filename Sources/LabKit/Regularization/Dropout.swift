/// Dropout (Srivastava et al. 2014): while training, each unit is kept with
/// probability p = keep probability and zeroed otherwise, independently.
///
/// Two conventions keep the expected activation the same in training and at
/// test time:
/// - vanilla (`dropout`, the paper's and the lecture's first slide): train
///   `x·m`, test `x·p`;
/// - inverted (`invertedDropout`, what frameworks do): train `x·m / p`, test
///   `x` unchanged.
///
/// The argument label says which probability you pass: `dropProbability` is
/// 1 - p, PyTorch's `nn.Dropout(p)`; `keepProbability` is the lecture's `p`.
/// Dropping everything (keep probability 0) gives zeros, never NaN.
public enum Dropout {
  /// The mask m: 1 with probability `keepProbability`, else 0
  /// (`np.random.rand(*shape) < p`).
  public static func mask<G: TensorRandomGenerator>(
    _ shape: [Int], keepProbability: Float, using generator: inout G
  ) -> Tensor {
    validate(keepProbability, label: "keepProbability")
    var u = Tensor.rand(shape, using: &generator)
    u.apply { $0 < keepProbability ? 1 : 0 }
    return u
  }

  static func validate(_ p: Float, label: String) {
    preconditionAlways(
      p >= 0 && p <= 1, "dropout: \(label) must be in [0, 1], got \(p); pass a probability")
  }

  static func vanilla<G: TensorRandomGenerator>(
    _ x: Tensor, keep p: Float, training: Bool, using generator: inout G
  ) -> Tensor {
    guard training else { return x * p }
    return x * mask(x.shape, keepProbability: p, using: &generator)
  }

  static func inverted<G: TensorRandomGenerator>(
    _ x: Tensor, keep p: Float, training: Bool, using generator: inout G
  ) -> Tensor {
    guard training else { return x }
    // With p = 0 every unit is dropped: return zeros instead of 0 / 0.
    guard p > 0 else { return Tensor.zeros(x.shape) }
    let scale = 1 / p
    var m = mask(x.shape, keepProbability: p, using: &generator)
    m.apply { $0 * scale }
    return x * m
  }
}

/// Vanilla dropout with drop probability `dropProbability` (keep probability
/// p = 1 - dropProbability): `x·m` while training, `x·p` at test.
public func dropout(_ x: Tensor, dropProbability: Float, training: Bool) -> Tensor {
  var g = GlobalGenerator()
  return dropout(x, dropProbability: dropProbability, training: training, using: &g)
}

/// Vanilla dropout, drawing the mask from `generator`.
public func dropout<G: TensorRandomGenerator>(
  _ x: Tensor, dropProbability: Float, training: Bool, using generator: inout G
) -> Tensor {
  Dropout.validate(dropProbability, label: "dropProbability")
  return Dropout.vanilla(x, keep: 1 - dropProbability, training: training, using: &generator)
}

/// Vanilla dropout with keep probability p (the lecture's `p = 0.5`):
/// `x·m` while training, `x·p` at test.
public func dropout(_ x: Tensor, keepProbability: Float, training: Bool) -> Tensor {
  var g = GlobalGenerator()
  return dropout(x, keepProbability: keepProbability, training: training, using: &g)
}

/// Vanilla dropout with keep probability p, drawing from `generator`.
public func dropout<G: TensorRandomGenerator>(
  _ x: Tensor, keepProbability: Float, training: Bool, using generator: inout G
) -> Tensor {
  Dropout.validate(keepProbability, label: "keepProbability")
  return Dropout.vanilla(x, keep: keepProbability, training: training, using: &generator)
}

/// Inverted dropout with drop probability `dropProbability` (PyTorch's
/// `nn.Dropout(p)`): `x·m / p_keep` while training, `x` at test.
public func invertedDropout(_ x: Tensor, dropProbability: Float, training: Bool) -> Tensor {
  var g = GlobalGenerator()
  return invertedDropout(x, dropProbability: dropProbability, training: training, using: &g)
}

/// Inverted dropout with drop probability `dropProbability`, from `generator`.
public func invertedDropout<G: TensorRandomGenerator>(
  _ x: Tensor, dropProbability: Float, training: Bool, using generator: inout G
) -> Tensor {
  Dropout.validate(dropProbability, label: "dropProbability")
  return Dropout.inverted(x, keep: 1 - dropProbability, training: training, using: &generator)
}

/// Inverted dropout with keep probability p: `x·m / p` while training, `x`
/// at test.
public func invertedDropout(_ x: Tensor, keepProbability: Float, training: Bool) -> Tensor {
  var g = GlobalGenerator()
  return invertedDropout(x, keepProbability: keepProbability, training: training, using: &g)
}

/// Inverted dropout with keep probability p, drawing from `generator`.
public func invertedDropout<G: TensorRandomGenerator>(
  _ x: Tensor, keepProbability: Float, training: Bool, using generator: inout G
) -> Tensor {
  Dropout.validate(keepProbability, label: "keepProbability")
  return Dropout.inverted(x, keep: keepProbability, training: training, using: &generator)
}
