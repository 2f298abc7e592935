/// The same rate at every step: αₜ = α₀.
public struct ConstantRate: LearningRateSchedule {
  /// α₀.
  public let baseRate: Double

  /// Throws `ScheduleError.invalidRate` unless `baseRate` is finite and ≥ 0.
  public init(baseRate: Double) throws(ScheduleError) {
    try validateRate(baseRate, "baseRate")
    self.baseRate = baseRate
  }

  /// α₀, for every `t ≥ 0`.
  public func rate(atStep t: Int) -> Double {
    checkStep(t, "ConstantRate")
    return baseRate
  }
}
