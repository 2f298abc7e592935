import Testing

@testable import LabKit

@Test func labelSmoothingGivesTheLecturesTargets() {
  // K = 3, ε = 0.15: 1 − (2/3)·0.15 = 0.90 on the true class, 0.05 elsewhere.
  let t = smoothedTargets([1], classes: 3, labelSmoothing: 0.15)
  #expect(abs(t[0, 0] - 0.05) < 1e-6)
  #expect(abs(t[0, 1] - 0.90) < 1e-6)
  #expect(abs(t[0, 2] - 0.05) < 1e-6)
}

@Test(arguments: [1, 2, 3, 10, 100], [Float(0), 0.05, 0.15, 0.5, 1])
func smoothedTargetsSumToOne(_ classes: Int, _ epsilon: Float) {
  let labels = (0..<7).map { $0 % classes }
  let t = smoothedTargets(labels, classes: classes, labelSmoothing: epsilon)
  for row in 0..<labels.count {
    #expect(abs(t[row: row].sum() - 1) < 1e-5)
  }
}

@Test func crossEntropyOfEqualScoresIsLogK() {
  let loss = softmaxCrossEntropy(Tensor.zeros([4, 10]), labels: [0, 3, 9, 5])
  #expect(abs(loss.value - 2.302585092994046) < 1e-6)
}

@Test func crossEntropyStaysFiniteForHugeScores() {
  // −log p of the true class is 1000 − 0 = 1000 (the other exp underflows).
  let loss = softmaxCrossEntropy(Tensor([1000, 0, -1000, 0], shape: [2, 2]), labels: [1, 0])
  #expect(abs(loss.value - (1000 + 1000) / 2) < 1e-3)
  #expect(loss.gradient.scalars.allSatisfy { $0.isFinite })
}

@Test func crossEntropyMatchesNumpy() throws {
  let scores: [Float] = [1, 2, 0.5, -1, 0, 3]
  guard
    let out = try numpy(
      """
      s = np.array([[1, 2, .5], [-1, 0, 3]]); y = [2, 0]; e = .1; K = 3
      t = np.full((2, K), e / K); t[[0, 1], y] = 1 - (K - 1) / K * e
      z = s - s.max(1, keepdims=True); lp = z - np.log(np.exp(z).sum(1, keepdims=True))
      print(-(t * lp).sum() / 2)
      """)
  else { return }
  let loss = softmaxCrossEntropy(
    Tensor(scores, shape: [2, 3]), labels: [2, 0], labelSmoothing: 0.1)
  #expect(abs(loss.value - doubles(out)[0]) < 1e-6)
}

@Test func hingeLossMatchesTheLecturesExample() {
  // The lecture's three images (cat, car, frog) and their scores, one per
  // column on the slide: losses 2.9, 0, 12.9, mean 5.27 (to two decimals).
  let scores = Tensor([3.2, 5.1, -1.7, 1.3, 4.9, 2.0, 2.2, 2.5, -3.1], shape: [3, 3])
  let loss = multiclassHinge(scores, labels: [0, 1, 2])
  #expect(abs(loss.value - (2.9 + 0 + 12.9) / 3) < 1e-5)
}

@Test func regularizersAddTheirPenalty() {
  let w = Tensor([1, -2, 0, 3])
  // Σw² = 14, Σ|w| = 6.
  #expect(abs(Regularizer.l2(0.5).penalty(w) - 7) < 1e-9)
  #expect(abs(Regularizer.l1(0.5).penalty(w) - 3) < 1e-9)
  #expect(abs(Regularizer.elasticNet(l1: 0.5, l2: 0.5).penalty(w) - 10) < 1e-9)
  #expect(Regularizer.l1(1).gradient(w).scalars == [1, -1, 0, 1])
  #expect(Regularizer.l2(1).gradient(w).scalars == [2, -4, 0, 6])
}

@Test func regularizerSkipsBiases() {
  let model = Sequential(Linear(weight: Tensor.ones([2, 2]), bias: Tensor.ones([2])))
  // Only the 4 weights count: 0.1 · 4.
  #expect(
    abs(Regularizer.l2(0.1).penalty(model.parameters, names: model.parameterNames) - 0.4) < 1e-6)
}
