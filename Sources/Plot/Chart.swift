/// A chart that draws itself as a standalone SVG element.
public protocol Chart {
  /// The chart as one `<svg>` element, deterministic for the same input.
  func svg() -> String
}
