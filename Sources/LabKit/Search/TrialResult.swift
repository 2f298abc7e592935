/// A trial and the metrics its evaluation returned.
public struct TrialResult: Sendable {
  /// The trial: index, parameter values, seed.
  public let trial: Trial
  /// The metrics, by name (e.g. `"val"`, `"train"`, `"loss"`).
  public let metrics: [String: Double]

  /// Metric `name`, or NaN when the trial did not report it.
  public subscript(metric name: String) -> Double { metrics[name] ?? .nan }

  /// Parameter `name` of the trial (see `Trial.subscript`).
  public subscript(_ name: String) -> Double { trial[name] }
}
