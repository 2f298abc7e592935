/// A linear warm-up in front of any schedule: the first `steps` updates run
/// at a reduced rate that rises in equal steps, then the base schedule runs
/// unchanged.
///
/// αₜ = base(t) · min(1, (t + 1)/(W + 1)) for W = `steps`.
///
/// - The base schedule keeps its own clock: `t` is the run's step, so a
///   cosine of length T still ends at T whatever the warm-up.
/// - Updates 0 … W−1 use 1/(W+1) … W/(W+1) of the base rate: none runs at
///   rate 0 (a wasted update), and update W is the first at full rate.
/// - W = 0 is no warm-up: exactly the base schedule.
/// - W ≥ T (a warm-up as long as the run) is allowed: the ramp and the decay
///   overlap for the whole run, and the rate never reaches the base curve.
public struct LinearWarmup: LearningRateSchedule {
  /// W, the number of reduced-rate updates.
  public let steps: Int
  /// The schedule the warm-up scales.
  public let base: any LearningRateSchedule

  /// Throws `ScheduleError.negativeWarmup` when `steps < 0`.
  public init(steps: Int, then base: any LearningRateSchedule) throws(ScheduleError) {
    guard steps >= 0 else { throw .negativeWarmup(steps) }
    self.steps = steps
    self.base = base
  }

  /// base(t) · min(1, (t + 1)/(W + 1)).
  public func rate(atStep t: Int) -> Double {
    checkStep(t, "LinearWarmup")
    let rate = base.rate(atStep: t)
    guard t < steps else { return rate }
    return rate * Double(t + 1) / Double(steps + 1)
  }
}
