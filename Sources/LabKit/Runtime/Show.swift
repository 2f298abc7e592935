/// Shows several named lines on one chart, each with its own `x`, with
/// optional vertical `markers`.
///
///     show(line: [("MSRA", blocks, grows), ("zero init", blocks, stays)],
///          title: "Variance per block", xLabel: "block", logY: true)
public func show<T: BinaryFloatingPoint>(
  line series: [(name: String, x: [T], y: [T])], title: String = "", xLabel: String? = nil,
  yLabel: String? = nil, logY: Bool = false, markers: [(x: Double, label: String)] = [],
  file: StaticString = #file, line: UInt = #line
) {
  for item in series where item.x.count != item.y.count {
    fatalError(
      "show(line:): series \"\(item.name)\" has \(item.x.count) x but \(item.y.count) y; "
        + "give one x per y", file: file, line: line)
  }
  let items = series.map { seriesJSON($0.name, x: $0.x, y: $0.y) }
  emitLines(items, title, xLabel, yLabel, logY, markers)
}

/// Shows a line chart of `values` against `x` (default `0, 1, 2, …`).
///
///     show(line: losses, title: "Training loss", xLabel: "iteration")
public func show<T: BinaryFloatingPoint>(
  line values: [T], x: [T]? = nil, title: String = "", xLabel: String? = nil,
  yLabel: String? = nil, logY: Bool = false, file: StaticString = #file, line: UInt = #line
) {
  show(
    lines: [(name: "", values: values)], x: x, title: title, xLabel: xLabel, yLabel: yLabel,
    logY: logY, file: file, line: line)
}

/// Shows several named lines on one chart, all against `x` (default
/// `0, 1, 2, …`), with optional vertical `markers` (e.g. the step early
/// stopping kept).
///
///     show(lines: [("train", train), ("val", val)], title: "Loss",
///          markers: [(x: 40, label: "best")])
public func show<T: BinaryFloatingPoint>(
  lines: [(name: String, values: [T])], x: [T]? = nil, title: String = "",
  xLabel: String? = nil, yLabel: String? = nil, logY: Bool = false,
  markers: [(x: Double, label: String)] = [], file: StaticString = #file, line: UInt = #line
) {
  var series: [String] = []
  for item in lines {
    if let x, x.count != item.values.count {
      fatalError(
        "show(lines:): series \"\(item.name)\" has \(item.values.count) values but x has "
          + "\(x.count); give one x per value", file: file, line: line)
    }
    series.append(seriesJSON(item.name, x: x, y: item.values))
  }
  emitLines(series, title, xLabel, yLabel, logY, markers)
}

private func emitLines(
  _ series: [String], _ title: String, _ xLabel: String?, _ yLabel: String?, _ logY: Bool,
  _ markers: [(x: Double, label: String)]
) {
  var figure = figureJSON("line", title, xLabel, yLabel, logY)
  figure.field("series", raw: "[" + series.joined(separator: ",") + "]")
  if !markers.isEmpty {
    let items = markers.map { marker in
      var object = JSONText()
      object.field("x", marker.x)
      object.field("label", marker.label)
      return object.object
    }
    figure.field("markers", raw: "[" + items.joined(separator: ",") + "]")
  }
  emitFigure(figure)
}

/// Shows `values` as points against `x` (default `0, 1, 2, …`), with a
/// trailing moving average over `movingAverage` points drawn through them
/// when given — how the lecture reads a noisy loss curve.
///
///     show(scatter: losses, movingAverage: 50, title: "Loss", logY: true)
public func show<T: BinaryFloatingPoint>(
  scatter values: [T], x: [T]? = nil, movingAverage: Int? = nil, title: String = "",
  xLabel: String? = nil, yLabel: String? = nil, logY: Bool = false,
  file: StaticString = #file, line: UInt = #line
) {
  if let x, x.count != values.count {
    fatalError(
      "show(scatter:): \(values.count) values but \(x.count) x; give one x per value",
      file: file, line: line)
  }
  if let movingAverage, movingAverage < 1 {
    fatalError(
      "show(scatter:): movingAverage is \(movingAverage); give a window of at least 1",
      file: file, line: line)
  }
  var figure = figureJSON("scatter", title, xLabel, yLabel, logY)
  figure.field("series", raw: "[" + seriesJSON("", x: x, y: values) + "]")
  if let movingAverage { figure.field("movingAverage", movingAverage) }
  emitFigure(figure)
}

/// Shows a histogram of `values` in `bins` equal bins spanning `range`
/// (default: the finite values' minimum to maximum). NaN and infinite
/// values are left out and counted. The panel's mean and (population)
/// standard deviation are computed in `Double` over the finite values.
///
///     show(histogram: activations, bins: 40, title: "Layer 3")
public func show<T: BinaryFloatingPoint>(
  histogram values: [T], bins: Int = 50, range: ClosedRange<Double>? = nil,
  title: String = "", xLabel: String? = nil, yLabel: String? = "count",
  file: StaticString = #file, line: UInt = #line
) {
  checkBins(bins, "histogram", file: file, line: line)
  let doubles = values.map { Double($0) }
  var figure = figureJSON("histogram", title, xLabel, yLabel, false)
  figure.field("panels", raw: "[" + panelJSON("", doubles, bins: bins, range: range) + "]")
  emitFigure(figure)
}

/// Shows one histogram panel per entry, on bin edges shared by all panels
/// (spanning every panel's finite values), each with its mean and standard
/// deviation — the lecture's per-layer activation grid.
///
///     show(histograms: layers.enumerated().map { ("layer \($0 + 1)", $1) },
///          bins: 30, title: "Activations, Xavier init")
public func show<T: BinaryFloatingPoint>(
  histograms panels: [(title: String, values: [T])], bins: Int = 50,
  range: ClosedRange<Double>? = nil, title: String = "", xLabel: String? = nil,
  yLabel: String? = "count", file: StaticString = #file, line: UInt = #line
) {
  checkBins(bins, "histograms", file: file, line: line)
  let doubles = panels.map { $0.values.map { Double($0) } }
  let range = range ?? finiteRange(doubles)
  let items = zip(panels, doubles).map { panel, values in
    panelJSON(panel.title, values, bins: bins, range: range)
  }
  var figure = figureJSON("histogramGrid", title, xLabel, yLabel, false)
  figure.field("panels", raw: "[" + items.joined(separator: ",") + "]")
  emitFigure(figure)
}

/// Shows a bar chart: one bar per label.
///
///     show(bars: ["sigmoid", "tanh", "ReLU"], [0.25, 1, 1], title: "Largest derivative")
public func show<T: BinaryFloatingPoint>(
  bars labels: [String], _ values: [T], title: String = "", xLabel: String? = nil,
  yLabel: String? = nil, logY: Bool = false, file: StaticString = #file, line: UInt = #line
) {
  guard labels.count == values.count else {
    fatalError(
      "show(bars:): \(labels.count) labels but \(values.count) values; give one label per value",
      file: file, line: line)
  }
  var figure = figureJSON("bar", title, xLabel, yLabel, logY)
  figure.field("labels", raw: JSONText.array(labels))
  figure.field("values", values.map { Double($0) })
  emitFigure(figure)
}

/// Shows a `rows × cols` grid of `values` (row-major) as a heatmap, e.g. a
/// grid search's validation accuracy over learning rate and weight decay.
///
///     show(heatmap: accuracy, rows: 4, cols: 5, title: "Val accuracy")
public func show<T: BinaryFloatingPoint>(
  heatmap values: [T], rows: Int, cols: Int, title: String = "", xLabel: String? = nil,
  yLabel: String? = nil, file: StaticString = #file, line: UInt = #line
) {
  guard rows >= 1, cols >= 1, values.count == rows * cols else {
    fatalError(
      "show(heatmap:): \(values.count) values for \(rows) × \(cols); give rows·cols "
        + "values, row by row", file: file, line: line)
  }
  var figure = figureJSON("heatmap", title, xLabel, yLabel, false)
  figure.field("rows", rows)
  figure.field("cols", cols)
  figure.field("values", values.map { Double($0) })
  emitFigure(figure)
}

private func figureJSON(
  _ kind: String, _ title: String, _ xLabel: String?, _ yLabel: String?, _ logY: Bool
) -> JSONText {
  var figure = JSONText()
  figure.field("kind", kind)
  figure.field("title", title)
  if let xLabel { figure.field("xLabel", xLabel) }
  if let yLabel { figure.field("yLabel", yLabel) }
  if logY { figure.field("logY", true) }
  return figure
}

private func emitFigure(_ figure: JSONText) {
  var event = JSONText()
  event.field("e", "figure")
  event.field("figure", raw: figure.object)
  _LabRuntime.emit(event)
}

private func seriesJSON<T: BinaryFloatingPoint>(_ name: String, x: [T]?, y: [T]) -> String {
  var series = JSONText()
  series.field("name", name)
  series.field("x", x.map { $0.map { Double($0) } } ?? y.indices.map { Double($0) })
  series.field("y", y.map { Double($0) })
  return series.object
}

private func checkBins(_ bins: Int, _ function: String, file: StaticString, line: UInt) {
  if bins < 1 {
    fatalError(
      "show(\(function):): bins is \(bins); give at least 1 bin", file: file, line: line)
  }
}

/// The smallest to the largest finite value over all arrays, as `Float`s
/// (what `Histogram` bins, so no value rounds past an edge); `nil` when
/// there is none (`Histogram` then widens or defaults it, as numpy does).
private func finiteRange(_ arrays: [[Double]]) -> ClosedRange<Double>? {
  var low = Double.infinity
  var high = -Double.infinity
  for values in arrays {
    for value in values.lazy.map({ Double(Float($0)) }) where value.isFinite {
      low = min(low, value)
      high = max(high, value)
    }
  }
  return low <= high ? low...high : nil
}

/// One histogram panel: `Histogram`'s bins, plus the mean and population
/// standard deviation of the finite values, computed in `Double`.
private func panelJSON(
  _ title: String, _ values: [Double], bins: Int, range: ClosedRange<Double>?
) -> String {
  let histogram = Histogram(values.lazy.map { Float($0) }, bins: bins, range: range)
  let finite = values.filter(\.isFinite)
  var panel = JSONText()
  panel.field("title", title)
  panel.field("edges", histogram.edges)
  panel.field("counts", histogram.counts.map { Double($0) })
  if !finite.isEmpty {
    let mean = finite.reduce(0, +) / Double(finite.count)
    let variance = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count)
    panel.field("mean", mean)
    panel.field("std", variance.squareRoot())
  }
  if histogram.nonFinite > 0 { panel.field("nonFinite", histogram.nonFinite) }
  return panel.object
}
