/// Random search (Bergstra & Bengio, "Random Search for Hyper-Parameter
/// Optimization", JMLR 2012): each trial draws every parameter independently
/// from its distribution. With the same budget as a grid it tries as many
/// distinct values of each parameter as there are trials, so the one that
/// matters is explored finely even when the others do not matter.
///
/// Trial `i`'s values are drawn from a generator keyed by `seed` and `i`
/// alone: the same search seed gives the same trials, in any order.
///
///     let search = try RandomSearch(
///       [("lr", .logUniform(1e-4...1e-1)), ("wd", .logUniform(1e-4...1e-1))],
///       trials: 20, seed: 7)
public struct RandomSearch: HyperparameterSearch {
  /// The parameters' names, in declaration order.
  public let names: [String]
  /// The drawn trials.
  public let trials: [Trial]

  /// Throws `SearchError` when there are no parameters, a name repeats, a
  /// distribution is invalid or `trials < 1`.
  public init(
    _ parameters: [(name: String, distribution: SearchDistribution)], trials: Int,
    seed: UInt64 = 0
  ) throws(SearchError) {
    let names = parameters.map(\.name)
    try validateNames(names)
    for parameter in parameters { try parameter.distribution.validate(parameter.name) }
    guard trials >= 1 else { throw .nonPositiveTrials(trials) }
    self.names = names
    self.trials = (0..<trials).map { index in
      var generator = CounterRandom(seed: Trial.derivedSeed(seed, word: 2 * UInt64(index)))
      let values = parameters.map { $0.distribution.draw(using: &generator) }
      return Trial(
        index: index, names: names, values: values,
        seed: Trial.derivedSeed(seed, word: 2 * UInt64(index) + 1))
    }
  }
}
