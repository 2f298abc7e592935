/// What line and scatter charts share: the finite points of each series,
/// counts of what was left out, the legend, and the frame with its scales.
struct XYLayout {
  /// Per series, its points in order; `nil` where a point was left out, so
  /// that lines break there instead of bridging the gap.
  var points: [[(x: Double, y: Double)?]]
  var nonFinite = 0
  var nonPositive = 0
  var frame: PlotFrame
  var legendRows: [[(index: Int, x: Double)]]
  var isEmpty: Bool

  static let legendTop = 30.0

  init(
    series: [Series], logY: Bool, extraX: [Double], width: Double, height: Double,
    hasYLabel: Bool, hasXLabel: Bool
  ) {
    points = []
    var xs: [Double] = []
    var ys: [Double] = []
    for s in series {
      var list: [(x: Double, y: Double)?] = []
      for i in 0..<min(s.x.count, s.y.count) {
        let (x, y) = (s.x[i], s.y[i])
        if !x.isFinite || !y.isFinite {
          nonFinite += 1
          list.append(nil)
        } else if logY && y <= 0 {
          nonPositive += 1
          list.append(nil)
        } else {
          list.append((x, y))
          xs.append(x)
          ys.append(y)
        }
      }
      points.append(list)
    }
    isEmpty = xs.isEmpty
    let markerXs = extraX.filter(\.isFinite)

    // Legend rows: wrap entries when they would run past the right edge.
    var rows: [[(index: Int, x: Double)]] = []
    if series.count > 1 || (series.count == 1 && !series[0].name.isEmpty) {
      var row: [(index: Int, x: Double)] = []
      var cursor = 56.0
      for (index, s) in series.enumerated() {
        let itemWidth = 26 + 6.2 * Double(s.name.count)
        if cursor + itemWidth > width - 8 && !row.isEmpty {
          rows.append(row)
          row = []
          cursor = 56
        }
        row.append((index, cursor))
        cursor += itemWidth + 12
      }
      rows.append(row)
    }
    legendRows = rows

    let top = Self.legendTop + Double(rows.count) * 16 + 6
    let left = hasYLabel ? 62.0 : 50.0
    let bottom = hasXLabel ? 46.0 : 30.0
    let allX = xs + markerXs
    let xScale = NiceScale(
      minimum: allX.min() ?? 0, maximum: allX.max() ?? 1,
      maxTicks: max(3, Int((width - left) / 80)))
    let yScale: any AxisScale =
      logY
      ? LogScale(minimum: ys.min() ?? 1, maximum: ys.max() ?? 10)
      : NiceScale(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1, maxTicks: 6)
    frame = PlotFrame(
      left: left, top: top, width: width - left - 16, height: height - top - bottom,
      x: xScale, y: yScale)
  }

  var notes: [String] {
    var notes: [String] = []
    if let note = SVGFormat.nonFiniteNote(nonFinite) { notes.append(note) }
    if let note = SVGFormat.nonFiniteNote(nonPositive, what: "non-positive") {
      notes.append(note + " (log scale)")
    }
    return notes
  }

  /// The legend: a swatch (line or dot) and the series name per entry.
  func drawLegend(on canvas: inout SVGCanvas, names: [String], dots: Bool) {
    for (rowIndex, row) in legendRows.enumerated() {
      let y = Self.legendTop + Double(rowIndex) * 16
      for entry in row {
        let color = Palette.color(entry.index)
        let x = SVGFormat.coord(entry.x)
        let yy = SVGFormat.coord(y - 4)
        if dots {
          canvas.add(
            "<circle cx=\"\(SVGFormat.coord(entry.x + 8))\" cy=\"\(yy)\" r=\"3.5\""
              + " fill=\"\(color)\"/>")
        } else {
          canvas.add(
            "<path d=\"M\(x) \(yy)h18\" stroke=\"\(color)\" stroke-width=\"2.5\"/>")
        }
        canvas.text(names[entry.index], x: entry.x + 24, y: y)
      }
    }
  }

  /// Path data through the points, broken where a point was left out.
  ///
  /// Consecutive points that fall in the same pixel column are reduced to
  /// their first, lowest, highest and last (M4, Jugel et al. 2014): the line
  /// looks the same, and a 10⁵-point loss curve stays a few kilobytes.
  func pathData(_ list: [(x: Double, y: Double)?]) -> String {
    var d = ""
    var pen = false
    var bucket: [(x: Double, y: Double)] = []
    var column = Int.min

    func flush() {
      guard let first = bucket.first, let last = bucket.last else { return }
      var kept = [first]
      if bucket.count > 2 {
        let top = bucket.indices.min { bucket[$0].y < bucket[$1].y }!
        let bottom = bucket.indices.max { bucket[$0].y < bucket[$1].y }!
        for index in Set([top, bottom]).sorted() where index != 0 && index != bucket.count - 1 {
          kept.append(bucket[index])
        }
      }
      if bucket.count > 1 { kept.append(last) }
      for point in kept {
        d += (pen ? "L" : "M") + SVGFormat.coord(point.x) + " " + SVGFormat.coord(point.y)
        pen = true
      }
      bucket.removeAll(keepingCapacity: true)
    }

    for point in list {
      guard let point else {
        flush()
        pen = false
        column = Int.min
        continue
      }
      let x = frame.px(point.x)
      let pixel = pixelIndex(x)
      if pixel != column {
        flush()
        column = pixel
      }
      bucket.append((x, frame.py(point.y)))
    }
    flush()
    return d
  }

  /// The pixel column or row of a coordinate, clamped so it always fits an Int.
  func pixelIndex(_ coordinate: Double) -> Int {
    Int(min(max(coordinate, -1e9), 1e9).rounded(.down))
  }

  /// The finished chart when no finite point is left: bare axes, "no data"
  /// and the notes saying what was left out.
  func emptyChart(_ canvas: SVGCanvas, xLabel: String?, yLabel: String?) -> String {
    var canvas = canvas
    frame.drawAxes(
      on: &canvas, xLabel: xLabel, yLabel: yLabel, showYTicks: false, xTicks: false)
    canvas.placeholder(
      "no data", centerX: canvas.width / 2, centerY: frame.top + frame.height / 2)
    canvas.notes(notes)
    return canvas.render()
  }
}
