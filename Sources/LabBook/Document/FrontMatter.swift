/// The YAML block at the top of a lab, between `---` lines.
public struct FrontMatter: Sendable {
  public var title: String?
  /// The seed cells' random generators start from (`--seed` overrides).
  public var seed: UInt64?
  /// Parameters with their defaults, in the order written (`--set` overrides).
  public var params: [(name: String, value: ParamValue)]
  /// Seconds the whole run may take before it is stopped.
  public var timeout: Double?
  /// Files the lab reads, relative to the lab; part of the cache key.
  public var data: [String]
  /// Settings for grading (`grading:` mapping), kept as strings.
  public var grading: [String: String]
  /// Where the front matter starts (line 1 when present).
  public var location: SourceLocation?

  public init(
    title: String? = nil, seed: UInt64? = nil, params: [(name: String, value: ParamValue)] = [],
    timeout: Double? = nil, data: [String] = [], grading: [String: String] = [:],
    location: SourceLocation? = nil
  ) {
    self.title = title
    self.seed = seed
    self.params = params
    self.timeout = timeout
    self.data = data
    self.grading = grading
    self.location = location
  }

  public func param(_ name: String) -> ParamValue? {
    params.first { $0.name == name }?.value
  }
}

/// A typed lab parameter: its type is the default's type.
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
