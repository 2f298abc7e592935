/// The lab parameter `name` as a `Double`: the front matter's default, or
/// what `labbook run --set name=…` gave; `default` when the program runs
/// outside LabBook.
///
///     let learningRate = param("lr", default: 1e-3)
public func param(
  _ name: String, default value: Double, file: StaticString = #filePath, line: UInt = #line
) -> Double {
  parsedParam(name, value, "a number", file: file, line: line) { Double($0) }
}

/// The lab parameter `name` as a `Float` (see `param(_:default:)`).
public func param(
  _ name: String, default value: Float, file: StaticString = #filePath, line: UInt = #line
) -> Float {
  parsedParam(name, value, "a number", file: file, line: line) { Float($0) }
}

/// The lab parameter `name` as an `Int` (see `param(_:default:)`).
public func param(
  _ name: String, default value: Int, file: StaticString = #filePath, line: UInt = #line
) -> Int {
  parsedParam(name, value, "an integer", file: file, line: line) { Int($0) }
}

/// The lab parameter `name` as a `Bool`: `true`/`false` (see `param(_:default:)`).
public func param(
  _ name: String, default value: Bool, file: StaticString = #filePath, line: UInt = #line
) -> Bool {
  parsedParam(name, value, "true or false", file: file, line: line) { Bool($0) }
}

/// The lab parameter `name` as text (see `param(_:default:)`).
public func param(
  _ name: String, default value: String, file: StaticString = #filePath, line: UInt = #line
) -> String {
  _LabRuntime.param(name, file: file, line: line) ?? value
}

/// A path for a file the lab ships, e.g. `labPath("data/moons.csv")`,
/// relative to the folder holding the lab's Markdown file. Lab programs run
/// in a temporary folder of their own, so plain relative paths do not reach
/// the lab's data.
public func labPath(_ relative: String) -> String {
  relative.hasPrefix("/") ? relative : _LabRuntime.labDirectory + "/" + relative
}

private func parsedParam<T>(
  _ name: String, _ fallback: T, _ expected: String, file: StaticString, line: UInt,
  _ parse: (String) -> T?
) -> T {
  guard let raw = _LabRuntime.param(name, file: file, line: line) else { return fallback }
  guard let value = parse(raw) else {
    fatalError(
      "parameter \"\(name)\" is \"\(raw)\", not \(expected); match the type of its "
        + "default in the front matter", file: file, line: line)
  }
  return value
}
