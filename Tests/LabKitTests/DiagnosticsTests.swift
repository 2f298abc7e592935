import Testing

@testable import LabKit

/// One SGD step by hand: W = [[3, 4]] (‖W‖ = 5), ∇W = [[0.6, 0.8]], α = 0.01.
/// ΔW = −α∇W = [[−0.006, −0.008]], ‖ΔW‖ = 0.01, so the ratio is 0.01/5 = 0.002.
@Test func updateRatioOfOneSGDStepMatchesTheHandComputation() {
  let before = Tensor([3, 4], shape: [1, 2])
  let gradient = Tensor([0.6, 0.8], shape: [1, 2])
  let after = before - gradient * 0.01
  var tracker = UpdateRatioTracker()
  tracker.observe("fc1.weight", before: before, after: after)
  // Float32 weights: W − αΔ rounds each entry to ½ ulp(4) ≈ 2.4e-7, which
  // moves ‖ΔW‖ = 0.01 by up to ~3e-5 relative; allow 1e-4 relative.
  #expect(abs(tracker.ratios("fc1.weight")[0] - 0.002) <= 0.002 * 1e-4)
}

@Test func updateRatiosAreKeptPerLayerPerStepInFirstSeenOrder() {
  var tracker = UpdateRatioTracker()
  let w1 = Tensor([1, 0], shape: [2])
  let w2 = Tensor([0, 2], shape: [2])
  // Step 1: w1 moves by 0.1 (ratio 0.1), w2 by 0.02 (ratio 0.01).
  tracker.observe(
    names: ["w2", "w1"], before: [w2, w1], after: [w2 + Tensor([0, 0.02]), w1 + Tensor([0.1, 0])])
  // Step 2: w1 does not move.
  tracker.observe("w1", before: w1, after: w1)
  #expect(tracker.names == ["w2", "w1"])
  #expect(tracker.ratios("w1").count == 2 && tracker.ratios("w1")[1] == 0)
  #expect(abs(tracker.ratios("w1")[0] - 0.1) <= 1e-7)
  #expect(abs(tracker.ratios("w2")[0] - 0.01) <= 1e-7)
  #expect(abs(tracker.medianRatio("w1") - 0.05) <= 1e-7)
  #expect(tracker.ratios("none").isEmpty)
}

@Test func updateRatioOfZeroWeightsIsInfiniteOrNaN() {
  let zero = Tensor.zeros([3])
  #expect(UpdateRatioTracker.ratio(before: zero, after: Tensor.ones([3])) == .infinity)
  #expect(UpdateRatioTracker.ratio(before: zero, after: zero).isNaN)
}

@Test func movingAverageIsTheTrailingMeanOfFullWindows() {
  #expect(movingAverage([1.0, 2, 3, 4, 5], window: 2) == [1.5, 2.5, 3.5, 4.5])
  #expect(movingAverage([1.0, 2, 3], window: 3) == [2])
  #expect(movingAverage([1.0, 2], window: 3).isEmpty)
  let withNaN = movingAverage([1.0, .nan, 3, 5], window: 2)
  #expect(withNaN[0].isNaN && withNaN[1].isNaN && withNaN[2] == 4)
}
