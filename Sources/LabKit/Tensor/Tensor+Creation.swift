extension Tensor {
  /// A tensor of zeros (`np.zeros(shape)`).
  public static func zeros(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, repeating: 0, caller: "Tensor.zeros")
  }

  /// A tensor of ones (`np.ones(shape)`).
  public static func ones(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, repeating: 1, caller: "Tensor.ones")
  }

  /// A tensor with every element `value` (`np.full(shape, value)`).
  public static func full(_ shape: [Int], _ value: Float) -> Tensor {
    Tensor(shape: shape, repeating: value, caller: "Tensor.full")
  }

  /// `[0, 1, …, n-1]`, shape `[n]` (`np.arange(n)`).
  public static func arange(_ n: Int) -> Tensor {
    preconditionAlways(n >= 0, "arange: n must be ≥ 0, got \(n)")
    return Tensor(shape: [n]) { out in
      for i in 0..<n { out[i] = Float(i) }
    }
  }

  /// The `n × n` identity matrix: 1 on the diagonal, 0 elsewhere
  /// (`np.eye(n)`, `torch.eye(n)`).
  public static func eye(_ n: Int) -> Tensor {
    preconditionAlways(n >= 0, "eye: n must be ≥ 0, got \(n)")
    var t = Tensor.zeros([n, n])
    for i in 0..<n { t.scalars[i * n + i] = 1 }
    return t
  }

  /// `count` evenly spaced values from `start` to `stop`, both included
  /// (`np.linspace`): `start + i·(stop - start)/(count - 1)`.
  public static func linspace(_ start: Float, _ stop: Float, count: Int) -> Tensor {
    preconditionAlways(count >= 0, "linspace: count must be ≥ 0, got \(count)")
    let step = count > 1 ? (Double(stop) - Double(start)) / Double(count - 1) : 0
    return Tensor(shape: [count]) { out in
      for i in 0..<count { out[i] = Float(Double(start) + Double(i) * step) }
      if count > 1 { out[count - 1] = stop }
    }
  }

  /// Independent draws from the standard normal N(0, 1), from the global
  /// default generator (`np.random.randn(*shape)`; seed with `Random.seed`).
  public static func randn(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, caller: "Tensor.randn") { Random.fillNormal($0) }
  }

  /// Independent draws from N(0, 1), from `generator`.
  public static func randn<G: TensorRandomGenerator>(
    _ shape: [Int], using generator: inout G
  ) -> Tensor {
    Tensor(shape: shape, caller: "Tensor.randn") { generator.fillNormal($0) }
  }

  /// Independent draws from U[0, 1), from the global default generator
  /// (`np.random.rand(*shape)`).
  public static func rand(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, caller: "Tensor.rand") { Random.fillUniform($0) }
  }

  /// Independent draws from U[0, 1), from `generator`.
  public static func rand<G: TensorRandomGenerator>(
    _ shape: [Int], using generator: inout G
  ) -> Tensor {
    Tensor(shape: shape, caller: "Tensor.rand") { generator.fillUniform($0) }
  }
}
