/// Inverse square-root decay (as in "Attention Is All You Need", usually
/// behind a warm-up): αₜ = α₀/√t.
///
/// The formula is infinite at t = 0; LabKit uses α₀ there, the value at
/// t = 1, so the first two updates share the rate α₀ and every t ≥ 1 follows
/// the formula exactly. It has no length: it decays for ever.
public struct InverseSqrtDecay: LearningRateSchedule {
  /// α₀, the rate at t = 0 and t = 1.
  public let baseRate: Double

  /// Throws `ScheduleError.invalidRate` unless `baseRate` is finite and ≥ 0.
  public init(baseRate: Double) throws(ScheduleError) {
    try validateRate(baseRate, "baseRate")
    self.baseRate = baseRate
  }

  /// α₀/√max(t, 1).
  public func rate(atStep t: Int) -> Double {
    checkStep(t, "InverseSqrtDecay")
    return baseRate / Double(Swift.max(t, 1)).squareRoot()
  }
}
