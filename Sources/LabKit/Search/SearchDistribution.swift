internal import Glibc

/// Where random search draws one hyperparameter from.
public enum SearchDistribution: Sendable, Equatable {
  /// x ~ U[low, high].
  case uniform(ClosedRange<Double>)
  /// x = exp(U[ln low, ln high]): each decade equally likely; the way to
  /// search learning rates and weight decays (Bergstra & Bengio, JMLR 2012).
  case logUniform(ClosedRange<Double>)
  /// One of the listed values, each with probability 1/count.
  // Limitation: choices are numbers only; encode a categorical setting as an index.
  case choice([Double])

  /// One draw from `generator`.
  func draw<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    switch self {
    case .uniform(let range): return Random.uniform(range, using: &generator)
    case .logUniform(let range): return Random.logUniform(range, using: &generator)
    case .choice(let values):
      return values[Int(generator.next(upperBound: UInt64(values.count)))]
    }
  }

  /// Throws `SearchError.invalidDistribution` for a non-finite bound, a
  /// log-uniform range that is not above 0, or an empty choice.
  func validate(_ name: String) throws(SearchError) {
    switch self {
    case .uniform(let range):
      guard range.lowerBound.isFinite, range.upperBound.isFinite else {
        throw .invalidDistribution(name: name, reason: "bounds \(range) must be finite")
      }
    case .logUniform(let range):
      guard range.lowerBound > 0, range.upperBound.isFinite else {
        throw .invalidDistribution(
          name: name, reason: "log-uniform range \(range) must lie above 0 and be finite")
      }
    case .choice(let values):
      guard !values.isEmpty else {
        throw .invalidDistribution(name: name, reason: "choice has no values")
      }
    }
  }
}
