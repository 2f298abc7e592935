/// Records a named number for the report and `out/NAME.json`; prose can
/// quote it and the grader can read it.
///
///     record("final loss", loss)
public func record(_ name: String, _ value: Double) {
  var event = JSONText()
  event.field("e", "value")
  event.field("name", name)
  event.field("number", value)
  _LabRuntime.emit(event)
}

/// Records a named `Float`, kept at its shortest decimal form.
public func record(_ name: String, _ value: Float) {
  var event = JSONText()
  event.field("e", "value")
  event.field("name", name)
  event.field("number", raw: JSONText.number(value))
  _LabRuntime.emit(event)
}

/// Records a named integer (stored as a number, exact up to 2^53).
public func record(_ name: String, _ value: Int) { record(name, Double(value)) }

/// Records a named piece of text.
///
///     record("best schedule", "cosine")
public func record(_ name: String, _ value: String) {
  var event = JSONText()
  event.field("e", "value")
  event.field("name", name)
  event.field("text", value)
  _LabRuntime.emit(event)
}

/// Records a named series of numbers, e.g. a loss curve.
///
///     record("losses", losses)
public func record(_ name: String, _ values: [Double]) {
  var event = JSONText()
  event.field("e", "value")
  event.field("name", name)
  event.field("series", values)
  _LabRuntime.emit(event)
}

/// Records a named series of `Float`s, each at its shortest decimal form.
public func record(_ name: String, _ values: [Float]) {
  var event = JSONText()
  event.field("e", "value")
  event.field("name", name)
  event.field("series", raw: "[" + values.map { JSONText.number($0) }.joined(separator: ",") + "]")
  _LabRuntime.emit(event)
}
