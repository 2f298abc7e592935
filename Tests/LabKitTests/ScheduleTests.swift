import Foundation
import Testing

@testable import LabKit

// Every expected value below is the closed form written out independently
// (Foundation's cos, plain arithmetic), at t = 0, 1, T/2, T−1, T and beyond.

private let alpha = 0.1
private let total = 100
private let probes = [0, 1, 50, 99, 100, 101, 250]

@Test func cosineMatchesHalfCosineFormulaAndHoldsZeroAfterT() throws {
  let schedule = try CosineDecay(baseRate: alpha, totalSteps: total)
  for t in probes {
    let clamped = Double(min(t, total))
    let expected = 0.5 * alpha * (1 + cos(Double.pi * clamped / Double(total)))
    #expect(abs(schedule.rate(atStep: t) - expected) <= 1e-15, "t = \(t)")
  }
  #expect(schedule.rate(atStep: 0) == alpha)
  #expect(abs(schedule.rate(atStep: 50) - alpha / 2) <= 1e-16)
  #expect(schedule.rate(atStep: 100) == 0)
  #expect(schedule.rate(atStep: 99) > 0)
}

@Test func cosineWithFloorEndsAtTheFloor() throws {
  let schedule = try CosineDecay(baseRate: alpha, totalSteps: total, floor: 0.01)
  for t in probes {
    let clamped = Double(min(t, total))
    let expected = 0.01 + 0.5 * (alpha - 0.01) * (1 + cos(Double.pi * clamped / 100))
    #expect(abs(schedule.rate(atStep: t) - expected) <= 1e-15, "t = \(t)")
  }
  #expect(schedule.rate(atStep: 100) == 0.01)
  #expect(schedule.rate(atStep: 1000) == 0.01)
}

@Test func linearFallsToZeroAtTAndStaysThere() throws {
  let schedule = try LinearDecay(baseRate: alpha, totalSteps: total)
  let expected: [Int: Double] = [
    0: 0.1, 1: 0.1 * 0.99, 50: 0.05, 99: 0.1 / 100, 100: 0, 101: 0, 250: 0,
  ]
  for (t, value) in expected {
    #expect(abs(schedule.rate(atStep: t) - value) <= 1e-16, "t = \(t)")
  }
}

@Test func inverseSqrtUsesBaseRateAtStepZeroAndFormulaAfter() throws {
  let schedule = try InverseSqrtDecay(baseRate: alpha)
  #expect(schedule.rate(atStep: 0) == alpha)
  #expect(schedule.rate(atStep: 1) == alpha)
  #expect(schedule.rate(atStep: 4) == alpha / 2)
  #expect(abs(schedule.rate(atStep: 50) - alpha / sqrt(50)) <= 1e-16)
  #expect(abs(schedule.rate(atStep: 99) - alpha / sqrt(99)) <= 1e-16)
  #expect(schedule.rate(atStep: 100) == alpha / 10)
  #expect(abs(schedule.rate(atStep: 250) - alpha / sqrt(250)) <= 1e-16)
}

@Test func constantIsTheSameAtEveryStep() throws {
  let schedule = try ConstantRate(baseRate: alpha)
  for t in probes { #expect(schedule.rate(atStep: t) == alpha) }
}

@Test func stepDecayDropsAtTheMilestoneItself() throws {
  let schedule = try StepDecay(baseRate: alpha, milestones: [30, 60, 90], factor: 0.1)
  let expected: [Int: Double] = [
    0: 0.1, 1: 0.1, 29: 0.1, 30: 0.1 * 0.1, 50: 0.1 * 0.1, 59: 0.1 * 0.1,
    60: 0.1 * 0.1 * 0.1, 99: 0.1 * 0.1 * 0.1 * 0.1, 100: 0.1 * 0.1 * 0.1 * 0.1,
  ]
  for (t, value) in expected {
    #expect(abs(schedule.rate(atStep: t) - value) <= 1e-18, "t = \(t)")
  }
}

@Test func stepDecayAcceptsWholeNumberMilestonesAsDoubles() throws {
  let schedule = try StepDecay(baseRate: 1, milestones: [2.0, 4.0], factor: 0.5)
  #expect(schedule.milestones == [2, 4])
  #expect(schedule.rates(steps: 6) == [1, 1, 0.5, 0.5, 0.25, 0.25])
}

@Test func warmupRampsInEqualStepsThenFollowsTheBase() throws {
  let base = try CosineDecay(baseRate: alpha, totalSteps: total)
  let warm = try base.withWarmup(steps: 4)
  // Updates 0…3 use 1/5 … 4/5 of the base rate; update 4 is the first at full rate.
  for t in 0..<4 {
    let expected = Double(t + 1) / 5 * 0.5 * alpha * (1 + cos(Double.pi * Double(t) / 100))
    #expect(abs(warm.rate(atStep: t) - expected) <= 1e-16, "t = \(t)")
  }
  for t in [4, 50, 99, 100, 101] { #expect(warm.rate(atStep: t) == base.rate(atStep: t)) }
}

@Test func zeroWarmupIsExactlyTheBaseSchedule() throws {
  let base = try LinearDecay(baseRate: alpha, totalSteps: total)
  let warm = try base.withWarmup(steps: 0)
  #expect(warm.rates(steps: 120) == base.rates(steps: 120))
}

@Test func warmupAsLongAsTheRunScalesEveryStep() throws {
  let warm = try ConstantRate(baseRate: alpha).withWarmup(steps: total)
  for t in probes {
    let expected = alpha * Double(min(t + 1, total + 1)) / Double(total + 1)
    #expect(abs(warm.rate(atStep: t) - expected) <= 1e-16, "t = \(t)")
  }
  #expect(warm.rate(atStep: total - 1) < alpha)
  #expect(warm.rate(atStep: 0) > 0)
}

@Test func invalidSettingsThrowDescriptiveErrors() {
  #expect(throws: ScheduleError.invalidRate(name: "baseRate", value: -0.1)) {
    try CosineDecay(baseRate: -0.1, totalSteps: 10)
  }
  #expect(throws: ScheduleError.nonPositiveLength(0)) {
    try LinearDecay(baseRate: 0.1, totalSteps: 0)
  }
  #expect(throws: ScheduleError.milestonesOutOfOrder([60, 30])) {
    try StepDecay(baseRate: 0.1, milestones: [60, 30])
  }
  #expect(throws: ScheduleError.milestonesOutOfOrder([30, 30])) {
    try StepDecay(baseRate: 0.1, milestones: [30, 30])
  }
  #expect(throws: ScheduleError.fractionalMilestone(30.5)) {
    try StepDecay(baseRate: 0.1, milestones: [10, 30.5])
  }
  #expect(throws: ScheduleError.nonPositiveMilestone(0)) {
    try StepDecay(baseRate: 0.1, milestones: [0, 5])
  }
  #expect(throws: ScheduleError.invalidFactor(1.5)) {
    try StepDecay(baseRate: 0.1, milestones: [5], factor: 1.5)
  }
  #expect(throws: ScheduleError.floorAboveBase(floor: 0.2, baseRate: 0.1)) {
    try CosineDecay(baseRate: 0.1, totalSteps: 10, floor: 0.2)
  }
  #expect(throws: ScheduleError.negativeWarmup(-1)) {
    try ConstantRate(baseRate: 0.1).withWarmup(steps: -1)
  }
  #expect(throws: ScheduleError.invalidRate(name: "baseRate", value: .infinity)) {
    try InverseSqrtDecay(baseRate: .infinity)
  }
}

@Test func errorMessagesQuoteTheValueAndSayWhatToGive() {
  let message = ScheduleError.milestonesOutOfOrder([60, 30]).description
  #expect(message.contains("[60, 30]") && message.contains("increasing order"))
  #expect(ScheduleError.nonPositiveLength(0).description.contains("at least 1"))
}
