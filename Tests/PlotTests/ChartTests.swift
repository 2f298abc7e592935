import Foundation
import Testing

@testable import Plot

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Checks every chart must pass whatever its data.
@Suite struct ChartTests {
  static let bad = [Double.nan, .infinity, -.infinity]

  /// Every attribute value in `svg`.
  static func attributeValues(_ svg: String) -> [String] {
    var values: [String] = []
    var rest = Substring(svg)
    while let start = rest.range(of: "=\"") {
      let after = rest[start.upperBound...]
      guard let end = after.firstIndex(of: "\"") else { break }
      values.append(String(after[..<end]))
      rest = after[after.index(after: end)...]
    }
    return values
  }

  static func isWellFormedXML(_ svg: String) -> Bool {
    XMLParser(data: Data(svg.utf8)).parse()
  }

  static var chartsWithNonFiniteValues: [(String, any Chart)] {
    [
      (
        "line",
        LineChart(title: "loss", series: [Series(name: "a", y: [1, .nan, 3, .infinity, 2])])
      ),
      (
        "log line",
        LineChart(title: "loss", series: [Series(name: "a", y: [1, 0, -1, 10, .nan])], logY: true)
      ),
      (
        "scatter",
        ScatterChart(
          title: "s", series: [Series(name: "a", y: [1, 2, .nan, 4, 5, -.infinity])],
          movingAverage: 2)
      ),
      (
        "histogram",
        HistogramChart(
          title: "h", histogram: Histogram(edges: [0, 1, 2], counts: [3, .nan], nonFinite: 2))
      ),
      (
        "grid",
        HistogramGrid(
          title: "g",
          panels: [
            Histogram(title: "L1", edges: [0, 1, 2], counts: [1, 2], mean: .nan, std: 1),
            Histogram(title: "L2", edges: [0, .nan, 2], counts: [1, 2]),
          ])
      ),
      ("bar", BarChart(title: "b", labels: ["x", "y", "z"], values: [1, .nan, -.infinity])),
      ("heatmap", Heatmap(title: "w", rows: 2, cols: 2, values: [1, .nan, -2, .infinity])),
    ]
  }

  @Test func noAttributeEverHoldsNaNOrInfinity() {
    for (name, chart) in Self.chartsWithNonFiniteValues {
      let svg = chart.svg()
      for value in Self.attributeValues(svg) {
        let lower = value.lowercased()
        #expect(!lower.contains("nan") && !lower.contains("inf"), "\(name): \(value)")
      }
      #expect(Self.isWellFormedXML(svg), "\(name) is not well-formed XML")
    }
  }

  @Test func controlAndBidiCharactersInLabelsAreShownInert() {
    let svg = BarChart(title: "a\u{0}b\u{202E}c", labels: ["x\u{1B}"], values: [1]).svg()
    #expect(svg.contains("a\u{2400}b[U+202E]c"))
    #expect(svg.contains("x\u{241B}"))
    #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(Self.isWellFormedXML(svg))
  }

  @Test func leftOutValuesAreNotedVisibly() {
    let line = LineChart(title: "t", series: [Series(name: "a", y: [1, .nan, 3, .infinity])])
    #expect(line.svg().contains(">2 non-finite values left out<"))
    let log = LineChart(title: "t", series: [Series(name: "a", y: [1, 0, 10])], logY: true)
    #expect(log.svg().contains("1 non-positive value left out (log scale)"))
    let bar = BarChart(title: "b", labels: ["a"], values: [.nan])
    #expect(bar.svg().contains("1 non-finite value left out"))
  }

  @Test func everyChartIsAnAccessibleImage() {
    for (name, chart) in Self.chartsWithNonFiniteValues {
      let svg = chart.svg()
      #expect(svg.hasPrefix("<svg "), "\(name)")
      #expect(svg.contains("role=\"img\"") && svg.contains("aria-label=\""), "\(name)")
      #expect(svg.contains("<title>") && svg.contains("<desc>"), "\(name)")
    }
  }

  @Test func emptyDataSaysNoData() {
    let charts: [any Chart] = [
      LineChart(title: "t", series: []),
      LineChart(title: "t", series: [Series(name: "a", y: [.nan])]),
      ScatterChart(title: "t", series: [Series(name: "a", y: [])]),
      HistogramChart(title: "t", histogram: Histogram(edges: [], counts: [])),
      HistogramGrid(title: "t", panels: []),
      BarChart(title: "t", labels: [], values: []),
      Heatmap(title: "t", rows: 0, cols: 0, values: []),
    ]
    for chart in charts { #expect(chart.svg().contains(">no data<")) }
  }

  @Test func histogramWithNoFiniteValueSaysNoData() {
    // What binning [nan, nan] gives: empty bins and two values left out.
    let allNaN = Histogram(edges: [0, 0.5, 1], counts: [0, 0], nonFinite: 2)
    #expect(HistogramChart(title: "t", histogram: allNaN).svg().contains(">no data<"))
    let grid = HistogramGrid(title: "g", panels: [allNaN]).svg()
    #expect(grid.contains(">no data<"))
  }

  @Test func isolatedFinitePointsBetweenGapsAreDrawnAsDots() {
    // 2 and 5 have only non-finite neighbours; 7 → 8 is a segment.
    let svg = LineChart(
      title: "t", series: [Series(name: "a", y: [2, .nan, 5, .infinity, 7, 8])]
    ).svg()
    #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
    #expect(Self.isWellFormedXML(svg))
  }

  @Test func singlePointIsDrawnAsADot() {
    let svg = LineChart(title: "t", series: [Series(name: "a", x: [2], y: [5])]).svg()
    #expect(svg.contains("<circle"))
    #expect(Self.isWellFormedXML(svg))
  }

  @Test func constantSeriesDrawsAFlatLineInsideTheFrame() {
    let svg = LineChart(title: "t", series: [Series(name: "a", y: [4, 4, 4])]).svg()
    // The widened axis [2, 6] has 4 at its middle: all three points share one y.
    let path = svg.components(separatedBy: "stroke-width=\"1.75\"")[0]
      .components(separatedBy: "<path d=\"").last!
      .components(separatedBy: "\"")[0]
    let ys = path.split(whereSeparator: { $0 == "M" || $0 == "L" }).map {
      $0.split(separator: " ")[1]
    }
    #expect(ys.count == 3 && Set(ys).count == 1)
  }

  @Test func longLineKeepsAtMostFourPointsPerPixelColumnAndItsSpike() {
    var y = [Double](repeating: 0, count: 100_000)
    y[54_321] = 100
    let svg = LineChart(title: "t", series: [Series(name: "", y: y)], width: 400).svg()
    let path = svg.components(separatedBy: "<path d=\"M").last!.components(separatedBy: "\"")[0]
    let points = path.split { $0 == "M" || $0 == "L" }.count
    // The plot area is 400 - 50 - 16 = 334 px wide.
    #expect(points <= 4 * 335)
    // The spike is the axis top: y = 100 maps to the frame's top edge, 30 + 6 = 36.
    #expect(path.contains(" 36L"))
  }

  @Test func denseScatterDrawsOneDotPerPixel() {
    let y = [Double](repeating: 1, count: 10_000)
    let svg = ScatterChart(title: "t", series: [Series(name: "", y: y)], width: 400).svg()
    #expect(svg.components(separatedBy: "h0").count - 1 <= 335)
  }

  @Test func mismatchedHistogramSaysWhatIsWrong() {
    let svg = HistogramChart(title: "h", histogram: Histogram(edges: [0, 1], counts: [1, 2]))
      .svg()
    #expect(svg.contains("invalid: 2 counts need 3 edges, got 2"))
  }

  @Test func heatmapWithWrongValueCountSaysSo() {
    let svg = Heatmap(title: "w", rows: 2, cols: 3, values: [1, 2]).svg()
    #expect(svg.contains("invalid: 2×3 needs 6 values, got 2"))
  }

  @Test func heatmapWithOverflowingShapeSaysSo() {
    let svg = Heatmap(title: "w", rows: Int.max, cols: 3, values: [1]).svg()
    #expect(svg.contains("needs too many values, got 1"))
  }

  @Test func largeHeatmapIsReducedToBlockMeans() {
    // 4×4 in 2×2 blocks: block means of 1..16 row-major are 3.5, 5.5, 11.5, 13.5.
    let map = Heatmap(
      title: "w", rows: 4, cols: 4, values: (1...16).map(Double.init), maxCells: 2)
    let reduced = map.reduced()
    #expect(reduced.rows == 2 && reduced.cols == 2)
    #expect(reduced.values == [3.5, 5.5, 11.5, 13.5])
    #expect(map.svg().contains("4×4 shown as 2×2 block means"))
  }

  @Test func sixHistogramsFitOneRowOfTheReportWidth() {
    let panels = (1...6).map {
      Histogram(title: "Layer \($0)", edges: [-1, 0, 1], counts: [1, 2], mean: 0, std: 0.5)
    }
    let grid = HistogramGrid(title: "g", panels: panels)
    #expect(grid.columns == 6)
    let svg = grid.svg()
    #expect(svg.contains("width=\"760\""))
    #expect(svg.components(separatedBy: ">std 0.5<").count == 7)
  }

  @Test func sameInputGivesSameBytes() {
    for (_, chart) in Self.chartsWithNonFiniteValues {
      #expect(chart.svg() == chart.svg())
    }
  }
}
