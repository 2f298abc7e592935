/// Small multiples of histograms on one shared x axis, each captioned with
/// its title, mean and standard deviation: how activations shrink or
/// saturate layer by layer shows at a glance.
///
/// Panels flow left to right in up to `maxColumns` columns that together
/// fit `width` (760 px by default, the report's page width); y scales are
/// per panel (only the shape matters), the x scale covers every panel's edges.
public struct HistogramGrid: Chart {
  public var title: String
  public var panels: [Histogram]
  public var xLabel: String?
  public var width: Double
  public var maxColumns: Int
  /// Height of one panel including its caption.
  public var panelHeight: Double

  public init(
    title: String, panels: [Histogram], xLabel: String? = nil, width: Double = 760,
    maxColumns: Int = 6, panelHeight: Double = 170
  ) {
    self.title = title
    self.panels = panels
    self.xLabel = xLabel
    self.width = width
    self.maxColumns = maxColumns
    self.panelHeight = panelHeight
  }

  /// How many columns the panels use: at most `maxColumns`, at least 110 px each.
  public var columns: Int {
    max(1, min(panels.count, maxColumns, Int(width / 110)))
  }

  public func svg() -> String {
    let top = 26.0
    let footer = xLabel == nil ? 6.0 : 22.0
    let rows = panels.isEmpty ? 1 : (panels.count + columns - 1) / columns
    let height = top + Double(rows) * panelHeight + footer
    let summary = panels.map { p in
      p.title + (p.statistics.map { " (\($0))" } ?? "")
    }.joined(separator: "; ")

    let drawable = panels.filter { $0.problem == nil }
    let low = drawable.compactMap(\.edges.first).min() ?? 0
    let high = drawable.compactMap(\.edges.last).max() ?? 1
    let xScale = NiceScale(minimum: low, maximum: high, maxTicks: 3)
    var canvas = SVGCanvas(
      width: width, height: height, title: title,
      description: "\(panels.count) histograms sharing one x axis from"
        + " \(xScale.label(xScale.lower)) to \(xScale.label(xScale.upper)): " + summary)
    canvas.heading(title)
    guard !panels.isEmpty else {
      canvas.placeholder("no data", centerX: width / 2, centerY: top + panelHeight / 2)
      return canvas.render()
    }

    let panelWidth = (width - 8) / Double(columns)
    for (index, panel) in panels.enumerated() {
      let x0 = 4 + Double(index % columns) * panelWidth
      let y0 = top + Double(index / columns) * panelHeight
      draw(panel, on: &canvas, x0: x0, y0: y0, panelWidth: panelWidth, xScale: xScale)
    }
    if let xLabel {
      canvas.text(xLabel, x: width / 2, y: height - 6, anchor: "middle")
    }
    return canvas.render()
  }

  private func draw(
    _ panel: Histogram, on canvas: inout SVGCanvas, x0: Double, y0: Double,
    panelWidth: Double, xScale: NiceScale
  ) {
    let centre = x0 + panelWidth / 2
    canvas.text(panel.title, x: centre, y: y0 + 12, anchor: "middle", bold: true)
    // Mean and std on lines of their own: side by side they overflow narrow panels.
    var line = y0 + 25
    for (name, value) in [("mean", panel.mean), ("std", panel.std)] {
      guard let value else { continue }
      canvas.text(
        "\(name) \(SVGFormat.short(value))", x: centre, y: line, anchor: "middle", size: 10,
        fill: "#555")
      line += 12
    }
    for note in panel.notes(compact: true) {
      canvas.text(note, x: centre, y: line, anchor: "middle", size: 9, fill: "#B00020")
      line += 11
    }
    let plotTop = max(line, y0 + 44)
    // No y ticks here, so the tallest bar fills the panel: equal heights compare
    // shapes across layers, not counts rounded up to a nice tick.
    var yScale = NiceScale(minimum: 0, maximum: 1, maxTicks: 2)
    yScale.upper = max(panel.maxCount, 1)
    let frame = PlotFrame(
      left: x0 + 14, top: plotTop, width: panelWidth - 28,
      height: y0 + panelHeight - 22 - plotTop, x: xScale, y: yScale)
    if let problem = panel.problem {
      frame.drawAxes(on: &canvas, xLabel: nil, yLabel: nil, showYTicks: false, xTicks: false)
      canvas.text(
        problem, x: centre, y: frame.top + frame.height / 2, anchor: "middle", size: 9,
        fill: "#767676")
      return
    }
    let d = panel.barsPath(in: frame)
    if !d.isEmpty {
      canvas.add("<path d=\"\(d)\" fill=\"\(Palette.color(0))\" fill-opacity=\"0.8\"/>")
    }
    frame.drawAxes(on: &canvas, xLabel: nil, yLabel: nil, showYTicks: false, tickSize: 9)
  }
}
