import Foundation

extension Report {
  /// Problems the page shows quietly that a command line should print: one
  /// warning per `{{name}}` in the prose with no value under that name (no
  /// cell recorded it and no parameter has it, see `ProseValues`), at the
  /// prose line that holds it (`file.md:line:col`), with the closest recorded
  /// or parameter name as a hint. When the lab did not build or did not
  /// run to its end, the names with no close recorded name get one warning
  /// together, first, at the first of them, saying so: their values may be
  /// recorded by cells that never ran.
  // Limitation: the line is the first in the prose block where `{{name}}`
  // is written, even when a later line holds the occurrence that was used.
  public var warnings: [Diagnostic] {
    let values = result.proseValues
    let known = values.keys.sorted()
    var warnings: [Diagnostic] = []
    // Names left without a value by a lab that stopped: one warning for all.
    var unreached: [(name: String, location: SourceLocation)] = []
    for case .prose(let prose) in document.blocks {
      var reported: Set<String> = []
      for case .value(let name) in ProseSlots(prose.markdown).slots
      where values[name] == nil && !reported.contains(name) {
        reported.insert(name)
        let place = Self.place(of: name, in: prose.markdown)
        let location = SourceLocation(
          file: prose.location.file, line: prose.location.line + place.line,
          column: place.column)
        if stoppedEarly != nil, Spelling.closest(to: name, in: known) == nil {
          // Whether a cell records it is unknown until every cell has run.
          unreached.append((name, location))
          continue
        }
        let hint =
          known.isEmpty
          ? "no cell recorded a value; call record(\"\(name)\", …) in a cell"
          : Spelling.hint(for: name, known: known, what: "recorded names and parameters")
        warnings.append(
          Diagnostic(
            .warning, at: location,
            "{{\(name)}} has no recorded value, so the report shows ⟨no value: \(name)⟩",
            hint: hint))
      }
    }
    if let stop = stoppedEarly, let first = unreached.first {
      let others = unreached.count - 1
      warnings.insert(
        Diagnostic(
          .warning, at: first.location,
          "{{\(first.name)}}"
            + (others > 0 ? " and \(others) more {{…}} in the prose have" : " has")
            + " no value: \(stop.reason); the report shows ⟨no value: …⟩ for them",
          hint: stop.hint),
        at: 0)
    }
    return warnings
  }

  /// Why some cells did not run to their end, when they did not: the lab
  /// did not build, or a cell failed or ran out of time.
  private var stoppedEarly: (reason: String, hint: String)? {
    if result.diagnostics.contains(where: { $0.severity == .error }) {
      return (
        "the lab did not build, so no cell ran", "fix the lab's build errors and run again"
      )
    }
    let ran: Set<CellResult.Status> = [.ok, .skipped]
    guard let stopped = result.cells.first(where: { !ran.contains($0.status) }) else {
      return nil
    }
    let how = stopped.status == .notRun ? "did not run" : "did not run to its end"
    // The fault may sit in an earlier cell the stopped one called (a stub,
    // a helper): name the cell holding the error's line.
    let faulty =
      stopped.error?.location.flatMap { place in
        document.cells.last { $0.fenceLocation.line <= place.line }
      }?.id ?? stopped.id
    return (
      "the lab stopped at cell '\(stopped.id)', which \(how), and the cells after it did not "
        + "run",
      "fix cell '\(faulty)'" + (faulty == stopped.id ? "" : " (where the error is)")
        + " and run again"
    )
  }

  /// The 0-based line and 1-based column of the first `{{ name }}` in
  /// `markdown`, spaces inside the braces allowed; (0, 1) when not found.
  static func place(of name: String, in markdown: String) -> (line: Int, column: Int) {
    for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      var rest = line[...]
      while let open = rest.range(of: "{{") {
        let inside = rest[open.upperBound...].prefix { $0 != "}" }
        if inside.trimmingCharacters(in: .whitespaces) == name {
          return (index, line.distance(from: line.startIndex, to: open.lowerBound) + 1)
        }
        rest = rest[open.upperBound...]
      }
    }
    return (0, 1)
  }
}
