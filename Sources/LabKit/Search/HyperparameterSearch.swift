internal import Dispatch
internal import Glibc
import Synchronization

/// A list of trials to evaluate, run in parallel by `run(workers:_:)`.
/// `GridSearch` and `RandomSearch` are the two kinds.
public protocol HyperparameterSearch: Sendable {
  /// The parameters' names, in declaration order.
  var names: [String] { get }
  /// The trials, in order.
  var trials: [Trial] { get }
}

extension HyperparameterSearch {
  /// Evaluates `body` on every trial, `workers` at a time (default: the
  /// machine's cores), and collects the metrics it returns.
  ///
  /// The results are in trial order and identical for any number of
  /// workers, as long as `body` depends only on the trial (its values and
  /// its own generator, `trial.makeGenerator()`) and on data it only reads.
  ///
  ///     let results = search.run { trial in
  ///       var rng = trial.makeGenerator()
  ///       let net = train(lr: trial["lr"], using: &rng)
  ///       return ["val": net.accuracy(validation), "train": net.accuracy(train)]
  ///     }
  ///     print(results)
  ///     let best = results.best(maximizing: "val")
  public func run(
    workers: Int? = nil, _ body: @Sendable (Trial) -> [String: Double]
  ) -> SearchResults {
    // Limitation: a body that draws from the global `Random` interleaves its draws with
    // other trials' and silently loses worker-count independence; nothing detects it.
    let outcomes = parallelMap(trials, workers: workers ?? processorCount(), body)
    let metricNames = Set(outcomes.flatMap(\.keys)).sorted()
    let records = zip(trials, outcomes).map { trial, metrics in
      TrialResult(trial: trial, metrics: metrics)
    }
    return SearchResults(names: names, metricNames: metricNames, trials: records)
  }

  /// `run(workers:_:)` for a body that returns one number, kept as the
  /// metric `"score"`.
  public func run(
    workers: Int? = nil, _ body: @Sendable (Trial) -> Double
  ) -> SearchResults {
    run(workers: workers) { (trial: Trial) -> [String: Double] in ["score": body(trial)] }
  }
}

/// `body` applied to every element, computed by up to `workers` threads that
/// each take the next unclaimed index; results land in input order.
func parallelMap<T: Sendable, R: Sendable>(
  _ items: [T], workers: Int, _ body: @Sendable (T) -> R
) -> [R] {
  let workers = max(1, min(workers, items.count))
  if workers == 1 { return items.map(body) }
  let next = Atomic<Int>(0)
  let slots = Mutex<[R?]>(Array(repeating: nil, count: items.count))
  DispatchQueue.concurrentPerform(iterations: workers) { _ in
    while true {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard i < items.count else { return }
      let result = body(items[i])
      slots.withLock { $0[i] = result }
    }
  }
  return slots.withLock { $0.map { $0! } }
}

/// The number of online processors (at least 1).
func processorCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
