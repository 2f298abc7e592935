/// Early stopping with the best snapshot kept: after each evaluation, keep a
/// copy of the model if its validation score is the best so far, and stop
/// once `patience` evaluations in a row brought no improvement.
///
/// "Improvement" means better than the best so far by more than `minDelta`.
/// A NaN score is never an improvement. With `patience: nil` it never asks
/// to stop and only keeps the best snapshot — the lecture's "train for a
/// long time, but always keep the snapshot that worked best on val".
///
///     var stopper = try EarlyStopping<Sequential>(patience: 5)
///     for epoch in 0..<100 {
///       train(&model)
///       if stopper.observe(step: epoch, score: accuracy(model, val), snapshot: model) {
///         break
///       }
///     }
///     model = stopper.bestSnapshot!
public struct EarlyStopping<Snapshot> {
  /// Evaluations without improvement that stop training; `nil`: never stop.
  public let patience: Int?
  /// How much better than the best a score must be to count.
  public let minDelta: Double
  /// Whether larger scores are better (accuracy) or smaller (loss).
  public let maximize: Bool
  /// The best score so far, `nil` before any finite one.
  public private(set) var bestScore: Double?
  /// The step at which `bestScore` was observed.
  public private(set) var bestStep: Int?
  /// The snapshot taken at `bestStep`.
  public private(set) var bestSnapshot: Snapshot?
  /// Evaluations since the last improvement.
  public private(set) var evaluationsWithoutImprovement = 0
  /// Whether patience has run out.
  public private(set) var shouldStop = false

  /// Throws `EarlyStoppingError` for `patience < 1` or a negative or
  /// non-finite `minDelta`.
  public init(patience: Int? = nil, minDelta: Double = 0, maximize: Bool = true)
    throws(EarlyStoppingError)
  {
    if let patience, patience < 1 { throw .nonPositivePatience(patience) }
    guard minDelta.isFinite, minDelta >= 0 else { throw .invalidMinDelta(minDelta) }
    self.patience = patience
    self.minDelta = minDelta
    self.maximize = maximize
  }

  /// Records the score of the evaluation at `step`, keeps `snapshot` (only
  /// evaluated on an improvement) if it is the best so far, and returns
  /// `shouldStop`.
  @discardableResult
  public mutating func observe(
    step: Int, score: Double, snapshot: @autoclosure () -> Snapshot
  ) -> Bool {
    if isImprovement(score) {
      bestScore = score
      bestStep = step
      bestSnapshot = snapshot()
      evaluationsWithoutImprovement = 0
    } else {
      evaluationsWithoutImprovement += 1
      if let patience, evaluationsWithoutImprovement >= patience { shouldStop = true }
    }
    return shouldStop
  }

  private func isImprovement(_ score: Double) -> Bool {
    guard !score.isNaN else { return false }
    guard let best = bestScore else { return true }
    return maximize ? score > best + minDelta : score < best - minDelta
  }
}
