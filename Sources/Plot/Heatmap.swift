/// A matrix (e.g. a weight matrix) as coloured cells on a diverging map
/// centred at 0: blue for negative, near-white for 0, red for positive, the
/// colour scale symmetric at ± the largest finite magnitude.
///
/// Matrices larger than `maxCells` per side are shown as block means so the
/// SVG stays small; a note says so. Non-finite values are left out of the
/// means and counted in a note; cells with no finite value are grey.
public struct Heatmap: Chart {
  public var title: String
  public var rows: Int
  public var cols: Int
  /// `rows × cols` values, row-major.
  public var values: [Double]
  public var width: Double
  public var maxCells: Int

  public init(
    title: String, rows: Int, cols: Int, values: [Double], width: Double = 640,
    maxCells: Int = 48
  ) {
    self.title = title
    self.rows = rows
    self.cols = cols
    self.values = values
    self.width = width
    self.maxCells = maxCells
  }

  /// The matrix reduced to at most `maxCells` per side by block means of
  /// finite values (NaN where a block has none), and its shape.
  func reduced() -> (rows: Int, cols: Int, values: [Double]) {
    let outRows = min(rows, maxCells)
    let outCols = min(cols, maxCells)
    guard outRows != rows || outCols != cols else { return (rows, cols, values) }
    var sums = [Double](repeating: 0, count: outRows * outCols)
    var counts = [Int](repeating: 0, count: outRows * outCols)
    for r in 0..<rows {
      let br = r * outRows / rows
      for c in 0..<cols {
        let v = values[r * cols + c]
        guard v.isFinite else { continue }
        let index = br * outCols + c * outCols / cols
        sums[index] += v
        counts[index] += 1
      }
    }
    let means = zip(sums, counts).map { $1 == 0 ? Double.nan : $0 / Double($1) }
    return (outRows, outCols, means)
  }

  public func svg() -> String {
    let (cells, overflow) = max(rows, 0).multipliedReportingOverflow(by: max(cols, 0))
    let valid = rows > 0 && cols > 0 && !overflow && values.count == cells
    let nonFinite = valid ? values.filter { !$0.isFinite }.count : 0
    let magnitude = valid ? values.lazy.filter(\.isFinite).map(abs).max() ?? 0 : 0
    let shown = valid ? reduced() : (rows: 0, cols: 0, values: [])
    // Cells up to 28 px, within 360 px of height and the width minus the colour bar.
    let cell =
      valid ? min(360 / Double(shown.rows), (width - 110) / Double(shown.cols), 28) : 0
    let height = valid ? max(120, 28 + Double(shown.rows) * cell + 22) : 200
    var notes: [String] = []
    if valid && (shown.rows != rows || shown.cols != cols) {
      notes.append("\(rows)×\(cols) shown as \(shown.rows)×\(shown.cols) block means")
    }
    if let note = SVGFormat.nonFiniteNote(nonFinite) { notes.append(note) }
    // Wide enough for the notes line too (about 5.5 px per character at 10 px).
    let notesWidth = 16 + 5.5 * Double(notes.joined(separator: "; ").count)
    let usedWidth =
      valid ? min(width, max(260, 12 + Double(shown.cols) * cell + 90, notesWidth)) : width
    var canvas = SVGCanvas(
      width: usedWidth, height: height, title: title,
      description: "Heatmap of a \(rows)×\(cols) matrix, colour scale ±"
        + SVGFormat.short(magnitude) + " (blue negative, red positive)")
    canvas.heading(title)
    guard valid else {
      let message =
        values.isEmpty && cells == 0 && !overflow
        ? "no data"
        : "invalid: \(rows)×\(cols) needs \(overflow ? "too many" : String(cells)) values,"
          + " got \(values.count)"
      canvas.placeholder(message, centerX: usedWidth / 2, centerY: height / 2)
      return canvas.render()
    }

    let left = 12.0
    let top = 28.0
    // One path per quantised colour keeps thousands of cells compact.
    let levels = 10
    var paths: [Int: String] = [:]
    for r in 0..<shown.rows {
      for c in 0..<shown.cols {
        let v = shown.values[r * shown.cols + c]
        let level =
          v.isFinite
          ? Int(((magnitude > 0 ? v / magnitude : 0) * Double(levels)).rounded())
          : Int.min
        let x = SVGFormat.coord(left + Double(c) * cell)
        let y = SVGFormat.coord(top + Double(r) * cell)
        let size = SVGFormat.coord(cell)
        paths[level, default: ""] += "M\(x) \(y)h\(size)v\(size)h-\(size)Z"
      }
    }
    for level in paths.keys.sorted() {
      let color =
        level == Int.min ? "#999999" : Palette.diverging(Double(level) / Double(levels))
      canvas.add("<path d=\"\(paths[level]!)\" fill=\"\(color)\"/>")
    }

    // The colour bar: +max at the top, 0 in the middle, -max at the bottom.
    let barX = left + Double(shown.cols) * cell + 16
    let barHeight = Double(shown.rows) * cell
    let step = barHeight / Double(2 * levels + 1)
    for k in 0...(2 * levels) {
      let level = levels - k
      canvas.add(
        "<rect x=\"\(SVGFormat.coord(barX))\" y=\"\(SVGFormat.coord(top + Double(k) * step))\""
          + " width=\"12\" height=\"\(SVGFormat.coord(step + 0.5))\""
          + " fill=\"\(Palette.diverging(Double(level) / Double(levels)))\"/>")
    }
    let tickX = barX + 16
    canvas.text("+" + SVGFormat.short(magnitude), x: tickX, y: top + 8, size: 10)
    canvas.text("0", x: tickX, y: top + barHeight / 2 + 3, size: 10)
    canvas.text("−" + SVGFormat.short(magnitude), x: tickX, y: top + barHeight, size: 10)

    canvas.notes(notes)
    return canvas.render()
  }
}
