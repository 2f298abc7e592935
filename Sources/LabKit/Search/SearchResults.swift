/// What a hyperparameter search found: one row per trial, in trial order,
/// with a column per parameter and per metric. Its `description` is a
/// printable table; `column(_:)` and `labels` feed `show(bars:)` and
/// `show(scatter:x:)`.
public struct SearchResults: Sendable, CustomStringConvertible {
  /// The parameters' names, in declaration order.
  public let names: [String]
  /// The metrics' names, sorted.
  public let metricNames: [String]
  /// One result per trial, in trial order.
  public let trials: [TrialResult]

  /// The trial with the largest finite `metric`; `nil` when no trial has a
  /// finite value (every run diverged). Ties go to the earlier trial.
  public func best(maximizing metric: String) -> TrialResult? {
    bestTrial(metric) { $0 > $1 }
  }

  /// The trial with the smallest finite `metric` (see `best(maximizing:)`).
  public func best(minimizing metric: String) -> TrialResult? {
    bestTrial(metric) { $0 < $1 }
  }

  /// Parameter or metric `name` for every trial, in trial order (NaN where
  /// a trial lacks the metric); stops with a message for an unknown name.
  public func column(_ name: String) -> [Double] {
    if names.contains(name) { return trials.map { $0.trial[name] } }
    if metricNames.contains(name) { return trials.map { $0[metric: name] } }
    fatalError(
      "search results have no column \"\(name)\"; the columns are "
        + (names + metricNames).map { "\"\($0)\"" }.joined(separator: ", "))
  }

  /// Each trial's parameters as text, e.g. `lr=0.001, wd=0.0001`.
  public var labels: [String] { trials.map(\.trial.label) }

  /// The table with its rows sorted by `metric`, best first (NaN last).
  public func table(sortedBy metric: String, descending: Bool = true) -> String {
    let sorted = trials.sorted { a, b in
      let x = a[metric: metric]
      let y = b[metric: metric]
      if x.isNaN != y.isNaN { return y.isNaN }
      if x == y || x.isNaN { return a.trial.index < b.trial.index }
      return descending ? x > y : x < y
    }
    return render(sorted)
  }

  /// The table in trial order: `#`, each parameter, each metric.
  public var description: String { render(trials) }

  private func bestTrial(
    _ metric: String, _ better: (Double, Double) -> Bool
  ) -> TrialResult? {
    var best: TrialResult?
    for result in trials where result[metric: metric].isFinite {
      if let current = best, !better(result[metric: metric], current[metric: metric]) {
        continue
      }
      best = result
    }
    return best
  }

  private func render(_ rows: [TrialResult]) -> String {
    let header = ["#"] + names + metricNames
    let cells = rows.map { row in
      [String(row.trial.index)] + row.trial.values.map { formatNumber($0) }
        + metricNames.map { formatNumber(row[metric: $0]) }
    }
    let widths = header.indices.map { column in
      ([header] + cells).map { $0[column].count }.max() ?? 0
    }
    func line(_ fields: [String]) -> String {
      zip(fields, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }
        .joined(separator: "  ")
    }
    return ([line(header)] + cells.map(line)).joined(separator: "\n")
  }
}
