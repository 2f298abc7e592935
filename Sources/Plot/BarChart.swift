/// Vertical bars, one per labelled value, from a baseline at 0.
///
/// Non-finite values get no bar and are counted in a note.
public struct BarChart: Chart {
  public var title: String
  public var labels: [String]
  public var values: [Double]
  public var xLabel: String?
  public var yLabel: String?
  public var width: Double
  public var height: Double

  /// `labels[i]` names `values[i]`; missing labels are shown empty.
  public init(
    title: String, labels: [String], values: [Double], xLabel: String? = nil,
    yLabel: String? = nil, width: Double = 640, height: Double = 320
  ) {
    self.title = title
    self.labels = labels
    self.values = values
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.width = width
    self.height = height
  }

  public func svg() -> String {
    let finite = values.filter(\.isFinite)
    let pairs = values.enumerated().map { i, v in
      (i < labels.count ? labels[i] : "") + " " + SVGFormat.short(v)
    }
    var canvas = SVGCanvas(
      width: width, height: height, title: title,
      description: "Bar chart: " + (pairs.isEmpty ? "no data" : pairs.joined(separator: ", ")))
    canvas.heading(title)
    let yScale = NiceScale(
      minimum: min(0, finite.min() ?? 0), maximum: max(0, finite.max() ?? 1), maxTicks: 6)
    let left = yLabel == nil ? 50.0 : 62.0
    let frame = PlotFrame(
      left: left, top: 30, width: width - left - 16, height: height - 30 - 46,
      x: NiceScale(minimum: 0, maximum: Double(max(values.count, 1))), y: yScale)
    guard !values.isEmpty else {
      frame.drawAxes(
        on: &canvas, xLabel: xLabel, yLabel: yLabel, showYTicks: false, xTicks: false)
      canvas.placeholder("no data", centerX: width / 2, centerY: frame.top + frame.height / 2)
      return canvas.render()
    }
    frame.drawAxes(on: &canvas, xLabel: xLabel, yLabel: yLabel, xTicks: false)

    let slot = frame.width / Double(values.count)
    let barWidth = slot * 0.7
    let zero = frame.py(0)
    var d = ""
    let maxChars = max(1, Int(slot / 6))
    for (i, value) in values.enumerated() {
      let centre = frame.left + slot * (Double(i) + 0.5)
      if value.isFinite {
        let top = min(frame.py(value), zero)
        let heightPx = abs(frame.py(value) - zero)
        d += "M\(SVGFormat.coord(centre - barWidth / 2)) \(SVGFormat.coord(top))"
        d += "h\(SVGFormat.coord(barWidth))v\(SVGFormat.coord(heightPx))"
        d += "h-\(SVGFormat.coord(barWidth))Z"
        if values.count <= 16 {
          let labelY = value >= 0 ? top - 3 : top + heightPx + 10
          canvas.text(
            SVGFormat.short(value), x: centre, y: labelY, anchor: "middle", size: 9,
            fill: "#555")
        }
      }
      var label = i < labels.count ? labels[i] : ""
      if label.count > maxChars { label = String(label.prefix(max(1, maxChars - 1))) + "…" }
      canvas.text(label, x: centre, y: frame.bottom + 15, anchor: "middle", size: 10)
    }
    if !d.isEmpty { canvas.add("<path d=\"\(d)\" fill=\"\(Palette.color(0))\"/>") }
    if yScale.lower < 0 {
      let y = SVGFormat.coord(zero)
      canvas.add(
        "<path d=\"M\(SVGFormat.coord(frame.left)) \(y)H\(SVGFormat.coord(frame.right))\""
          + " stroke=\"#888\"/>")
    }
    canvas.notes([SVGFormat.nonFiniteNote(values.count - finite.count)].compactMap { $0 })
    return canvas.render()
  }
}
