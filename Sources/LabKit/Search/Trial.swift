/// One point of a hyperparameter search: its index, its parameter values and
/// a seed of its own.
///
/// The seed is a pure function of the search's seed and the trial's index,
/// so a trial computes the same thing whichever worker runs it and however
/// many workers there are — provided it draws all its randomness from
/// `makeGenerator()` (or `seed`), never from the global `Random`, which the
/// trials running beside it share.
public struct Trial: Sendable {
  /// The trial's position in the search, from 0.
  public let index: Int
  /// The parameters' names, in the order the search declared them.
  public let names: [String]
  /// The parameters' values, in the order of `names`.
  public let values: [Double]
  /// The trial's own seed, derived from the search's seed and `index`.
  public let seed: UInt64

  /// The value of parameter `name`; stops with a message listing the
  /// known names when there is no such parameter.
  public subscript(_ name: String) -> Double {
    guard let i = names.firstIndex(of: name) else {
      fatalError(
        "trial \(index) has no parameter \"\(name)\"; the search's parameters are "
          + names.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    return values[i]
  }

  /// A fresh generator at the start of this trial's stream: the same draws
  /// for the same search seed and trial index, on any worker.
  public func makeGenerator() -> CounterRandom { CounterRandom(seed: seed) }

  /// The parameters as `name=value` pairs, e.g. `lr=0.001, wd=0.0001`.
  public var label: String {
    zip(names, values).map { "\($0)=\(formatNumber($1))" }.joined(separator: ", ")
  }

  /// Word `word` of the stream keyed by `searchSeed`: trial seeds and
  /// parameter draws come from disjoint words, so they are independent.
  static func derivedSeed(_ searchSeed: UInt64, word: UInt64) -> UInt64 {
    CounterRandom.word(CounterRandom.mix(searchSeed), word)
  }
}
