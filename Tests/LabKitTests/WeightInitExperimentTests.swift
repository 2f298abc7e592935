import Foundation
import Testing

@testable import LabKit

/// The lecture's schemes: the weight scale for a given Din, and the
/// nonlinearity (names as in init_stats.py).
let schemes:
  [(name: String, scale: @Sendable (Int) -> Float, activation: @Sendable (Tensor) -> Tensor)] = [
    ("std0.01-tanh", { _ in 0.01 }, tanh),
    ("std0.05-tanh", { _ in 0.05 }, tanh),
    ("xavier-tanh", { 1 / Float($0).squareRoot() }, tanh),
    ("xavier-relu", { 1 / Float($0).squareRoot() }, relu),
    ("kaiming-relu", { (2 / Float($0)).squareRoot() }, relu),
  ]

/// The lecture's forward pass: a batch of 16 through `depth` layers of
/// `width`, every weight drawn from `generator` and scaled.
func forward<G: TensorRandomGenerator>(
  width: Int, depth: Int, scale: Float, activation: (Tensor) -> Tensor, using g: inout G
) -> [LayerStatistics] {
  var x = Tensor.randn([16, width], using: &g)
  var layers = [Tensor]()
  for _ in 0..<depth {
    let w = Tensor.randn([width, width], using: &g) * scale
    x = activation(x.matmul(w))
    layers.append(x)
  }
  return LayerStatistics.of(layers)
}

/// init_stats.py's JSON: scheme → per-layer (mean, std).
func referenceStats(_ arguments: [String]) throws -> [String: [(mean: Double, std: Double)]]? {
  guard let script = initStatsScript() else { return nil }
  let code =
    "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
  guard let out = try numpy(code, [script.path] + arguments) else { return nil }
  let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: [[String: Double]]]
  return json.mapValues { $0.map { (mean: $0["mean"]!, std: $0["std"]!) } }
}

/// With NumpyRandom we draw numpy's exact numbers (as Float), so only
/// float32-vs-float64 arithmetic separates us from `init_stats.py --legacy`:
/// a 256-term dot product in Float carries relative error ~√256·2⁻²⁴ ≈ 1e-6
/// per layer, compounding over 6 layers to well under 1e-4.
@Test func legacyExperimentMatchesNumpyClosely() throws {
  guard let reference = try referenceStats(["--legacy", "--width", "256", "--seed", "0"]) else {
    return
  }
  for scheme in schemes {
    var rng = NumpyRandom(seed: 0)
    let ours = forward(
      width: 256, depth: 6, scale: scheme.scale(256), activation: scheme.activation, using: &rng)
    let theirs = try #require(reference[scheme.name])
    for (layer, (a, b)) in zip(ours, theirs).enumerated() {
      let label = "\(scheme.name) layer \(layer + 1)"
      #expect(abs(Double(a.std) / b.std - 1) < 1e-4, "\(label): std \(a.std) vs \(b.std)")
      #expect(abs(Double(a.mean) - b.mean) < 1e-4 * b.std, "\(label): mean \(a.mean) vs \(b.mean)")
    }
  }
}

/// Our generator draws different numbers, so only the distribution of the
/// statistics is shared. Measured over 60 numpy seeds at width 256 (one run
/// each), the relative sd of a layer's std is ≈ 0.02·layer for ReLU schemes
/// and ≤ 0.03 for tanh; a layer's mean has sd ≤ 0.02·std for tanh and
/// 0.02·layer·mean for ReLU. We average 8 seeds and numpy 3, so the
/// difference has sd × √(1/8 + 1/3) ≈ 0.68×; we allow 4 of those sds.
@Test func defaultGeneratorReproducesTheLecturesLayerStatistics() throws {
  guard let reference = try referenceStats(["--width", "256"]) else { return }
  let seeds: [UInt64] = Array(0..<8)
  for scheme in schemes {
    var sums = [(mean: Double, std: Double)](repeating: (0, 0), count: 6)
    for seed in seeds {
      var g = CounterRandom(seed: seed)
      let stats = forward(
        width: 256, depth: 6, scale: scheme.scale(256), activation: scheme.activation, using: &g)
      for (l, s) in stats.enumerated() {
        sums[l].mean += Double(s.mean) / Double(seeds.count)
        sums[l].std += Double(s.std) / Double(seeds.count)
      }
    }
    let theirs = try #require(reference[scheme.name])
    let isReLU = scheme.name.hasSuffix("relu")
    for (l, (a, b)) in zip(sums, theirs).enumerated() {
      let layer = Double(l + 1)
      let relativeSD = isReLU ? 0.02 * layer : 0.03
      let tolerance = 4 * 0.68 * relativeSD
      let label = "\(scheme.name) layer \(l + 1)"
      #expect(abs(a.std / b.std - 1) < tolerance, "\(label): std \(a.std) vs \(b.std)")
      let meanScale = isReLU ? b.mean * relativeSD : 0.02 * b.std
      #expect(abs(a.mean - b.mean) < 4 * 0.68 * meanScale, "\(label): mean \(a.mean) vs \(b.mean)")
    }
  }
}
