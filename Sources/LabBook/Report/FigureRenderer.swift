import Plot

/// Turns a recorded `FigureSpec` into the Plot chart that draws it.
enum FigureRenderer {
  /// Chart width that fills the report's text column (800 px less padding).
  static let width = 720.0

  /// The chart for `spec`; missing fields draw as "no data", never a crash.
  static func chart(for spec: FigureSpec) -> any Chart {
    let series = (spec.series ?? []).map { Series(name: $0.name, x: $0.x, y: $0.y) }
    let panels = (spec.panels ?? []).map {
      Histogram(
        title: $0.title, edges: $0.edges, counts: $0.counts, mean: $0.mean, std: $0.std,
        nonFinite: $0.nonFinite ?? 0)
    }
    switch spec.kind {
    case .line:
      return LineChart(
        title: spec.title, series: series, xLabel: spec.xLabel, yLabel: spec.yLabel,
        logY: spec.logY ?? false,
        markers: (spec.markers ?? []).map { Marker(x: $0.x, label: $0.label) }, width: width)
    case .scatter:
      return ScatterChart(
        title: spec.title, series: series, xLabel: spec.xLabel, yLabel: spec.yLabel,
        logY: spec.logY ?? false, movingAverage: spec.movingAverage, width: width)
    case .histogram where panels.count <= 1:
      return HistogramChart(
        title: spec.title, histogram: panels.first ?? Histogram(edges: [], counts: []),
        xLabel: spec.xLabel, yLabel: spec.yLabel ?? "count", width: width)
    case .histogram, .histogramGrid:
      return HistogramGrid(
        title: spec.title, panels: panels, xLabel: spec.xLabel, width: width + 20)
    case .bar:
      return BarChart(
        title: spec.title, labels: spec.labels ?? [], values: spec.values ?? [],
        xLabel: spec.xLabel, yLabel: spec.yLabel, width: width)
    case .heatmap:
      return Heatmap(
        title: spec.title, rows: spec.rows ?? 0, cols: spec.cols ?? 0,
        values: spec.values ?? [], width: width)
    }
  }
}
