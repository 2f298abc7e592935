import Testing

@testable import Plot

@Suite struct ScaleTests {
  @Test func niceTicksForZeroToPointNineSevenStepByPointTwo() {
    let scale = NiceScale(minimum: 0, maximum: 0.97, maxTicks: 6)
    #expect(scale.step == 0.2)
    let expected = (0...5).map { Double($0) * 0.2 }
    #expect(scale.ticks.count == expected.count)
    for (tick, want) in zip(scale.ticks, expected) { #expect(abs(tick - want) < 1e-12) }
    #expect(scale.ticks.map(scale.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
  }

  @Test func niceTicksCoverTheDataWithOneTwoFiveSteps() {
    let ranges: [(Double, Double)] = [
      (-3.2, 7.9), (0.001, 0.0042), (12, 13), (-1e6, 3e6), (0.5, 0.5001), (-7, -2),
    ]
    for (low, high) in ranges {
      for maxTicks in [3, 5, 8] {
        let s = NiceScale(minimum: low, maximum: high, maxTicks: maxTicks)
        let mantissa = s.step / pow10(s.exponent)
        #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(s.step)")
        #expect(s.lower <= low && s.upper >= high)
        #expect(s.ticks.count <= maxTicks && s.ticks.count >= 2)
        // Widening by one step less would no longer cover the data.
        #expect(s.lower + s.step > low - 1e-12 * abs(low))
        #expect(s.upper - s.step < high + 1e-12 * abs(high))
      }
    }
  }

  private func pow10(_ k: Int) -> Double {
    var value = 1.0
    for _ in 0..<abs(k) { value *= 10 }
    return k < 0 ? 1 / value : value
  }

  @Test func stepForMinusThreeToEightIsFive() {
    // Range 11.1 over 5 intervals is 2.22, rounded up to the next 1-2-5 step: 5.
    let s = NiceScale(minimum: -3.2, maximum: 7.9, maxTicks: 6)
    #expect(s.step == 5)
    #expect(s.ticks == [-5, 0, 5, 10])
  }

  @Test func constantDataSitsInsideAWidenedAxis() {
    let s = NiceScale(minimum: 3, maximum: 3)
    #expect(s.lower < 3 && s.upper > 3)
    let zero = NiceScale(minimum: 0, maximum: 0)
    #expect(zero.lower <= -1 && zero.upper >= 1)
  }

  @Test func nonFiniteBoundsFallBackToUnitRange() {
    let s = NiceScale(minimum: .nan, maximum: .infinity)
    #expect(s.lower == 0 && s.upper == 1)
  }

  @Test func extremeRangesGiveUsableScales() {
    for (low, high) in [
      (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude),
      (Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude), (0, 1e-310),
    ] {
      let s = NiceScale(minimum: low, maximum: high)
      #expect(s.lower.isFinite && s.upper.isFinite && s.lower < s.upper)
      #expect(!s.ticks.isEmpty)
    }
  }

  @Test func smallStepsAreLabelledInExponentForm() {
    let s = NiceScale(minimum: 0, maximum: 4e-5, maxTicks: 5)
    #expect(s.label(1e-5) == "1e-5")
    #expect(s.label(0) == "0")
  }

  @Test func logScaleSpansWholeDecades() {
    let s = LogScale(minimum: 0.003, maximum: 250)
    #expect(s.lowerExponent == -3 && s.upperExponent == 3)
    #expect(s.ticks.count == 7)
    // log10(1) = 0 is halfway between -3 and 3.
    #expect(abs(s.fraction(1) - 0.5) < 1e-12)
    #expect(s.label(0.001) == "0.001" && s.label(1000) == "1000")
    #expect(LogScale(minimum: 1e-7, maximum: 1e-6).label(1e-7) == "1e-7")
  }

  @Test func logScaleOverTheWholeDoubleRangeHasFinitePositiveTicks() {
    let s = LogScale(minimum: .leastNonzeroMagnitude, maximum: .greatestFiniteMagnitude)
    #expect(s.ticks.allSatisfy { $0 > 0 && $0.isFinite })
    #expect(s.ticks.allSatisfy { !s.label($0).isEmpty })
  }

  @Test func logScaleWithinOneDecadeStillSpansOne() {
    let s = LogScale(minimum: 2, maximum: 3)
    #expect(s.lowerExponent == 0 && s.upperExponent == 1)
  }

  @Test func coordinatesRoundToTenthsWithoutTrailingZeros() {
    #expect(SVGFormat.coord(12.04) == "12")
    #expect(SVGFormat.coord(1.0) == "1")
    #expect(SVGFormat.coord(-2.5) == "-2.5")
    #expect(SVGFormat.coord(-0.04) == "0")
    #expect(SVGFormat.coord(7.26) == "7.3")
  }

  @Test func trailingMeansAverageEachFullWindow() {
    // Means of [1,2], [2,3], [3,4], [4,5].
    #expect(ScatterChart.trailingMeans([1, 2, 3, 4, 5], window: 2) == [1.5, 2.5, 3.5, 4.5])
    #expect(ScatterChart.trailingMeans([1, 2], window: 3).isEmpty)
  }

  @Test func divergingMapIsNearWhiteAtZeroAndBrewerEndsAtOne() {
    #expect(Palette.diverging(0) == "#F7F7F7")
    #expect(Palette.diverging(-1) == "#2166AC")
    #expect(Palette.diverging(1) == "#B2182B")
    #expect(Palette.diverging(5) == "#B2182B")
    #expect(Palette.diverging(.nan) == "#999999")
  }
}
