/// Collects SVG elements and wraps them in an accessible `<svg>` root.
struct SVGCanvas {
  var width: Double
  var height: Double
  /// Shown as `<title>` and as the `aria-label`.
  var title: String
  /// Shown as `<desc>`: what the chart shows, for screen readers.
  var description: String
  private(set) var elements: [String] = []

  init(width: Double, height: Double, title: String, description: String) {
    self.width = width
    self.height = height
    self.title = title
    self.description = description
  }

  mutating func add(_ element: String) { elements.append(element) }

  /// A `<text>` element; `anchor` is start, middle or end.
  mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
    bold: Bool = false, fill: String? = nil, extra: String = ""
  ) {
    var attributes = "x=\"\(SVGFormat.coord(x))\" y=\"\(SVGFormat.coord(y))\""
    if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
    if let size { attributes += " font-size=\"\(SVGFormat.coord(size))\"" }
    if bold { attributes += " font-weight=\"600\"" }
    if let fill { attributes += " fill=\"\(fill)\"" }
    if !extra.isEmpty { attributes += " " + extra }
    add("<text \(attributes)>\(SVGFormat.escape(content))</text>")
  }

  /// The message drawn in place of a chart that has nothing to show.
  mutating func placeholder(_ message: String, centerX: Double, centerY: Double) {
    text(message, x: centerX, y: centerY, anchor: "middle", size: 13, fill: "#767676")
  }

  /// The chart's title, top left.
  mutating func heading(_ text: String) {
    guard !text.isEmpty else { return }
    self.text(text, x: 8, y: 17, size: 13, bold: true, fill: "#222")
  }

  /// Notes (e.g. values left out), bottom right, small and grey.
  mutating func notes(_ notes: [String]) {
    guard !notes.isEmpty else { return }
    text(
      notes.joined(separator: "; "), x: width - 6, y: height - 5, anchor: "end", size: 10,
      fill: "#B00020")
  }

  /// The finished `<svg>`: `role="img"`, `aria-label`, `<title>`, `<desc>`.
  func render() -> String {
    let w = SVGFormat.coord(width)
    let h = SVGFormat.coord(height)
    let label = SVGFormat.escape(title.isEmpty ? "chart" : title)
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\""
    svg += " viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(label)\""
    svg += " font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,sans-serif\""
    svg += " font-size=\"11\" fill=\"#333\">\n"
    svg += "<title>\(label)</title>\n"
    svg += "<desc>\(SVGFormat.escape(description))</desc>\n"
    svg += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#fff\"/>\n"
    for element in elements { svg += element + "\n" }
    svg += "</svg>"
    return svg
  }
}
