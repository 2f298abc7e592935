/// Mini-batch training with a softmax cross-entropy loss: per epoch, a
/// fresh shuffle, then per batch forward, loss (+ regulariser), backward,
/// optimiser step; after each epoch, train and validation accuracy in
/// evaluation mode. Early stopping (`patience`) ends training when the
/// validation accuracy has not improved for that many epochs, and `fit`
/// always returns the best epoch's weights (the snapshot it kept).
public struct Trainer<O: Optimizer> {
  /// The update rule; its learning rate is set from `learningRateSchedule`
  /// before each step when one is given.
  public var optimizer: O
  /// Rows per mini-batch.
  public var batchSize: Int
  /// The most epochs to run.
  public var epochs: Int
  /// A weight penalty added to the loss and its gradient, or nil.
  public var regularizer: Regularizer?
  /// ε of label smoothing (0: plain one-hot targets).
  public var labelSmoothing: Float = 0
  /// Stop after this many epochs without a better validation accuracy (nil:
  /// run every epoch; the best snapshot is still kept).
  public var patience: Int?
  /// α for iteration t (0-based), e.g. `{ schedule.rate(atStep: $0) }`.
  public var learningRateSchedule: ((Int) -> Double)?
  /// Turns a batch into (inputs, targets `[n, K]`) — e.g. mixup — or nil
  /// for the batch as it is with (smoothed) one-hot targets.
  public var batchTransform: ((Batch, inout CounterRandom) -> (inputs: Tensor, targets: Tensor))?
  /// The generator shuffles and transforms draw from.
  public var generator: CounterRandom

  /// A trainer; `seed` fixes the shuffles.
  public init(
    optimizer: O, batchSize: Int = 64, epochs: Int = 10, regularizer: Regularizer? = nil,
    patience: Int? = nil, seed: UInt64 = 0
  ) {
    preconditionAlways(batchSize > 0, "Trainer: batchSize must be > 0, got \(batchSize)")
    preconditionAlways(epochs > 0, "Trainer: epochs must be > 0, got \(epochs)")
    self.optimizer = optimizer
    self.batchSize = batchSize
    self.epochs = epochs
    self.regularizer = regularizer
    self.patience = patience
    self.generator = CounterRandom(seed: seed)
  }

  /// Trains `model` on `train`, measuring on `validation`; leaves `model`
  /// at the best epoch's weights, in evaluation mode.
  public mutating func fit<M: Layer>(
    _ model: inout M, train: Dataset, validation: Dataset
  ) -> TrainingHistory {
    var history = TrainingHistory()
    var best = model
    var bestAccuracy = -1.0
    var iteration = 0
    for epoch in 0..<epochs {
      model.isTraining = true
      for batch in train.batches(size: batchSize, shuffledUsing: &generator) {
        if let schedule = learningRateSchedule { optimizer.learningRate = schedule(iteration) }
        history.losses.append(step(&model, batch, classes: train.classCount))
        iteration += 1
      }
      history.trainAccuracy.append(accuracy(model, on: train))
      let (validationAccuracy, validationLoss) = evaluate(model, on: validation)
      history.validationAccuracy.append(validationAccuracy)
      history.validationLoss.append(validationLoss)
      if validationAccuracy > bestAccuracy {
        bestAccuracy = validationAccuracy
        best = model
        history.bestEpoch = epoch
      }
      if let patience, epoch - history.bestEpoch >= patience, epoch < epochs - 1 {
        history.stoppedEarly = true
        break
      }
    }
    model = best
    model.isTraining = false
    return history
  }

  /// One iteration on `batch`; returns its loss.
  mutating func step<M: Layer>(_ model: inout M, _ batch: Batch, classes: Int) -> Double {
    let inputs: Tensor
    let targets: Tensor
    if let transform = batchTransform {
      (inputs, targets) = transform(batch, &generator)
    } else {
      inputs = batch.inputs
      targets = smoothedTargets(batch.labels, classes: classes, labelSmoothing: labelSmoothing)
    }
    let scores = model.forward(inputs)
    let loss = softmaxCrossEntropy(scores, targets: targets)
    _ = model.backward(loss.gradient)
    var gradients = model.gradients
    var total = loss.value
    if let regularizer {
      let parameters = model.parameters
      let names = model.parameterNames
      total += regularizer.penalty(parameters, names: names)
      gradients = regularizer.addGradient(to: gradients, parameters: parameters, names: names)
    }
    optimizer.step(&model, gradients: gradients)
    return total
  }
}

/// The fraction of `data` that `model` classifies right (argmax of its
/// scores), computed in evaluation mode on a copy; `model` is untouched.
public func accuracy<M: Layer>(_ model: M, on data: Dataset, batchSize: Int = 512) -> Double {
  let predicted = predictions(model, for: data.inputs, batchSize: batchSize)
  let right = zip(predicted, data.labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
  return data.count == 0 ? 0 : Double(right) / Double(data.count)
}

/// Accuracy and mean softmax cross-entropy (plain one-hot targets) of
/// `model` on `data`, in evaluation mode on a copy.
public func evaluate<M: Layer>(_ model: M, on data: Dataset, batchSize: Int = 512)
  -> (accuracy: Double, loss: Double)
{
  var copy = model
  copy.isTraining = false
  var (right, loss) = (0, 0.0)
  let n = data.count
  for start in stride(from: 0, to: n, by: batchSize) {
    let range = start..<Swift.min(start + batchSize, n)
    let scores = copy.forward(data.inputs.rows(range))
    let labels = Array(data.labels[range])
    loss += softmaxCrossEntropy(scores, labels: labels).value * Double(range.count)
    right += zip(scores.argmax(axis: 1), labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
  }
  return n == 0 ? (0, 0) : (Double(right) / Double(n), loss / Double(n))
}

/// The predicted class (argmax of the scores) for each row of `inputs`, in
/// evaluation mode on a copy of `model`.
public func predictions<M: Layer>(_ model: M, for inputs: Tensor, batchSize: Int = 512) -> [Int] {
  var copy = model
  copy.isTraining = false
  var result: [Int] = []
  let n = inputs.shape[0]
  for start in stride(from: 0, to: n, by: batchSize) {
    let scores = copy.forward(inputs.rows(start..<Swift.min(start + batchSize, n)))
    result += scores.argmax(axis: 1)
  }
  return result
}
