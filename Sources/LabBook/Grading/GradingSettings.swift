/// The front matter's `grading:` settings, read and checked (see
/// docs/grading.md for each key).
public struct GradingSettings: Sendable, Equatable {
  /// Wall-clock seconds one submission's program may run in all (`timeout`).
  public var timeout: Double
  /// Wall-clock seconds one test cell may run (`test-timeout`).
  public var testTimeout: Double
  /// Seconds swiftc may take on one submission (`compile-timeout`).
  public var compileTimeout: Double
  /// Address space of the program in MiB (`memory`).
  public var memoryMiB: Int
  /// What the program may print, per stream, in MiB (`output`).
  public var outputMiB: Int
  /// Processes and threads the program may have (`processes`).
  public var processes: Int
  /// Parameters for grading, over the front matter's `params` (`params.NAME`).
  public var params: [String: String]
  /// Gradescope visibility of hidden tests (`hidden-visibility`):
  /// `hidden` or `after_published`.
  public var hiddenVisibility: String
  /// Whether feedback pages show the instructor's reference outputs beside
  /// the student's (`feedback-reference`, default false).
  public var feedbackReference: Bool

  /// Settings read from `grading`, with defaults for missing keys; a bad
  /// value is reported in `problems` and its default kept.
  public init(_ grading: [String: String], labTimeout: Double?) {
    timeout = labTimeout.map { min($0, 300) } ?? 120
    testTimeout = 10
    compileTimeout = 120
    memoryMiB = 2048
    outputMiB = 8
    processes = 64
    params = [:]
    hiddenVisibility = "after_published"
    feedbackReference = false
    for (key, value) in grading.sorted(by: { $0.key < $1.key }) {
      if key.hasPrefix("params.") {
        params[String(key.dropFirst(7))] = value
        continue
      }
      switch key {
      case "timeout": timeout = positive(value, key) ?? timeout
      case "test-timeout": testTimeout = positive(value, key) ?? testTimeout
      case "compile-timeout": compileTimeout = positive(value, key) ?? compileTimeout
      case "memory": memoryMiB = positive(value, key).map { Int($0) } ?? memoryMiB
      case "output": outputMiB = positive(value, key).map { Int($0) } ?? outputMiB
      case "processes": processes = positive(value, key).map { Int($0) } ?? processes
      case "hidden-visibility":
        if value == "hidden" || value == "after_published" {
          hiddenVisibility = value
        } else {
          problems.append(
            "grading setting hidden-visibility is \"\(value)\"; use hidden or after_published")
        }
      case "feedback-reference":
        switch value.lowercased() {
        case "true": feedbackReference = true
        case "false": feedbackReference = false
        default:
          problems.append(
            "grading setting feedback-reference is \"\(value)\"; use true or false")
        }
      default:
        break
      }
    }
  }

  /// Bad values met, each phrased for the instructor.
  public var problems: [String] = []

  private mutating func positive(_ text: String, _ key: String) -> Double? {
    if let value = Double(text), value.isFinite, value > 0 { return value }
    problems.append("grading setting \(key) is \"\(text)\"; it takes a number above 0")
    return nil
  }

  /// The limits a submission's program runs under.
  var runLimits: SandboxLimits {
    SandboxLimits(
      cpuSeconds: Int(timeout.rounded(.up)) + 1, memoryBytes: memoryMiB << 20,
      fileBytes: outputMiB << 20, processes: processes, wallSeconds: timeout)
  }

  /// The limits swiftc runs under: its type checker can take minutes on
  /// one long expression, so CPU and wall-clock time are capped.
  var compileLimits: SandboxLimits {
    SandboxLimits(
      cpuSeconds: Int(compileTimeout.rounded(.up)), memoryBytes: 16 << 30,
      fileBytes: 512 << 20, processes: 256, wallSeconds: compileTimeout)
  }
}
