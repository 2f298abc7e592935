/// The one rule for what `{{name}}` in prose shows, used by the report, its
/// warnings, `labbook check` and the handout alike: the value a cell recorded
/// under `name`; failing that, the parameter `name` as the run used it (its
/// default, or the `--set` override).
enum ProseValues {
  /// Every name prose may quote, with the value it shows.
  static func resolve(
    params: [String: ParamValue], recorded: [String: RecordedValue]
  ) -> [String: RecordedValue] {
    var values = params.mapValues(RecordedValue.init)
    // A recorded value is what the cells computed, so it wins over a parameter.
    values.merge(recorded) { _, recorded in recorded }
    return values
  }
}

extension RecordedValue {
  /// A parameter as prose shows it: an int or a double as a number (4
  /// significant digits, like any recorded number), a bool or a string as text.
  init(_ param: ParamValue) {
    switch param {
    case .int(let v): self = .number(Double(v))
    case .double(let v): self = .number(v)
    case .bool, .string: self = .text(param.description)
    }
  }
}

extension RunResult {
  /// What `{{name}}` in this run's prose shows: see `ProseValues`.
  public var proseValues: [String: RecordedValue] {
    ProseValues.resolve(params: params, recorded: values)
  }
}
