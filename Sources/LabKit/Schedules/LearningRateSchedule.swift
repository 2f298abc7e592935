/// A learning rate as a function of the training step: the value answers
/// "what rate does update number `t` use?".
///
/// Conventions, shared by every schedule in LabKit:
/// - `t` counts optimiser updates already taken: the first update of the run
///   uses `rate(atStep: 0)`, the last of a run of `T` updates uses
///   `rate(atStep: T − 1)`. Epoch-based schedules pass the epoch instead.
/// - A schedule with a length `T` (`totalSteps`) reaches its end value
///   exactly at `t = T`, one past the last update, as the closed forms say
///   (cosine: the floor; linear: 0). After `T` it holds that end value: no
///   restarts, no negative rates.
/// - `t < 0` is a programming error and stops the program with a message.
///
/// Schedules are built by throwing initialisers: a negative rate, a length
/// of 0 or milestones out of order throw a `ScheduleError` that says what to
/// fix, instead of giving a curve that silently surprises.
///
///     let schedule = try CosineDecay(baseRate: 0.1, totalSteps: 1000)
///       .withWarmup(steps: 100)
///     optimizer.learningRate = schedule.rate(atStep: step)
public protocol LearningRateSchedule: Sendable {
  /// The learning rate that update number `t` (from 0) uses.
  func rate(atStep t: Int) -> Double
}

extension LearningRateSchedule {
  /// The rates of updates `0 ..< steps`, e.g. to draw the schedule.
  ///
  ///     show(line: schedule.rates(steps: 1000), title: "Cosine")
  public func rates(steps: Int) -> [Double] {
    (0..<Swift.max(steps, 0)).map { rate(atStep: $0) }
  }

  /// This schedule behind a linear warm-up of `steps` updates (see
  /// `LinearWarmup`). Throws `ScheduleError.negativeWarmup` when `steps < 0`.
  public func withWarmup(steps: Int) throws(ScheduleError) -> LinearWarmup {
    try LinearWarmup(steps: steps, then: self)
  }
}

/// Stops with a message naming the schedule when a step is negative.
@inline(__always)
func checkStep(_ t: Int, _ schedule: String) {
  preconditionAlways(
    t >= 0,
    "\(schedule).rate(atStep:): step \(t) is negative; steps count updates from 0")
}

/// Throws unless `rate` is finite and ≥ 0.
func validateRate(_ rate: Double, _ name: String) throws(ScheduleError) {
  guard rate.isFinite, rate >= 0 else { throw .invalidRate(name: name, value: rate) }
}

/// Throws unless `steps` ≥ 1.
func validateLength(_ steps: Int) throws(ScheduleError) {
  guard steps >= 1 else { throw .nonPositiveLength(steps) }
}
