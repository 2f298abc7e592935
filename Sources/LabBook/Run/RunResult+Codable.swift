// JSON forms chosen for people and other languages reading out/NAME.json:
// values are plain JSON values, outputs carry a "type" field. See
// docs/run-json.md.

extension RecordedValue {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let series = try? container.decode([Double].self) {
      self = .series(series)
    } else {
      self = .text(try container.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let value): try container.encode(value)
    case .text(let value): try container.encode(value)
    case .series(let values): try container.encode(values)
    }
  }
}

extension ParamValue {
  private enum CodingKeys: String, CodingKey {
    case int, double, bool, string
  }

  /// `{"int": 5}`, `{"double": 0.01}`, `{"bool": true}` or `{"string": "adam"}`:
  /// the type is kept, since `--set` values are checked against it.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let value = try container.decodeIfPresent(Int.self, forKey: .int) {
      self = .int(value)
    } else if let value = try container.decodeIfPresent(Double.self, forKey: .double) {
      self = .double(value)
    } else if let value = try container.decodeIfPresent(Bool.self, forKey: .bool) {
      self = .bool(value)
    } else {
      self = .string(try container.decode(String.self, forKey: .string))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .int(let value): try container.encode(value, forKey: .int)
    case .double(let value): try container.encode(value, forKey: .double)
    case .bool(let value): try container.encode(value, forKey: .bool)
    case .string(let value): try container.encode(value, forKey: .string)
    }
  }
}

extension CellOutput {
  private enum CodingKeys: String, CodingKey {
    case type, stream, text, figure, name, value, check
  }

  private enum Kind: String, Codable {
    case text, figure, value, check
  }

  /// `{"type": "text", "stream", "text"}`, `{"type": "figure", "figure"}`,
  /// `{"type": "value", "name", "value"}` or `{"type": "check", "check"}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Kind.self, forKey: .type) {
    case .text:
      self = .text(
        stream: try container.decode(Stream.self, forKey: .stream),
        text: try container.decode(String.self, forKey: .text))
    case .figure:
      self = .figure(try container.decode(FigureSpec.self, forKey: .figure))
    case .value:
      self = .value(
        name: try container.decode(String.self, forKey: .name),
        value: try container.decode(RecordedValue.self, forKey: .value))
    case .check:
      self = .check(try container.decode(CheckResult.self, forKey: .check))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .text(let stream, let text):
      try container.encode(Kind.text, forKey: .type)
      try container.encode(stream, forKey: .stream)
      try container.encode(text, forKey: .text)
    case .figure(let figure):
      try container.encode(Kind.figure, forKey: .type)
      try container.encode(figure, forKey: .figure)
    case .value(let name, let value):
      try container.encode(Kind.value, forKey: .type)
      try container.encode(name, forKey: .name)
      try container.encode(value, forKey: .value)
    case .check(let check):
      try container.encode(Kind.check, forKey: .type)
      try container.encode(check, forKey: .check)
    }
  }
}
