import Foundation

extension Report {
  /// Problems the page shows quietly that a command line should print: one
  /// warning per `{{name}}` in the prose with no value recorded under that
  /// name, at the prose line that holds it (`file.md:line:col`), with the
  /// closest recorded name as a hint.
  // Limitation: the line is the first in the prose block where `{{name}}`
  // is written, even when a later line holds the occurrence that was used.
  public var warnings: [Diagnostic] {
    let values = result.values
    let known = values.keys.sorted()
    var warnings: [Diagnostic] = []
    for case .prose(let prose) in document.blocks {
      var reported: Set<String> = []
      for case .value(let name) in ProseSlots(prose.markdown).slots
      where values[name] == nil && !reported.contains(name) {
        reported.insert(name)
        let place = Self.place(of: name, in: prose.markdown)
        let location = SourceLocation(
          file: prose.location.file, line: prose.location.line + place.line,
          column: place.column)
        let hint =
          known.isEmpty
          ? "no cell recorded a value; call record(\"\(name)\", …) in a cell"
          : Spelling.hint(for: name, known: known, what: "recorded names")
        warnings.append(
          Diagnostic(
            .warning, at: location,
            "{{\(name)}} has no recorded value, so the report shows ⟨no value: \(name)⟩",
            hint: hint))
      }
    }
    return warnings
  }

  /// The 0-based line and 1-based column of the first `{{ name }}` in
  /// `markdown`, spaces inside the braces allowed; (0, 1) when not found.
  private static func place(of name: String, in markdown: String) -> (line: Int, column: Int) {
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
