/// Collects the diagnostics of one reading of a lab, so that a reader can report
/// every problem it finds rather than stopping at the first.
struct DiagnosticLog {
  /// The lab's path, as the user named it; every location is in this file.
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  var warnings: [Diagnostic] { diagnostics.filter { $0.severity != .error } }

  /// The location `line:column` (1-based) in the lab's file.
  func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  mutating func error(_ line: Int, _ column: Int, _ message: String, hint: String = "") {
    diagnostics.append(Diagnostic(.error, at: at(line, column), message, hint: hint))
  }

  mutating func warning(_ line: Int, _ column: Int, _ message: String, hint: String = "") {
    diagnostics.append(Diagnostic(.warning, at: at(line, column), message, hint: hint))
  }

  /// Every diagnostic ordered by position; equal positions keep their order.
  var sorted: [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let l = a.element.location ?? at(0)
      let r = b.element.location ?? at(0)
      return (l.line, l.column, a.offset) < (r.line, r.column, b.offset)
    }.map(\.element)
  }
}
