/// One histogram from precomputed bin edges and counts, captioned with its
/// mean and standard deviation when they are given.
public struct HistogramChart: Chart {
  public var title: String
  public var histogram: Histogram
  public var xLabel: String?
  public var yLabel: String?
  public var width: Double
  public var height: Double

  public init(
    title: String, histogram: Histogram, xLabel: String? = nil, yLabel: String? = "count",
    width: Double = 640, height: Double = 300
  ) {
    self.title = title
    self.histogram = histogram
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.width = width
    self.height = height
  }

  public func svg() -> String {
    let h = histogram
    var description = "Histogram of \(h.counts.count) bins"
    if let stats = h.statistics { description += ", " + stats }
    var canvas = SVGCanvas(width: width, height: height, title: title, description: description)
    canvas.heading(title)
    if let stats = h.statistics {
      canvas.text(stats, x: width - 16, y: 17, anchor: "end", fill: "#555")
    }

    let problem = h.problem
    let xScale = NiceScale(
      minimum: problem == nil ? h.edges.first! : 0, maximum: problem == nil ? h.edges.last! : 1,
      maxTicks: 7)
    let yScale = NiceScale(minimum: 0, maximum: max(h.maxCount, 1), maxTicks: 5)
    let left = yLabel == nil ? 50.0 : 62.0
    let frame = PlotFrame(
      left: left, top: 30, width: width - left - 16, height: height - 30 - 46,
      x: xScale, y: yScale)
    if let problem {
      frame.drawAxes(
        on: &canvas, xLabel: xLabel, yLabel: yLabel, showYTicks: false, xTicks: false)
      canvas.placeholder(problem, centerX: width / 2, centerY: frame.top + frame.height / 2)
    } else {
      frame.drawAxes(on: &canvas, xLabel: xLabel, yLabel: yLabel)
      let d = h.barsPath(in: frame)
      if !d.isEmpty {
        canvas.add("<path d=\"\(d)\" fill=\"\(Palette.color(0))\" fill-opacity=\"0.8\"/>")
      }
    }
    canvas.notes(h.notes())
    return canvas.render()
  }
}
