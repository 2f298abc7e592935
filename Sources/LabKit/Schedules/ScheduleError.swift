/// Why a learning-rate schedule could not be built. Each message quotes the
/// offending value and says what to give instead.
public enum ScheduleError: Error, Equatable, CustomStringConvertible {
  /// A rate (`name`: "baseRate", "floor", …) that is negative or not finite.
  case invalidRate(name: String, value: Double)
  /// A run length `totalSteps` below 1.
  case nonPositiveLength(Int)
  /// A cosine floor above the starting rate.
  case floorAboveBase(floor: Double, baseRate: Double)
  /// A decay factor outside (0, 1].
  case invalidFactor(Double)
  /// Milestones that are not strictly increasing (the list as given).
  case milestonesOutOfOrder([Int])
  /// A milestone below 1 (a decay at step 0 is just a smaller base rate).
  case nonPositiveMilestone(Int)
  /// A milestone that is not a whole number of steps.
  case fractionalMilestone(Double)
  /// A warm-up with a negative number of steps.
  case negativeWarmup(Int)

  /// What failed, the value given, and what to give instead.
  public var description: String {
    switch self {
    case .invalidRate(let name, let value):
      return "learning-rate schedule: \(name) is \(value); give a finite rate ≥ 0"
    case .nonPositiveLength(let steps):
      return
        "learning-rate schedule: totalSteps is \(steps); give the run's number of "
        + "updates, at least 1"
    case .floorAboveBase(let floor, let baseRate):
      return
        "cosine schedule: floor \(floor) is above baseRate \(baseRate); give a floor "
        + "between 0 and the base rate"
    case .invalidFactor(let factor):
      return
        "step decay: factor is \(factor); give a factor in (0, 1], e.g. 0.1 to divide "
        + "the rate by 10 at each milestone"
    case .milestonesOutOfOrder(let milestones):
      return
        "step decay: milestones \(milestones) are not strictly increasing; list each "
        + "step once, in increasing order"
    case .nonPositiveMilestone(let milestone):
      return
        "step decay: milestone \(milestone) is below 1; milestones are steps ≥ 1 at "
        + "which the rate drops"
    case .fractionalMilestone(let milestone):
      return
        "step decay: milestone \(milestone) is not a whole number of steps; round it "
        + "to the step you mean"
    case .negativeWarmup(let steps):
      return "warm-up: steps is \(steps); give 0 (no warm-up) or more"
    }
  }
}
