/// Why an `EarlyStopping` could not be built.
public enum EarlyStoppingError: Error, Equatable, CustomStringConvertible {
  /// A patience below 1.
  case nonPositivePatience(Int)
  /// A negative or non-finite minimum improvement.
  case invalidMinDelta(Double)

  public var description: String {
    switch self {
    case .nonPositivePatience(let patience):
      return
        "early stopping: patience is \(patience); give at least 1 evaluation, or nil "
        + "to never stop and only keep the best snapshot"
    case .invalidMinDelta(let delta):
      return "early stopping: minDelta is \(delta); give a finite number ≥ 0"
    }
  }
}
