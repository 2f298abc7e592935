/// swiftc's diagnostics (`file:line:col: severity: message`, LLVM style),
/// located in the lab's own file thanks to the program's `#sourceLocation`s.
struct CompilerOutput {
  /// A diagnostic and the document cell it belongs to, if any.
  struct Entry {
    var diagnostic: Diagnostic
    var cellIndex: Int?
  }

  var entries: [Entry] = []

  /// Parses `text` (swiftc's stderr). Lines naming `labPath` are mapped to
  /// cells through `program`, with columns shifted by an indented fence's
  /// indentation (cmark strips it from the code). Other `error:` lines
  /// (linker, driver) become diagnostics without a location.
  ///
  /// Noise is left out: warnings about LabBook's generated glue (e.g. "will
  /// never be executed" after a cell ending in `fatalError`) with their
  /// notes, and the driver's "… command failed with exit code 1" once an
  /// error names a place.
  init(_ text: String, labPath: String, program: LabProgram) {
    var droppingNotes = false
    for line in text.split(separator: "\n") {
      if let entry = Self.located(String(line), labPath: labPath, program: program) {
        let severity = entry.diagnostic.severity
        if severity == .note && droppingNotes { continue }
        droppingNotes = severity == .warning && entry.cellIndex == nil
        if droppingNotes { continue }
        entries.append(entry)
      } else if let range = line.range(of: "error: "),
        line.hasPrefix("error:")
          || line.contains(": error: ")
      {
        let message = String(line[range.upperBound...])
        entries.append(Entry(diagnostic: Diagnostic(.error, at: nil, message), cellIndex: nil))
      }
    }
    if entries.contains(where: { $0.diagnostic.severity == .error && $0.cellIndex != nil }) {
      entries.removeAll { $0.cellIndex == nil && Self.isDriverNoise($0.diagnostic.message) }
    }
  }

  /// Whether `message` is the driver's summary of a failed compile job
  /// (`emit-module`, `compile`), which says nothing the located errors do
  /// not. A failed link is kept: it has no located error of its own.
  static func isDriverNoise(_ message: String) -> Bool {
    ["emit-module", "compile", "merge-module"].contains {
      message.hasPrefix("\($0) command failed with exit code ")
    }
  }

  var errors: [Entry] { entries.filter { $0.diagnostic.severity == .error } }

  private static func located(_ line: String, labPath: String, program: LabProgram) -> Entry? {
    // file:line:col: severity: message — the file may itself hold colons.
    for severity in [Diagnostic.Severity.error, .warning, .note] {
      guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
      let head = line[..<marker.lowerBound]
      let parts = head.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count >= 3, let row = Int(parts[parts.count - 2]),
        let column = Int(parts[parts.count - 1])
      else { continue }
      let file = parts.dropLast(2).joined(separator: ":")
      let message = String(line[marker.upperBound...])
      guard file == labPath, let cell = program.cellIndex(atLine: row) else {
        // A line of the generated glue: report it without a place.
        return Entry(diagnostic: Diagnostic(severity, at: nil, message), cellIndex: nil)
      }
      let shift = program.spans[cell].column - 1
      let location = SourceLocation(file: file, line: row, column: column + shift)
      return Entry(diagnostic: Diagnostic(severity, at: location, message), cellIndex: cell)
    }
    return nil
  }
}
