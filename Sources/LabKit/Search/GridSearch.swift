/// Grid search: every combination of the listed values, first parameter
/// slowest (row-major), so 3 × 3 values give 9 trials in the order
/// (a₀,b₀), (a₀,b₁), (a₀,b₂), (a₁,b₀), …
///
///     let grid = try GridSearch(
///       [("lr", [1e-4, 1e-3, 1e-2, 1e-1]), ("wd", [1e-4, 1e-3, 1e-2, 1e-1])])
///     let results = grid.run { trial in validationAccuracy(trial["lr"], trial["wd"]) }
public struct GridSearch: HyperparameterSearch {
  /// The parameters' names, in declaration order.
  public let names: [String]
  /// Every combination, in row-major order.
  public let trials: [Trial]

  /// Throws `SearchError` when there are no parameters, a name repeats or
  /// an axis has no values. `seed` only seeds the trials' own generators.
  public init(_ axes: [(name: String, values: [Double])], seed: UInt64 = 0) throws(SearchError) {
    let names = axes.map(\.name)
    try validateNames(names)
    for axis in axes where axis.values.isEmpty {
      throw .emptySearch("grid axis \"\(axis.name)\" has no values")
    }
    var combinations: [[Double]] = [[]]
    for axis in axes {
      combinations = combinations.flatMap { prefix in axis.values.map { prefix + [$0] } }
    }
    self.names = names
    self.trials = combinations.enumerated().map { index, values in
      Trial(
        index: index, names: names, values: values,
        seed: Trial.derivedSeed(seed, word: 2 * UInt64(index) + 1))
    }
  }
}
