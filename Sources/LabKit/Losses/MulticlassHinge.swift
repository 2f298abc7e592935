/// The multiclass SVM (hinge) loss of the lecture (Weston & Watkins 1999):
/// `Lᵢ = Σ_{j ≠ yᵢ} max(0, sᵢⱼ - s_{i,yᵢ} + Δ)`, averaged over the batch.
///
/// Gradient: each j ≠ yᵢ with a positive margin gets +1/N and the true class
/// gets -1/N per such j. At max(0, ·)'s kink the subgradient 0 is used.
public func multiclassHinge(_ scores: Tensor, labels: [Int], margin: Float = 1) -> LossValue {
  preconditionAlways(
    scores.rank == 2 && scores.shape[0] == labels.count,
    "multiclassHinge: scores \(scores.shape) need one row per label (\(labels.count))")
  let (n, k) = (scores.shape[0], scores.shape[1])
  preconditionAlways(n > 0, "multiclassHinge: the batch is empty")
  var loss = 0.0
  var gradient = Tensor.zeros(scores.shape)
  let share = 1 / Float(n)
  for (i, y) in labels.enumerated() {
    preconditionAlways(
      y >= 0 && y < k, "multiclassHinge: label \(y) at row \(i) is outside 0..<\(k)")
    let sy = scores.scalars[i * k + y]
    for j in 0..<k where j != y {
      let m = scores.scalars[i * k + j] - sy + margin
      if m > 0 {
        loss += Double(m)
        gradient.scalars[i * k + j] += share
        gradient.scalars[i * k + y] -= share
      }
    }
  }
  return LossValue(value: loss / Double(n), gradient: gradient)
}
