/// Linear decay to zero (as in BERT's fine-tuning):
/// αₜ = α₀(1 − t/T) for 0 ≤ t ≤ T, and 0 after.
///
/// α₀ at t = 0, α₀/T at the last update of a `T`-step run (t = T − 1),
/// exactly 0 at t = T and beyond (never negative).
public struct LinearDecay: LearningRateSchedule {
  /// α₀, the rate at t = 0.
  public let baseRate: Double
  /// T, the step at which the rate reaches 0.
  public let totalSteps: Int

  /// Throws `ScheduleError` for a negative or non-finite `baseRate` or
  /// `totalSteps` below 1.
  public init(baseRate: Double, totalSteps: Int) throws(ScheduleError) {
    try validateRate(baseRate, "baseRate")
    try validateLength(totalSteps)
    self.baseRate = baseRate
    self.totalSteps = totalSteps
  }

  /// α₀(1 − min(t, T)/T).
  public func rate(atStep t: Int) -> Double {
    checkStep(t, "LinearDecay")
    guard t < totalSteps else { return 0 }
    return baseRate * (1 - Double(t) / Double(totalSteps))
  }
}
