/// Lines through one or more series, with a legend, an optional log-scaled
/// y axis and vertical markers (e.g. where early stopping kept the weights).
///
/// Points with NaN or infinite coordinates (and, on a log axis, y ≤ 0) are
/// left out: the line breaks there and a note says how many were dropped.
public struct LineChart: Chart {
  public var title: String
  public var series: [Series]
  public var xLabel: String?
  public var yLabel: String?
  public var logY: Bool
  public var markers: [Marker]
  public var width: Double
  public var height: Double

  public init(
    title: String, series: [Series], xLabel: String? = nil, yLabel: String? = nil,
    logY: Bool = false, markers: [Marker] = [], width: Double = 640, height: Double = 340
  ) {
    self.title = title
    self.series = series
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.logY = logY
    self.markers = markers
    self.width = width
    self.height = height
  }

  public func svg() -> String {
    let layout = XYLayout(
      series: series, logY: logY, extraX: markers.map(\.x), width: width, height: height,
      hasYLabel: yLabel != nil, hasXLabel: xLabel != nil)
    var canvas = SVGCanvas(
      width: width, height: height, title: title,
      description: "Line chart of " + describe(series) + (logY ? ", log-scaled y" : ""))
    canvas.heading(title)
    let frame = layout.frame
    guard !layout.isEmpty else {
      return layout.emptyChart(canvas, xLabel: xLabel, yLabel: yLabel)
    }
    frame.drawAxes(on: &canvas, xLabel: xLabel, yLabel: yLabel)
    layout.drawLegend(on: &canvas, names: series.map(\.name), dots: false)

    for (index, list) in layout.points.enumerated() {
      let color = Palette.color(index)
      let finite = list.compactMap { $0 }
      if finite.count == 1 {
        let p = finite[0]
        canvas.add(
          "<circle cx=\"\(SVGFormat.coord(frame.px(p.x)))\""
            + " cy=\"\(SVGFormat.coord(frame.py(p.y)))\" r=\"3.5\" fill=\"\(color)\"/>")
        continue
      }
      let d = layout.pathData(list)
      guard !d.isEmpty else { continue }
      canvas.add(
        "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.75\""
          + " stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
      // A finite point between non-finite neighbours has no segment: a dot.
      for (i, point) in list.enumerated() {
        guard let point, i == 0 || list[i - 1] == nil, i == list.count - 1 || list[i + 1] == nil
        else { continue }
        canvas.add(
          "<circle cx=\"\(SVGFormat.coord(frame.px(point.x)))\""
            + " cy=\"\(SVGFormat.coord(frame.py(point.y)))\""
            + " r=\"2.5\" fill=\"\(color)\"/>")
      }
    }

    for marker in markers where marker.x.isFinite {
      let x = SVGFormat.coord(frame.px(marker.x))
      canvas.add(
        "<path d=\"M\(x) \(SVGFormat.coord(frame.top))V\(SVGFormat.coord(frame.bottom))\""
          + " stroke=\"#444\" stroke-dasharray=\"4 3\"/>")
      let anchor = frame.px(marker.x) > frame.left + frame.width * 0.8 ? "end" : "start"
      let offset = anchor == "end" ? -4.0 : 4.0
      canvas.text(
        marker.label, x: frame.px(marker.x) + offset, y: frame.top + 11, anchor: anchor,
        size: 10, fill: "#444")
    }
    canvas.notes(layout.notes)
    return canvas.render()
  }
}

/// "loss (120 points), accuracy (120 points)" for a chart's `<desc>`.
func describe(_ series: [Series]) -> String {
  guard !series.isEmpty else { return "no series" }
  return series.map { s in
    let n = min(s.x.count, s.y.count)
    return (s.name.isEmpty ? "series" : s.name) + " (\(n) point\(n == 1 ? "" : "s"))"
  }.joined(separator: ", ")
}
