import Testing

@testable import LabKit

/// Image i of the batch filled with the constant i + 1.
func constantImages(_ n: Int, _ h: Int, _ w: Int) -> Tensor {
  Tensor((0..<n).flatMap { i in [Float](repeating: Float(i + 1), count: h * w) }, shape: [n, h, w])
}

@Test func flipWithProbabilityOneMirrorsRows() {
  var g = CounterRandom(seed: 1)
  let x = Tensor([1, 2, 3, 4, 5, 6], shape: [1, 2, 3])
  #expect(Augment.horizontalFlip(x, probability: 1, using: &g).scalars == [3, 2, 1, 6, 5, 4])
  #expect(Augment.horizontalFlip(x, probability: 0, using: &g) == x)
}

@Test func randomCropShiftsContentWithZeroPadding() {
  var g = CounterRandom(seed: 2)
  let x = Tensor((1...16).map(Float.init), shape: [1, 4, 4])
  #expect(Augment.randomCrop(x, padding: 0, using: &g) == x)
  for _ in 0..<10 {
    let y = Augment.randomCrop(x, padding: 1, using: &g)
    // A shift by at most one pixel each way keeps at least a 3×3 block.
    #expect(y.scalars.filter { $0 != 0 }.count >= 9)
    #expect(Set(y.scalars).subtracting([0]).isSubset(of: Set(x.scalars)))
  }
}

@Test func cutoutZeroesAtMostASquare() {
  var g = CounterRandom(seed: 3)
  let y = Augment.cutout(Tensor.ones([20, 8, 8]), size: 3, using: &g)
  for i in 0..<20 {
    let zeros = y[row: i].scalars.filter { $0 == 0 }.count
    #expect(zeros >= 2 && zeros <= 9)
  }
}

@Test func randomErasingKeepsShapeAndErasesWithinBounds() {
  var g = CounterRandom(seed: 4)
  let x = Tensor.rand([10, 8, 8], using: &g)
  var y = Augment.randomErasing(x, probability: 1, using: &g)
  #expect(y.shape == x.shape)
  #expect(y != x)
  y = Augment.randomErasing(x, probability: 0, using: &g)
  #expect(y == x)
}

@Test func mixupBlendsImagesAndLabelsWithOneLambda() {
  var g = CounterRandom(seed: 5)
  let x = constantImages(6, 4, 4)
  let targets = oneHot(Array(0..<6), classes: 6)
  let (images, blended, lambda) = Augment.mixup(x, targets: targets, alpha: 0.4, using: &g)
  #expect(lambda > 0 && lambda < 1)
  for i in 0..<6 {
    // Each image is λ·(i+1) + (1−λ)·(j+1) for its partner j, and its target
    // puts λ on i and 1 − λ on j (both λ + 1 − λ = 1 when j = i).
    let row = blended[row: i]
    #expect(abs(row.sum() - 1) < 1e-5)
    let partner = (0..<6).first { j in j != i && row[j] > 0 } ?? i
    let expected = Float(lambda) * Float(i + 1) + Float(1 - lambda) * Float(partner + 1)
    #expect(abs(images[i, 0, 0] - expected) < 1e-4)
  }
}

@Test func cutMixLabelsFollowThePixelShare() {
  var g = CounterRandom(seed: 6)
  let x = constantImages(8, 8, 8)
  let targets = oneHot(Array(0..<8), classes: 8)
  for _ in 0..<5 {
    let (images, blended, lambda) = Augment.cutMix(x, targets: targets, alpha: 1, using: &g)
    for i in 0..<8 {
      let own = images[row: i].scalars.filter { $0 == Float(i + 1) }.count
      // The target weight on the own class is the share of own pixels,
      // which is λ' for every image (all images share one box).
      #expect(abs(blended[i, i] - Float(own) / 64) < 1e-5 || blended[i, i] == 1)
      #expect(abs(blended[row: i].sum() - 1) < 1e-5)
    }
    #expect(lambda >= 0 && lambda <= 1)
  }
}
