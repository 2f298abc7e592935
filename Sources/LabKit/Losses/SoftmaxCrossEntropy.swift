internal import Glibc

/// Row-wise softmax `pᵢⱼ = e^(sᵢⱼ - mᵢ) / Σₖ e^(sᵢₖ - mᵢ)` of `[batch, K]`
/// scores, with mᵢ the row's maximum so that no exponential overflows.
public func softmax(_ scores: Tensor) -> Tensor {
  preconditionAlways(scores.rank == 2, "softmax: needs [batch, K] scores, got \(scores.shape)")
  let (n, k) = (scores.shape[0], scores.shape[1])
  var out = scores
  out.scalars.withUnsafeMutableBufferPointer { p in
    for i in 0..<n {
      var m = -Float.infinity
      for j in 0..<k { m = Swift.max(m, p[i * k + j]) }
      var total: Float = 0
      for j in 0..<k {
        p[i * k + j] = expf(p[i * k + j] - m)
        total += p[i * k + j]
      }
      for j in 0..<k { p[i * k + j] /= total }
    }
  }
  return out
}

/// One-hot rows: `[labels.count, classes]`, 1 at each label.
public func oneHot(_ labels: [Int], classes: Int) -> Tensor {
  smoothedTargets(labels, classes: classes, labelSmoothing: 0)
}

/// Label-smoothed targets (Szegedy et al. 2016): `1 - (K-1)/K·ε` on the true
/// class and `ε/K` on each of the K - 1 others, so each row sums to 1.
/// K = 3, ε = 0.15 gives 0.90 / 0.05 / 0.05, the lecture's example.
public func smoothedTargets(_ labels: [Int], classes: Int, labelSmoothing epsilon: Float)
  -> Tensor
{
  preconditionAlways(classes > 0, "smoothedTargets: classes must be > 0, got \(classes)")
  preconditionAlways(
    epsilon >= 0 && epsilon <= 1,
    "smoothedTargets: labelSmoothing must be in [0, 1], got \(epsilon)")
  let k = Float(classes)
  let off = epsilon / k
  let on = 1 - (k - 1) / k * epsilon
  var t = Tensor.full([labels.count, classes], off)
  for (i, label) in labels.enumerated() {
    preconditionAlways(
      label >= 0 && label < classes,
      "smoothedTargets: label \(label) at row \(i) is outside 0..<\(classes)")
    t[i, label] = on
  }
  return t
}

/// Softmax cross-entropy against target distributions (rows summing to 1,
/// e.g. smoothed or mixup labels): `L = -(1/N) Σᵢ Σⱼ tᵢⱼ log pᵢⱼ`, with
/// `log pᵢⱼ = sᵢⱼ - mᵢ - log Σₖ e^(sᵢₖ - mᵢ)` (stable for any scores).
/// Gradient: `∂L/∂s = (p - t) / N`.
public func softmaxCrossEntropy(_ scores: Tensor, targets: Tensor) -> LossValue {
  preconditionAlways(
    scores.rank == 2 && scores.shape == targets.shape,
    "softmaxCrossEntropy: scores \(scores.shape) and targets \(targets.shape) must be the "
      + "same [batch, K]")
  let (n, k) = (scores.shape[0], scores.shape[1])
  preconditionAlways(n > 0, "softmaxCrossEntropy: the batch is empty")
  var loss = 0.0
  for i in 0..<n {
    var m = -Double.infinity
    for j in 0..<k { m = Swift.max(m, Double(scores.scalars[i * k + j])) }
    var total = 0.0
    for j in 0..<k { total += Glibc.exp(Double(scores.scalars[i * k + j]) - m) }
    let logTotal = Glibc.log(total)
    for j in 0..<k {
      let t = Double(targets.scalars[i * k + j])
      if t != 0 { loss -= t * (Double(scores.scalars[i * k + j]) - m - logTotal) }
    }
  }
  let gradient = (softmax(scores) - targets) / Float(n)
  return LossValue(value: loss / Double(n), gradient: gradient)
}

/// Softmax cross-entropy against integer labels, optionally label-smoothed:
/// the targets are `smoothedTargets(labels, classes: K, labelSmoothing: ε)`.
/// With ε = 0 this is `-(1/N) Σᵢ log p_{i,yᵢ}`; at random scores it starts
/// near log K.
public func softmaxCrossEntropy(
  _ scores: Tensor, labels: [Int], labelSmoothing epsilon: Float = 0
) -> LossValue {
  preconditionAlways(
    scores.rank == 2 && scores.shape[0] == labels.count,
    "softmaxCrossEntropy: scores \(scores.shape) need one row per label (\(labels.count))")
  let targets = smoothedTargets(labels, classes: scores.shape[1], labelSmoothing: epsilon)
  return softmaxCrossEntropy(scores, targets: targets)
}
