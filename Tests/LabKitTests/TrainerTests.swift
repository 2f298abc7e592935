import Testing

@testable import LabKit

@Test func trainerLearnsSeparatedBlobs() {
  var g = CounterRandom(seed: 1)
  let data = Dataset.blobs(
    pointsPerClass: 60, centers: [[-3, 0], [3, 0], [0, 4]], std: 0.7, using: &g
  ).shuffled(using: &g)
  let (train, validation) = data.split(at: 120)
  Random.seed(1)
  var model = Sequential(Linear(2, 16), ActivationLayer(.relu), Linear(16, 3))
  var trainer = Trainer(optimizer: SGD(learningRate: 0.1, momentum: 0.9), batchSize: 16, epochs: 10)
  let history = trainer.fit(&model, train: train, validation: validation)
  #expect(history.losses.count == 10 * 8)
  #expect(history.trainAccuracy.count == 10)
  // Centres ≥ 5 apart with sd 0.7: the Bayes error is far below 1%.
  #expect(history.bestValidationAccuracy > 0.95)
  #expect(history.losses.last! < history.losses.first!)
  #expect(accuracy(model, on: validation) == history.bestValidationAccuracy)
  let evaluated = evaluate(model, on: validation)
  #expect(evaluated.accuracy == history.bestValidationAccuracy)
  #expect(history.validationLoss[history.bestEpoch] == evaluated.loss)
}

@Test func earlyStoppingStopsWhenValidationStallsAndKeepsTheBest() {
  var g = CounterRandom(seed: 2)
  let data = Dataset.blobs(pointsPerClass: 20, centers: [[-1, 0], [1, 0]], using: &g)
  var model = Sequential(Linear(2, 2))
  // Learning rate 0: accuracy never improves after epoch 0.
  var trainer = Trainer(optimizer: SGD(learningRate: 0), batchSize: 8, epochs: 20, patience: 3)
  let history = trainer.fit(&model, train: data, validation: data)
  #expect(history.stoppedEarly)
  #expect(history.bestEpoch == 0)
  #expect(history.validationAccuracy.count == 4)
}

@Test func trainerAppliesItsScheduleEachIteration() {
  var g = CounterRandom(seed: 3)
  let data = Dataset.blobs(pointsPerClass: 8, centers: [[-1, 0], [1, 0]], using: &g)
  var model = Sequential(Linear(2, 2))
  let before = model.parameters
  var trainer = Trainer(optimizer: SGD(learningRate: 1), batchSize: 4, epochs: 2)
  trainer.learningRateSchedule = { _ in 0 }
  _ = trainer.fit(&model, train: data, validation: data)
  #expect(model.parameters == before)
  #expect(trainer.optimizer.learningRate == 0)
}

@Test func trainerTrainsOnTransformedBatches() {
  var g = CounterRandom(seed: 4)
  let data = Dataset.blobs(
    pointsPerClass: 40, centers: [[-3, 0], [3, 0]], std: 0.5, using: &g
  ).shuffled(using: &g)
  Random.seed(4)
  var model = Sequential(Linear(2, 8), ActivationLayer(.tanh), Linear(8, 2))
  var trainer = Trainer(optimizer: Adam(learningRate: 0.05), batchSize: 16, epochs: 8)
  var calls = 0
  trainer.batchTransform = { batch, generator in
    calls += 1
    // Mixup on feature rows: the blend is the same for any row shape.
    let targets = oneHot(batch.labels, classes: 2)
    let images = batch.inputs.reshaped([batch.labels.count, 1, 2])
    let mixed = Augment.mixup(images, targets: targets, alpha: 0.4, using: &generator)
    return (mixed.images.reshaped([batch.labels.count, 2]), mixed.targets)
  }
  let history = trainer.fit(&model, train: data, validation: data)
  #expect(calls == 8 * 5)
  // Two blobs 6 apart with sd 0.5 are separable; mixup must not prevent that.
  #expect(history.bestValidationAccuracy > 0.95)
}
