/// Weight initialisers, each a formula for the spread of the first weights.
///
/// Shapes follow the lecture: a dense layer's weight is `[Din, Dout]` (used as
/// `x.matmul(W)`), so fan-in is `shape[0]`; a convolution's is
/// `[out, in, kh, kw]`, fan-in `in·kh·kw`. (PyTorch's `nn.Linear` stores
/// `[out, in]`; transpose before comparing.) Every initialiser draws from the
/// global default generator unless given one.
public enum Init {
  /// (fanIn, fanOut) of a weight of shape `shape`:
  /// `[n]` → (n, n); `[Din, Dout]` → (Din, Dout);
  /// `[out, in, k₁, …]` → (in·k₁·…, out·k₁·…), so `[128, 64, 3, 3]` →
  /// (576, 1152) — the lecture's `Din = kernel_size² · input_channels`.
  public static func fans(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
    preconditionAlways(!shape.isEmpty, "fans: a weight needs at least one dimension, got shape []")
    switch shape.count {
    case 1: return (shape[0], shape[0])
    case 2: return (shape[0], shape[1])
    default:
      let receptive = shape.dropFirst(2).reduce(1, *)
      return (shape[1] * receptive, shape[0] * receptive)
    }
  }

  /// N(mean, std²) draws: `np.random.randn(*shape) * std + mean`.
  public static func normal(_ shape: [Int], mean: Float = 0, std: Float) -> Tensor {
    var g = GlobalGenerator()
    return normal(shape, mean: mean, std: std, using: &g)
  }

  /// N(mean, std²) draws from `generator`.
  public static func normal<G: TensorRandomGenerator>(
    _ shape: [Int], mean: Float = 0, std: Float, using generator: inout G
  ) -> Tensor {
    preconditionAlways(std >= 0, "Init.normal: std must be ≥ 0, got \(std)")
    var t = Tensor.randn(shape, using: &generator)
    t.apply { $0 * std + mean }
    return t
  }

  /// U[low, high) draws: `low + (high - low)·u` with u ~ U[0, 1).
  public static func uniform(_ shape: [Int], low: Float, high: Float) -> Tensor {
    var g = GlobalGenerator()
    return uniform(shape, low: low, high: high, using: &g)
  }

  /// U[low, high) draws from `generator`.
  public static func uniform<G: TensorRandomGenerator>(
    _ shape: [Int], low: Float, high: Float, using generator: inout G
  ) -> Tensor {
    preconditionAlways(low <= high, "Init.uniform: low \(low) is above high \(high)")
    var t = Tensor.rand(shape, using: &generator)
    t.apply { low + (high - low) * $0 }
    return t
  }

  /// All zeros. Every unit of a layer then computes the same thing and gets
  /// the same gradient: the symmetry is never broken (the lecture's warning).
  public static func zeros(_ shape: [Int]) -> Tensor { Tensor.zeros(shape) }

  /// Every weight `value` (biases, or a residual block's last layer at 0).
  public static func constant(_ shape: [Int], _ value: Float) -> Tensor {
    Tensor.full(shape, value)
  }

  /// Glorot normal: std = gain·√(2 / (fanIn + fanOut)) (Glorot & Bengio 2010).
  /// For a square dense layer this is the lecture's "Xavier" `1/√Din`.
  public static func xavierNormal(_ shape: [Int], gain: Gain = .linear) -> Tensor {
    var g = GlobalGenerator()
    return xavierNormal(shape, gain: gain, using: &g)
  }

  /// Glorot normal from `generator`.
  public static func xavierNormal<G: TensorRandomGenerator>(
    _ shape: [Int], gain: Gain = .linear, using generator: inout G
  ) -> Tensor {
    let (fanIn, fanOut) = fans(shape)
    let std = gain.value * (2 / Float(fanIn + fanOut)).squareRoot()
    return normal(shape, std: std, using: &generator)
  }

  /// Glorot uniform: U[-a, a] with a = gain·√(6 / (fanIn + fanOut)), the same
  /// variance a²/3 as `xavierNormal` (Glorot & Bengio 2010, eq. 16).
  public static func xavierUniform(_ shape: [Int], gain: Gain = .linear) -> Tensor {
    var g = GlobalGenerator()
    return xavierUniform(shape, gain: gain, using: &g)
  }

  /// Glorot uniform from `generator`.
  public static func xavierUniform<G: TensorRandomGenerator>(
    _ shape: [Int], gain: Gain = .linear, using generator: inout G
  ) -> Tensor {
    let (fanIn, fanOut) = fans(shape)
    let a = gain.value * (6 / Float(fanIn + fanOut)).squareRoot()
    return uniform(shape, low: -a, high: a, using: &generator)
  }

  /// Kaiming/MSRA normal: std = gain / √fan, with fan = fanIn or fanOut by
  /// `mode` (He et al. 2015). For ReLU, gain √2 gives std = √(2 / Din).
  ///
  /// The lecture's code on the Kaiming slide divides by `sqrt(Din)` only; the
  /// formula on the same slide, and this initialiser, use `sqrt(2 / Din)`.
  public static func kaimingNormal(
    _ shape: [Int], gain: Gain = .relu, mode: FanMode = .fanIn
  ) -> Tensor {
    var g = GlobalGenerator()
    return kaimingNormal(shape, gain: gain, mode: mode, using: &g)
  }

  /// Kaiming/MSRA normal from `generator`.
  public static func kaimingNormal<G: TensorRandomGenerator>(
    _ shape: [Int], gain: Gain = .relu, mode: FanMode = .fanIn, using generator: inout G
  ) -> Tensor {
    let std = gain.value / Float(fan(shape, mode)).squareRoot()
    return normal(shape, std: std, using: &generator)
  }

  /// Kaiming/MSRA uniform: U[-b, b] with b = gain·√(3 / fan), variance
  /// gain²/fan like `kaimingNormal` (He et al. 2015).
  public static func kaimingUniform(
    _ shape: [Int], gain: Gain = .relu, mode: FanMode = .fanIn
  ) -> Tensor {
    var g = GlobalGenerator()
    return kaimingUniform(shape, gain: gain, mode: mode, using: &g)
  }

  /// Kaiming/MSRA uniform from `generator`.
  public static func kaimingUniform<G: TensorRandomGenerator>(
    _ shape: [Int], gain: Gain = .relu, mode: FanMode = .fanIn, using generator: inout G
  ) -> Tensor {
    let b = gain.value * (3 / Float(fan(shape, mode))).squareRoot()
    return uniform(shape, low: -b, high: b, using: &generator)
  }

  static func fan(_ shape: [Int], _ mode: FanMode) -> Int {
    let (fanIn, fanOut) = fans(shape)
    let n = mode == .fanIn ? fanIn : fanOut
    preconditionAlways(n > 0, "Init: shape \(shape) has a zero fan; every extent must be > 0")
    return n
  }
}
