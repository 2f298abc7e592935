extension Tensor {
  /// The rows at `indices` along the first dimension, in that order
  /// (`x[indices]` in numpy), other dimensions kept.
  public func rows(at indices: [Int]) -> Tensor {
    preconditionAlways(rank >= 1, "rows(at:): needs rank ≥ 1, got shape \(shape)")
    let rowSize = shape[0] == 0 ? 0 : count / shape[0]
    var out: [Float] = []
    out.reserveCapacity(indices.count * rowSize)
    for i in indices {
      preconditionAlways(
        i >= 0 && i < shape[0], "rows(at:): row \(i) is outside 0..<\(shape[0]) of \(shape)")
      out.append(contentsOf: scalars[(i * rowSize)..<((i + 1) * rowSize)])
    }
    return Tensor(out, shape: [indices.count] + shape.dropFirst())
  }
}

/// A uniformly random permutation of `0..<n` by the Fisher–Yates shuffle,
/// drawn from `generator` (the same seed gives the same order on every
/// platform and Swift version, unlike `shuffled(using:)`).
public func permutation<G: RandomNumberGenerator>(_ n: Int, using generator: inout G) -> [Int] {
  var order = Array(0..<n)
  guard n > 1 else { return order }
  for i in stride(from: n - 1, to: 0, by: -1) {
    // Multiply-shift maps 64 random bits to 0...i without modulo bias
    // worth measuring at these sizes.
    let j = Int((generator.next().multipliedFullWidth(by: UInt64(i + 1))).high)
    order.swapAt(i, j)
  }
  return order
}
