import Testing

@testable import LabKit

@Test func histogramBinsLikeNumpyOnSmallData() {
  // Edges 0, 1, 2, 3 over [0, 3]; 3 falls in the closed last bin.
  let h = Histogram([0, 0.5, 1, 2.9, 3], bins: 3)
  #expect(h.edges == [0, 1, 2, 3])
  #expect(h.counts == [2, 1, 2])
  #expect(h.nonFinite == 0)
}

@Test func constantDataSpansOneUnit() {
  let h = Histogram([5, 5, 5], bins: 2)
  #expect(h.edges == [4.5, 5, 5.5])
  #expect(h.counts == [0, 3])
}

@Test func valuesOutsideAGivenRangeAreNotCounted() {
  let h = Histogram([-2, -1, 0, 0.5, 1, 3], bins: 4, range: -1...1)
  #expect(h.edges == [-1, -0.5, 0, 0.5, 1])
  #expect(h.counts == [1, 0, 1, 2])
  #expect(h.total == 4)
}

@Test func nonFiniteValuesAreLeftOutAndCounted() {
  let h = Histogram([1, .nan, 2, .infinity, -.infinity], bins: 1)
  #expect(h.counts == [2])
  #expect(h.nonFinite == 3)
  #expect(h.edges == [1, 2])
}

@Test func emptyDataSpansZeroToOne() {
  let h = Histogram([Float](), bins: 2)
  #expect(h.edges == [0, 0.5, 1])
  #expect(h.counts == [0, 0])
}

@Test func histogramMatchesNumpyOnRandomData() throws {
  var g = CounterRandom(seed: 41)
  let x = Tensor.randn([5000], using: &g).scalars
  let text = x.map { "\(Double($0))" }.joined(separator: " ")
  let script = """
    import sys
    a = np.array([float(v) for v in sys.stdin.read().split()])
    for bins, rng in ((50, None), (17, (-1.0, 1.0)), (7, (-0.3, 2.2))):
        c, e = np.histogram(a, bins=bins, range=rng)
        print(' '.join(map(str, c)))
        print(' '.join(repr(float(v)) for v in e))
    """
  guard let out = try numpyWithInput(script, input: text) else { return }
  let lines = out.split(separator: "\n").map { doubles(String($0)) }
  let cases: [(Int, ClosedRange<Double>?)] = [(50, nil), (17, -1...1), (7, -0.3...2.2)]
  for (n, (bins, range)) in cases.enumerated() {
    let h = Histogram(x, bins: bins, range: range)
    #expect(h.counts.map(Double.init) == lines[2 * n], "bins \(bins)")
    #expect(h.edges == lines[2 * n + 1], "bins \(bins)")
  }
}

@Test func percentileUsesNumpysLinearMethod() {
  // Sorted 1, 2, 3, 4: h = 3·q/100; q = 50 → 2.5; q = 10 → 1.3; q = 100 → 4.
  #expect(percentile([4, 1, 3, 2], 50) == 2.5)
  #expect(abs(percentile([4, 1, 3, 2], 10) - 1.3) < 1e-12)
  #expect(percentile([4, 1, 3, 2], 100) == 4)
  #expect(percentile([7], 30) == 7)
}

@Test func percentileMatchesNumpyOnRandomData() throws {
  var g = CounterRandom(seed: 42)
  let x = Tensor.randn([999], using: &g).scalars
  let qs = [0, 1, 2.5, 25, 50, 62.5, 75, 97.5, 99, 100]
  let script = """
    import sys
    a = np.array([float(v) for v in sys.stdin.read().split()])
    print(' '.join(repr(float(v)) for v in np.percentile(a, \(qs))))
    """
  guard
    let out = try numpyWithInput(script, input: x.map { "\(Double($0))" }.joined(separator: " "))
  else { return }
  let expected = doubles(out)
  let ours = percentiles(x, qs)
  for (a, b) in zip(ours, expected) { #expect(abs(a - b) <= 1e-15 * Swift.max(1, abs(b))) }
}
