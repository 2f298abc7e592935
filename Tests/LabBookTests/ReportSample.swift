import Foundation

@testable import LabBook

/// A hand-built lab and run in the shape of the weight-initialisation lab:
/// prose with maths and value references, cells with every kind of output,
/// a failure and the cells after it.
enum ReportSample {
  static let path = "labs/weight-init.md"

  static let prose1 = """
    # Weight initialisation

    With Xavier initialisation the weights have std $\\sigma = 1/\\sqrt{D_{in}}$, so
    $\\mathrm{Var}(y_i) = D_{in}\\,\\mathrm{Var}(x_i w_i)$ stays put. A coffee costs $5 and
    a sandwich $6. The final loss was {{ final_loss }} after {{steps}} steps;
    {{ missing_thing }} was never recorded. Code keeps `{{steps}}` and `$x_1$`.

    $$
    \\mathrm{Var}(y) = \\sum_{i=1}^{D_{in}} \\mathrm{Var}(x_i)\\,\\mathrm{Var}(w_i)
    $$

    ## Six layers of tanh

    Each histogram below is one layer's activations on a batch of 16.
    """

  static let prose2 = """
    ## Loss curves

    The training loss, read as a scatter with its moving average. <b>Raw HTML</b> from
    the instructor is kept.
    """

  static var document: LabDocument {
    func cell(_ id: String, _ code: String, line: Int, _ attributes: [(String, String)] = [])
      -> Cell
    {
      Cell(
        id: id, code: code, fenceLocation: SourceLocation(file: path, line: line),
        codeLine: line + 1, attributes: attributes.map { (name: $0.0, value: $0.1) })
    }
    let blocks: [Block] = [
      .prose(Prose(markdown: prose1, location: SourceLocation(file: path, line: 6))),
      .cell(
        cell(
          "activations",
          """
          let dims = [Int](repeating: 4096, count: 7)
          var x = Tensor.randn([16, dims[0]])  // a batch of 16
          for (din, dout) in zip(dims, dims.dropFirst()) {
            let w = Tensor.randn([din, dout]) * 0.05
            x = tanh(x.matmul(w))
          }
          print("final std:", x.std())
          """, line: 24)),
      .prose(Prose(markdown: prose2, location: SourceLocation(file: path, line: 40))),
      .cell(cell("loss", "train(steps: 200)\nrecord(\"final_loss\", loss)", line: 46)),
      .cell(cell("hidden-setup", "let secret = 42", line: 50, [("hide", "")])),
      .cell(
        cell("check-std", "check(std, near: 0.63)", line: 54, [("test", ""), ("points", "2")])),
      .cell(cell("crash", "let a = [1, 2]\nprint(a[5]) // <boom> & \"quote\"", line: 58)),
      .cell(cell("after", "print(\"never\")", line: 63)),
      .cell(cell("optional", "slowThing()", line: 67, [("skip", "")])),
    ]
    return LabDocument(
      path: path, source: "", frontMatter: FrontMatter(title: "Weight initialisation", seed: 7),
      blocks: blocks)
  }

  /// Deterministic normal draws (LCG + Box–Muller): display data only.
  static func normals(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }
    return (0..<count).map { _ in
      sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform())
    }
  }

  /// Six per-layer histograms of a small tanh network with std-0.05 weights.
  static var panels: [FigureSpec.HistogramPanel] {
    let width = 64
    var x = normals(16 * width, seed: 1)
    let edges = stride(from: -1.0, through: 1.0, by: 0.08).map { $0 }
    var panels: [FigureSpec.HistogramPanel] = []
    for layer in 1...6 {
      let w = normals(width * width, seed: UInt64(layer + 10)).map { $0 * 0.25 }
      var y = [Double](repeating: 0, count: 16 * width)
      for b in 0..<16 {
        for j in 0..<width {
          var s = 0.0
          for k in 0..<width { s += x[b * width + k] * w[k * width + j] }
          y[b * width + j] = tanh(s)
        }
      }
      x = y
      var counts = [Double](repeating: 0, count: edges.count - 1)
      for v in x {
        let bin = min(max(Int((v + 1) / 0.08), 0), counts.count - 1)
        counts[bin] += 1
      }
      let mean = x.reduce(0, +) / Double(x.count)
      let std = sqrt(x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count))
      panels.append(
        .init(title: "Layer \(layer)", edges: edges, counts: counts, mean: mean, std: std))
    }
    return panels
  }

  static var result: RunResult {
    var grid = FigureSpec(kind: .histogramGrid, title: "Activations per layer (tanh)")
    grid.panels = panels
    grid.xLabel = "activation"

    let losses = normals(200, seed: 3).enumerated().map { i, n in
      2.3 * exp(-Double(i) / 60) + 0.1 + 0.08 * n
    }
    var scatter = FigureSpec(kind: .scatter, title: "Training loss")
    scatter.series = [.init(name: "loss", x: losses.indices.map(Double.init), y: losses)]
    scatter.movingAverage = 20
    scatter.xLabel = "iteration"
    scatter.yLabel = "loss"

    var line = FigureSpec(kind: .line, title: "Validation accuracy")
    line.series = [
      .init(name: "train", x: [0, 1, 2, 3, 4, 5], y: [0.3, 0.55, 0.7, 0.8, 0.86, 0.9]),
      .init(name: "val", x: [0, 1, 2, 3, 4, 5], y: [0.28, 0.5, 0.62, .nan, 0.64, 0.61]),
    ]
    line.markers = [.init(x: 3, label: "early stop")]
    line.xLabel = "epoch"

    return RunResult(
      lab: "weight-init", title: "Weight initialisation", seed: 7,
      params: ["std": .double(0.05), "layers": .int(6)], startedAt: "2026-12-03T16:40:00Z",
      labbookVersion: LabBookInfo.version, compileSeconds: 0.52, totalSeconds: 3.25,
      cells: [
        CellResult(
          id: "activations", status: .ok, seconds: 1.5,
          outputs: [
            .text(stream: .stdout, text: "final std: 0.0213\n"), .figure(grid),
            .text(stream: .stderr, text: "warning: <slow> BLAS & co\n"),
          ]),
        CellResult(
          id: "loss", status: .ok, seconds: 0.8,
          outputs: [
            .figure(scatter), .figure(line), .value(name: "final_loss", value: .number(0.1234567)),
            .value(name: "steps", value: .number(200)),
          ]),
        CellResult(
          id: "hidden-setup", status: .ok, outputs: [.text(stream: .stdout, text: "ready\n")]),
        CellResult(
          id: "check-std", status: .ok,
          outputs: [
            .check(
              CheckResult(
                name: "std near 0.63", passed: true, message: "0.631 is within 0.05 of 0.63",
                points: 1, score: 1)),
            .check(
              CheckResult(
                name: "mean near 0", passed: false, message: "expected |mean| < 0.01, got 0.2 <b>",
                points: 1, score: 0)),
          ]),
        CellResult(
          id: "crash", status: .failed, seconds: 0.01,
          error: CellError(
            message: "Fatal error: Index out of range <script>alert(1)</script>",
            location: SourceLocation(file: path, line: 60, column: 7), signal: "SIGTRAP")),
        CellResult(id: "after", status: .notRun),
        CellResult(id: "optional", status: .skipped),
      ])
  }
}
