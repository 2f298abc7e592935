import Testing

@testable import LabKit

/// 10,000 ones with drop probability 0.2: the number of zeros is
/// Binomial(10000, 0.2), mean 2000 and sd √(10000·0.2·0.8) = 40; 5 sd = 200.
@Test func invertedDropoutDropsAFifthAndScalesSurvivors() {
  var g = CounterRandom(seed: 31)
  let y = invertedDropout(
    Tensor.ones([10_000]), dropProbability: 0.2, training: true, using: &g)
  let zeros = y.scalars.filter { $0 == 0 }.count
  #expect(abs(zeros - 2000) <= 200)
  #expect(y.scalars.allSatisfy { $0 == 0 || $0 == 1.25 })
}

@Test func vanillaDropoutKeepsSurvivorsAndScalesAtTest() {
  var g = CounterRandom(seed: 32)
  let x = Tensor.ones([10_000])
  let y = dropout(x, dropProbability: 0.2, training: true, using: &g)
  let zeros = y.scalars.filter { $0 == 0 }.count
  #expect(abs(zeros - 2000) <= 200)
  #expect(y.scalars.allSatisfy { $0 == 0 || $0 == 1 })
  let test = dropout(x, dropProbability: 0.2, training: false, using: &g)
  #expect(test.scalars.allSatisfy { $0 == Float(0.8) })
}

@Test func invertedDropoutIsIdentityAtTest() {
  let x = Tensor([1, -2, 3])
  #expect(invertedDropout(x, dropProbability: 0.5, training: false) == x)
  #expect(invertedDropout(x, keepProbability: 0.5, training: false) == x)
}

@Test func droppingEverythingGivesZerosNotNaN() {
  let x = Tensor([1, 2, 3])
  #expect(invertedDropout(x, dropProbability: 1, training: true).scalars == [0, 0, 0])
  #expect(dropout(x, dropProbability: 1, training: true).scalars == [0, 0, 0])
  #expect(dropout(x, dropProbability: 1, training: false).scalars == [0, 0, 0])
  #expect(invertedDropout(x, keepProbability: 0, training: true).scalars == [0, 0, 0])
}

@Test func keepAndDropLabelsAreComplements() {
  var a = CounterRandom(seed: 33)
  var b = CounterRandom(seed: 33)
  let x = Tensor.ones([500])
  #expect(
    dropout(x, keepProbability: 0.7, training: true, using: &a)
      == dropout(x, dropProbability: 0.3, training: true, using: &b))
  #expect(dropout(x, keepProbability: 0.5, training: false).scalars.allSatisfy { $0 == 0.5 })
}

/// The expectation argument: inverted dropout's mean over many draws is the
/// input's; 100,000 units at drop 0.5 give mean 1 ± 5·(1/√100000).
@Test func invertedDropoutPreservesTheExpectation() {
  var g = CounterRandom(seed: 34)
  let y = invertedDropout(Tensor.ones([100_000]), dropProbability: 0.5, training: true, using: &g)
  #expect(abs(y.mean() - 1) < 5 / Float(100_000).squareRoot())
}
