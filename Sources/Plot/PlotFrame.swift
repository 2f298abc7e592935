/// The plotting area of a chart with x and y scales: maps data to pixels and
/// draws the grid, the axes, their ticks and labels.
struct PlotFrame {
  var left: Double
  var top: Double
  var width: Double
  var height: Double
  var x: any AxisScale
  var y: any AxisScale

  var right: Double { left + width }
  var bottom: Double { top + height }

  func px(_ value: Double) -> Double { left + x.fraction(value) * width }
  func py(_ value: Double) -> Double { bottom - y.fraction(value) * height }

  /// Grid lines at the y ticks, the axis lines, tick labels and axis titles.
  /// `xTicks: false` leaves the x ticks to the caller (bar charts).
  func drawAxes(
    on canvas: inout SVGCanvas, xLabel: String?, yLabel: String?, showYTicks: Bool = true,
    tickSize: Double = 10, xTicks: Bool = true
  ) {
    var grid = ""
    if showYTicks {
      for tick in y.ticks {
        let yy = SVGFormat.coord(py(tick))
        grid += "M\(SVGFormat.coord(left)) \(yy)H\(SVGFormat.coord(right))"
      }
      if !grid.isEmpty {
        canvas.add("<path d=\"\(grid)\" stroke=\"#e6e6e6\" fill=\"none\"/>")
      }
    }
    let l = SVGFormat.coord(left)
    let b = SVGFormat.coord(bottom)
    canvas.add(
      "<path d=\"M\(l) \(SVGFormat.coord(top))V\(b)H\(SVGFormat.coord(right))\""
        + " stroke=\"#888\" fill=\"none\"/>")

    if xTicks {
      var marks = ""
      for tick in x.ticks {
        let xx = px(tick)
        marks += "M\(SVGFormat.coord(xx)) \(b)v4"
        canvas.text(
          x.label(tick), x: xx, y: bottom + 6 + tickSize, anchor: "middle", size: tickSize)
      }
      if !marks.isEmpty { canvas.add("<path d=\"\(marks)\" stroke=\"#888\"/>") }
    }
    if showYTicks {
      for tick in y.ticks {
        canvas.text(
          y.label(tick), x: left - 5, y: py(tick) + tickSize * 0.35, anchor: "end",
          size: tickSize)
      }
    }
    if let xLabel, !xLabel.isEmpty {
      canvas.text(xLabel, x: left + width / 2, y: bottom + 34, anchor: "middle")
    }
    if let yLabel, !yLabel.isEmpty {
      let cx = SVGFormat.coord(14)
      let cy = SVGFormat.coord(top + height / 2)
      canvas.text(
        yLabel, x: 14, y: top + height / 2, anchor: "middle",
        extra: "transform=\"rotate(-90 \(cx) \(cy))\"")
    }
  }
}
