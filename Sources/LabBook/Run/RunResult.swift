import Foundation

/// Everything one run of a lab produced: what `out/NAME.json` holds, what the
/// report draws and what the grader scores. Schema: docs/run-json.md.
public struct RunResult: Codable, Sendable {
  /// Bumped when a field changes meaning; readers refuse other versions.
  public static let schemaVersion = 1

  public var schemaVersion: Int
  public var lab: String
  public var title: String
  public var seed: UInt64
  /// The parameters the run used, after `--set`.
  public var params: [String: ParamValue]
  /// ISO 8601, UTC.
  public var startedAt: String
  public var labbookVersion: String
  /// Seconds spent compiling the lab program (0 when served from the cache).
  public var compileSeconds: Double
  /// Seconds from the start of the run to its end, compile included.
  public var totalSeconds: Double
  /// Compiler or run-level failures not owned by one cell.
  public var diagnostics: [Diagnostic]
  public var cells: [CellResult]

  public init(
    lab: String, title: String, seed: UInt64, params: [String: ParamValue] = [:],
    startedAt: String, labbookVersion: String, compileSeconds: Double = 0,
    totalSeconds: Double = 0, diagnostics: [Diagnostic] = [], cells: [CellResult] = []
  ) {
    self.schemaVersion = Self.schemaVersion
    self.lab = lab
    self.title = title
    self.seed = seed
    self.params = params
    self.startedAt = startedAt
    self.labbookVersion = labbookVersion
    self.compileSeconds = compileSeconds
    self.totalSeconds = totalSeconds
    self.diagnostics = diagnostics
    self.cells = cells
  }

  public func cell(_ id: String) -> CellResult? { cells.first { $0.id == id } }

  /// Every named value any cell recorded, the later winning on a clash.
  public var values: [String: RecordedValue] {
    var all: [String: RecordedValue] = [:]
    for cell in cells {
      for case .value(let name, let value) in cell.outputs { all[name] = value }
    }
    return all
  }
}

/// What became of one cell.
public struct CellResult: Codable, Sendable {
  public enum Status: String, Codable, Sendable {
    /// Ran to its end.
    case ok
    /// Crashed, trapped, or failed to compile; `error` says how.
    case failed
    /// Stopped because the lab's time limit ran out while it ran.
    case timedOut
    /// Not reached: an earlier cell failed or the program did not build.
    case notRun
    /// Marked `skip` by the author.
    case skipped

    /// The status in words, as pages show it: "timed out", "not run".
    public var label: String {
      switch self {
      case .ok: "ok"
      case .failed: "failed"
      case .timedOut: "timed out"
      case .notRun: "not run"
      case .skipped: "skipped"
      }
    }
  }

  public var id: String
  public var status: Status
  public var seconds: Double
  /// Text, figures, values and check results, in the order produced.
  public var outputs: [CellOutput]
  public var error: CellError?

  public init(
    id: String, status: Status, seconds: Double = 0, outputs: [CellOutput] = [],
    error: CellError? = nil
  ) {
    self.id = id
    self.status = status
    self.seconds = seconds
    self.outputs = outputs
    self.error = error
  }
}

/// Why a cell failed, located in the lab's own file where possible.
public struct CellError: Codable, Sendable {
  public var message: String
  public var location: SourceLocation?
  /// The signal that ended the program, e.g. "SIGTRAP", if one did.
  public var signal: String?

  public init(message: String, location: SourceLocation? = nil, signal: String? = nil) {
    self.message = message
    self.location = location
    self.signal = signal
  }
}

/// One thing a cell produced.
public enum CellOutput: Codable, Sendable {
  case text(stream: Stream, text: String)
  case figure(FigureSpec)
  case value(name: String, value: RecordedValue)
  case check(CheckResult)

  public enum Stream: String, Codable, Sendable {
    case stdout, stderr
  }
}

/// A named value recorded by a cell (`record("name", x)` in LabKit).
public enum RecordedValue: Codable, Sendable, Equatable {
  case number(Double)
  case text(String)
  case series([Double])

  /// How prose shows the value: numbers with 4 significant digits.
  public var display: String {
    switch self {
    case .number(let v): formatNumber(v)
    case .text(let s): s
    case .series(let vs): "[" + vs.map(formatNumber).joined(separator: ", ") + "]"
    }
  }
}

/// The outcome of one check in a test cell.
public struct CheckResult: Codable, Sendable {
  public var name: String
  public var passed: Bool
  /// What was expected and what came, for the student's feedback.
  public var message: String
  public var points: Double
  /// Points earned: `points` when passed, partial credit where the check gives it.
  public var score: Double
  /// The check's call site as the program saw it (`#fileID`, e.g.
  /// `LabProgram/lab.md`, and line), which the grader matches against the
  /// test cell's lines; absent in results from before grading existed.
  public var file: String?
  public var line: Int?

  public init(
    name: String, passed: Bool, message: String, points: Double, score: Double,
    file: String? = nil, line: Int? = nil
  ) {
    self.name = name
    self.passed = passed
    self.message = message
    self.points = points
    self.score = score
    self.file = file
    self.line = line
  }
}

/// A figure as data: the child process records it, the parent draws it.
public struct FigureSpec: Codable, Sendable {
  public enum Kind: String, Codable, Sendable {
    case line, scatter, histogram, histogramGrid, bar, heatmap
  }

  public var kind: Kind
  public var title: String
  public var xLabel: String?
  public var yLabel: String?
  public var logY: Bool?
  /// `line` and `scatter`: named series of points.
  public var series: [Series]?
  /// `scatter`: width of the moving-average line, if one is drawn.
  public var movingAverage: Int?
  /// `histogram` and `histogramGrid`: one panel each, on shared bin edges.
  public var panels: [HistogramPanel]?
  /// `bar`: one label per value.
  public var labels: [String]?
  public var values: [Double]?
  /// `heatmap`: `rows × cols` values, row-major.
  public var rows: Int?
  public var cols: Int?
  /// Vertical markers on a line chart, e.g. where early stopping kept the weights.
  public var markers: [Marker]?

  public struct Series: Codable, Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public init(name: String, x: [Double], y: [Double]) {
      self.name = name
      self.x = x
      self.y = y
    }
  }

  public struct HistogramPanel: Codable, Sendable {
    public var title: String
    /// `counts.count + 1` edges, increasing.
    public var edges: [Double]
    public var counts: [Double]
    public var mean: Double?
    public var std: Double?
    /// Values left out because they were NaN or infinite.
    public var nonFinite: Int?
    public init(
      title: String, edges: [Double], counts: [Double], mean: Double? = nil, std: Double? = nil,
      nonFinite: Int? = nil
    ) {
      self.title = title
      self.edges = edges
      self.counts = counts
      self.mean = mean
      self.std = std
      self.nonFinite = nonFinite
    }
  }

  public struct Marker: Codable, Sendable {
    public var x: Double
    public var label: String
    public init(x: Double, label: String) {
      self.x = x
      self.label = label
    }
  }

  public init(kind: Kind, title: String) {
    self.kind = kind
    self.title = title
  }
}

/// Four significant digits, plain notation between 1e-3 and 1e5.
func formatNumber(_ value: Double) -> String {
  guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
  if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
  let magnitude = abs(value)
  guard magnitude >= 1e-3 && magnitude < 1e5 else { return String(format: "%.3e", value) }
  var text = String(format: "%.4g", value)
  if text.contains(".") {
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
  }
  return text
}
