internal import Glibc

/// Cosine decay (Loshchilov & Hutter, "SGDR", ICLR 2017, without restarts):
/// αₜ = α_min + ½(α₀ − α_min)(1 + cos(πt/T)) for 0 ≤ t ≤ T, and α_min after.
///
/// With the default floor α_min = 0 this is the lecture's ½α₀(1 + cos(πt/T)):
/// α₀ at t = 0, α₀/2 at t = T/2, exactly 0 at t = T. The last update of a
/// `T`-step run (t = T − 1) therefore still moves, by
/// ½α₀(1 − cos(π/T)) ≈ α₀π²/(4T²).
public struct CosineDecay: LearningRateSchedule {
  /// α₀, the rate at t = 0.
  public let baseRate: Double
  /// T, the step at which the rate reaches the floor.
  public let totalSteps: Int
  /// α_min, the rate at and after T.
  public let floor: Double

  /// Throws `ScheduleError` for a negative or non-finite rate, `totalSteps`
  /// below 1, or a floor above `baseRate`.
  public init(baseRate: Double, totalSteps: Int, floor: Double = 0) throws(ScheduleError) {
    try validateRate(baseRate, "baseRate")
    try validateRate(floor, "floor")
    try validateLength(totalSteps)
    guard floor <= baseRate else { throw .floorAboveBase(floor: floor, baseRate: baseRate) }
    self.baseRate = baseRate
    self.totalSteps = totalSteps
    self.floor = floor
  }

  /// α_min + ½(α₀ − α_min)(1 + cos(π·min(t, T)/T)).
  public func rate(atStep t: Int) -> Double {
    checkStep(t, "CosineDecay")
    guard t < totalSteps else { return floor }
    let progress = Double(t) / Double(totalSteps)
    return floor + 0.5 * (baseRate - floor) * (1 + cos(Double.pi * progress))
  }
}
