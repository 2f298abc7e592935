/// What a training run recorded: the loss of every iteration and the
/// accuracies after every epoch, and which epoch early stopping kept.
public struct TrainingHistory: Sendable {
  /// The mini-batch loss (data loss + regularisation) at each iteration.
  public var losses: [Double] = []
  /// Accuracy on the training set after each epoch (evaluation mode).
  public var trainAccuracy: [Double] = []
  /// Accuracy on the validation set after each epoch (evaluation mode).
  public var validationAccuracy: [Double] = []
  /// Mean cross-entropy on the validation set after each epoch (evaluation
  /// mode, unsmoothed targets): it rises when the network grows over-confident
  /// on examples it gets wrong, often before the accuracy shows overfitting.
  public var validationLoss: [Double] = []
  /// The epoch (0-based) whose weights were kept: the best validation
  /// accuracy, the earliest on a tie.
  public var bestEpoch = 0
  /// Whether training stopped before the last epoch for lack of progress.
  public var stoppedEarly = false

  /// An empty history.
  public init() {}

  /// The validation accuracy of the kept epoch.
  public var bestValidationAccuracy: Double {
    validationAccuracy.isEmpty ? 0 : validationAccuracy[bestEpoch]
  }
  /// The generalisation gap of each epoch, `trainAccuracy[e] −
  /// validationAccuracy[e]`: a series, one entry per epoch, not a number.
  /// For one number take an epoch's, e.g. `gap.last` (after the last epoch)
  /// or `gap[bestEpoch]` (at the kept weights).
  public var gap: [Double] { zip(trainAccuracy, validationAccuracy).map { $0 - $1 } }
}
