/// Points of one or more series as dots, with a trailing moving average per
/// series drawn as a line over them (the way loss curves are read).
///
/// The moving average at point i (counting finite points only) is the mean
/// of the `movingAverage` points ending at i; it starts at the first full
/// window. Non-finite points are left out with a note.
public struct ScatterChart: Chart {
  public var title: String
  public var series: [Series]
  public var xLabel: String?
  public var yLabel: String?
  public var logY: Bool
  /// Window of the moving average; `nil` or < 2 draws none.
  public var movingAverage: Int?
  public var width: Double
  public var height: Double

  public init(
    title: String, series: [Series], xLabel: String? = nil, yLabel: String? = nil,
    logY: Bool = false, movingAverage: Int? = nil, width: Double = 640, height: Double = 340
  ) {
    self.title = title
    self.series = series
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.logY = logY
    self.movingAverage = movingAverage
    self.width = width
    self.height = height
  }

  /// The trailing means of `values` over `window`: `values.count - window + 1`
  /// of them, the k-th being the mean of `values[k ..< k + window]`.
  public static func trailingMeans(_ values: [Double], window: Int) -> [Double] {
    guard window >= 1, values.count >= window else { return [] }
    var sum = values[0..<window].reduce(0, +)
    var means = [sum / Double(window)]
    for i in window..<values.count {
      sum += values[i] - values[i - window]
      means.append(sum / Double(window))
    }
    return means
  }

  public func svg() -> String {
    let layout = XYLayout(
      series: series, logY: logY, extraX: [], width: width, height: height,
      hasYLabel: yLabel != nil, hasXLabel: xLabel != nil)
    var description = "Scatter chart of " + describe(series)
    if let movingAverage, movingAverage > 1 {
      description += " with a moving average over \(movingAverage) points"
    }
    var canvas = SVGCanvas(width: width, height: height, title: title, description: description)
    canvas.heading(title)
    let frame = layout.frame
    guard !layout.isEmpty else {
      return layout.emptyChart(canvas, xLabel: xLabel, yLabel: yLabel)
    }
    frame.drawAxes(on: &canvas, xLabel: xLabel, yLabel: yLabel)
    layout.drawLegend(on: &canvas, names: series.map(\.name), dots: true)

    for (index, list) in layout.points.enumerated() {
      let color = Palette.color(index)
      let finite = list.compactMap { $0 }
      // One path of zero-length round-capped strokes: a dot per point, compactly.
      // A dot in a 1 px cell that already has one adds nothing visible.
      var dots = ""
      var drawn = Set<Int64>()
      for p in finite {
        let (x, y) = (frame.px(p.x), frame.py(p.y))
        let cell =
          Int64(layout.pixelIndex(x)) << 32
          | Int64(UInt32(truncatingIfNeeded: layout.pixelIndex(y)))
        guard drawn.insert(cell).inserted else { continue }
        dots += "M\(SVGFormat.coord(x)) \(SVGFormat.coord(y))h0"
      }
      if !dots.isEmpty {
        canvas.add(
          "<path d=\"\(dots)\" stroke=\"\(color)\" stroke-opacity=\"0.45\""
            + " stroke-width=\"4\" stroke-linecap=\"round\"/>")
      }
      guard let window = movingAverage, window > 1 else { continue }
      let means = Self.trailingMeans(finite.map(\.y), window: window)
      let line: [(x: Double, y: Double)?] = means.enumerated().map { k, mean in
        logY && mean <= 0 ? nil : (finite[k + window - 1].x, mean)
      }
      let d = layout.pathData(line)
      if !d.isEmpty {
        canvas.add(
          "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\""
            + " stroke-linejoin=\"round\"/>")
      }
    }
    canvas.notes(layout.notes)
    return canvas.render()
  }
}
