import Foundation
import Testing

@testable import Plot

/// Charts compared byte for byte with `Golden/<name>.svg`. Set
/// `LABBOOK_RECORD_GOLDEN=1` to rewrite the files on purpose, then review
/// the diff (and look at the SVGs) before committing.
@Suite struct GoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  func check(_ name: String, _ chart: any Chart) throws {
    let svg = chart.svg() + "\n"
    let file = Self.directory.appendingPathComponent(name + ".svg")
    if ProcessInfo.processInfo.environment["LABBOOK_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: Self.directory, withIntermediateDirectories: true)
      try svg.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let golden = try #require(
      try? String(contentsOf: file, encoding: .utf8),
      "missing \(file.path); run with LABBOOK_RECORD_GOLDEN=1 to record it")
    // Compare as a Bool and name the first differing line: the files are long.
    let same = svg == golden
    let line = Array(zip(svg.split(separator: "\n"), golden.split(separator: "\n")))
      .firstIndex { $0.0 != $0.1 }.map { $0 + 1 }
    #expect(
      same,
      Comment(
        rawValue: "\(name).svg differs (first at line \(line.map(String.init) ?? "end"));"
          + " LABBOOK_RECORD_GOLDEN=1 re-records it"))
  }

  @Test func lineChartWithLegendAndMarker() throws {
    let epochs = (0...10).map(Double.init)
    try check(
      "line",
      LineChart(
        title: "Accuracy",
        series: [
          Series(name: "train", x: epochs, y: epochs.map { 1 - 0.5 / ($0 + 1) }),
          Series(name: "val", x: epochs, y: epochs.map { 0.8 - 0.4 / ($0 + 1) }),
        ], xLabel: "epoch", yLabel: "accuracy", markers: [Marker(x: 6, label: "early stop")]))
  }

  @Test func logLineChart() throws {
    let steps = (0..<8).map(Double.init)
    try check(
      "line-log",
      LineChart(
        title: "Loss", series: [Series(name: "", x: steps, y: steps.map { 2 * pow(0.3, $0) })],
        xLabel: "step", logY: true))
  }

  @Test func scatterWithMovingAverage() throws {
    let y = (0..<30).map { (i: Int) -> Double in
      let noise: Double = i % 3 == 0 ? 0.3 : -0.15
      return 3 * exp(-Double(i) / 10) + noise
    }
    try check(
      "scatter",
      ScatterChart(
        title: "Training loss", series: [Series(name: "loss", y: y)], xLabel: "iteration",
        yLabel: "loss", movingAverage: 5))
  }

  @Test func histogramWithStatistics() throws {
    try check(
      "histogram",
      HistogramChart(
        title: "Weights",
        histogram: Histogram(
          edges: [-1, -0.5, 0, 0.5, 1], counts: [2, 9, 11, 3], mean: -0.05, std: 0.42),
        xLabel: "value"))
  }

  @Test func histogramGridOfSixLayers() throws {
    let edges = stride(from: -1.0, through: 1.0, by: 0.25).map { $0 }
    var panels: [Histogram] = []
    for layer in 1...6 {
      // Layer k piles its counts closer to 0, like shrinking activations.
      var counts: [Double] = []
      for bin in 0..<8 { counts.append(Double(max(0, 10 - layer * abs(2 * bin - 7)))) }
      panels.append(
        Histogram(
          title: "Layer \(layer)", edges: edges, counts: counts, mean: 0,
          std: 0.5 / Double(layer), nonFinite: layer == 6 ? 2 : 0))
    }
    try check("histogram-grid", HistogramGrid(title: "Activations", panels: panels))
  }

  @Test func barChartWithNegativeValues() throws {
    try check(
      "bar",
      BarChart(
        title: "Update/weight ratio (log10)", labels: ["W1", "W2", "W3", "W4"],
        values: [-3.1, -2.8, -3.4, 0.5]))
  }

  @Test func heatmapOfASignedMatrix() throws {
    let values = (0..<12).map { Double($0 - 6) / 6 }
    try check("heatmap", Heatmap(title: "W", rows: 3, cols: 4, values: values))
  }

  @Test func emptyLineChart() throws {
    try check("line-empty", LineChart(title: "Nothing yet", series: []))
  }
}
