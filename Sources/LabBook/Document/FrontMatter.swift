/// The YAML block at the top of a lab, between `---` lines.
///
/// Every key is optional; docs/lab-format.md lists them with their types.
public struct FrontMatter: Sendable {
  /// The lab's title (`title:`), shown atop the report.
  public var title: String?
  /// The seed cells' random generators start from (`--seed` overrides).
  public var seed: UInt64?
  /// Parameters with their defaults, in the order written (`--set` overrides).
  public var params: [(name: String, value: ParamValue)]
  /// Seconds the whole run may take before it is stopped.
  public var timeout: Double?
  /// Bytes of memory the lab program may hold (`memory: 4G`).
  public var memory: UInt64?
  /// Files the lab reads, relative to the lab; part of the cache key.
  public var data: [String]
  /// Settings for grading (`grading:` mapping), kept as strings.
  public var grading: [String: String]
  /// Settings for the student handout (`handout:` mapping, e.g.
  /// `figures: true`), kept as strings; docs/handouts.md.
  public var handout: [String: String] = [:]
  /// Where the front matter starts (line 1 when present).
  public var location: SourceLocation?

  /// A front matter with the given keys; all absent by default.
  public init(
    title: String? = nil, seed: UInt64? = nil, params: [(name: String, value: ParamValue)] = [],
    timeout: Double? = nil, memory: UInt64? = nil, data: [String] = [],
    grading: [String: String] = [:], location: SourceLocation? = nil
  ) {
    self.title = title
    self.seed = seed
    self.params = params
    self.timeout = timeout
    self.memory = memory
    self.data = data
    self.grading = grading
    self.location = location
  }

  /// The default of parameter `name`, or `nil` when the lab has none.
  public func param(_ name: String) -> ParamValue? {
    params.first { $0.name == name }?.value
  }
}

/// A typed lab parameter: its type is the default's type. In front matter a
/// quoted value is a string; unquoted, `true`/`false` is a bool, decimal
/// digits an int, a decimal number with a point or exponent a double.
public enum ParamValue: Hashable, Sendable, Codable, CustomStringConvertible {
  case int(Int)
  case double(Double)
  case bool(Bool)
  case string(String)

  public var description: String {
    switch self {
    case .int(let v): String(v)
    case .double(let v): String(v)
    case .bool(let v): String(v)
    case .string(let v): v
    }
  }
}
