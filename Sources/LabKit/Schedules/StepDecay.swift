/// Multiplies the rate by `factor` at each milestone:
/// αₜ = α₀ · γ^k, where k is the number of milestones m with m ≤ t.
///
/// The drop takes effect *at* the milestone: with milestones [30, 60, 90]
/// and γ = 0.1 (the ResNet recipe, in epochs), step 29 uses α₀ and step 30
/// uses α₀/10. The same convention as PyTorch's `MultiStepLR`.
public struct StepDecay: LearningRateSchedule {
  /// α₀.
  public let baseRate: Double
  /// The steps at which the rate drops, strictly increasing, each ≥ 1.
  public let milestones: [Int]
  /// γ, in (0, 1].
  public let factor: Double

  /// Throws `ScheduleError` for a negative or non-finite `baseRate`, a
  /// `factor` outside (0, 1], or milestones that are below 1 or not strictly
  /// increasing.
  public init(baseRate: Double, milestones: [Int], factor: Double = 0.1)
    throws(ScheduleError)
  {
    try validateRate(baseRate, "baseRate")
    guard factor > 0, factor <= 1 else { throw .invalidFactor(factor) }
    if let low = milestones.first(where: { $0 < 1 }) { throw .nonPositiveMilestone(low) }
    for (a, b) in zip(milestones, milestones.dropFirst()) where b <= a {
      throw .milestonesOutOfOrder(milestones)
    }
    self.baseRate = baseRate
    self.milestones = milestones
    self.factor = factor
  }

  /// Milestones given as numbers (as `param` returns them): each must be a
  /// whole number, else `ScheduleError.fractionalMilestone`; then as
  /// `init(baseRate:milestones:factor:)`.
  public init(baseRate: Double, milestones: [Double], factor: Double = 0.1)
    throws(ScheduleError)
  {
    var steps: [Int] = []
    for milestone in milestones {
      guard milestone.isFinite, milestone.rounded() == milestone,
        abs(milestone) < 0x1p62
      else { throw .fractionalMilestone(milestone) }
      steps.append(Int(milestone))
    }
    try self.init(baseRate: baseRate, milestones: steps, factor: factor)
  }

  /// α₀ · γ^(number of milestones ≤ t).
  public func rate(atStep t: Int) -> Double {
    checkStep(t, "StepDecay")
    var rate = baseRate
    for milestone in milestones where milestone <= t { rate *= factor }
    return rate
  }
}
