/// A named sequence of points for line and scatter charts.
public struct Series: Sendable {
  public var name: String
  public var x: [Double]
  public var y: [Double]

  /// Points `(x[i], y[i])`; extra values in the longer array are ignored.
  public init(name: String, x: [Double], y: [Double]) {
    self.name = name
    self.x = x
    self.y = y
  }

  /// Points at x = 0, 1, 2, … (e.g. a loss per iteration).
  public init(name: String, y: [Double]) {
    self.init(name: name, x: y.indices.map(Double.init), y: y)
  }
}

/// A vertical line across a line chart at `x`, labelled (e.g. "early stop").
public struct Marker: Sendable {
  public var x: Double
  public var label: String

  public init(x: Double, label: String) {
    self.x = x
    self.label = label
  }
}
