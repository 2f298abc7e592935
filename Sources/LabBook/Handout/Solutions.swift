/// Finds the solution regions of a lab and writes cells with the regions
/// replaced: by their stubs (the student version) or by other bodies (a
/// submission's, when grading). Format: docs/handouts.md.
public enum Solutions {
  /// The regions of every solution cell, in file order.
  ///
  /// Throws a `LabError` listing every problem: a BEGIN without END (naming
  /// the BEGIN line and the cell's last line), an END without BEGIN (naming
  /// it and the previous marker or the fence), a BEGIN inside a region
  /// (naming both BEGIN lines), a line that looks like a marker but is not
  /// one, and any marker in a cell not marked `solution` — an error, not a
  /// warning, since the handout would otherwise copy the solution verbatim.
  public static func regions(in document: LabDocument) throws(LabError) -> [SolutionRegion] {
    var regions: [SolutionRegion] = []
    var problems: [Diagnostic] = []
    for cell in document.cells {
      let (found, errors) = scan(cell, in: document)
      regions += found
      problems += errors
    }
    guard problems.isEmpty else { throw LabError(diagnostics: problems) }
    return regions
  }

  /// What `labbook run` says about the markers of a lab being worked on (a
  /// student's copy): each problem `regions(in:)` finds, and each `solution`
  /// cell left without a region, as warnings, since grading then takes the
  /// handout's stub for that solution instead of the code written there.
  public static func markerWarnings(in document: LabDocument) -> [Diagnostic] {
    let graded = " (when graded, this cell's solution would be the handout's stub)"
    var warnings: [Diagnostic] = []
    var found: [SolutionRegion] = []
    do {
      found = try regions(in: document)
    } catch {
      warnings += error.diagnostics.map { problem in
        Diagnostic(.warning, at: problem.location, problem.message + graded, hint: problem.hint)
      }
    }
    guard warnings.isEmpty else { return warnings }
    let withRegions = Set(found.map(\.cellID))
    for cell in document.cells where cell.isSolution && !withRegions.contains(cell.id) {
      warnings.append(
        Diagnostic(
          .warning, at: cell.fenceLocation,
          "cell \"\(cell.id)\" is marked solution but has no `// BEGIN SOLUTION` … "
            + "`// END SOLUTION` region" + graded,
          hint: "put your answer between the two marker lines, as the handout had them"))
    }
    return warnings
  }

  /// `cell.code` with every region's body replaced by its stub (markers kept
  /// so a submission can be matched back), or by `bodies[index]` when given.
  ///
  /// Regions of other cells are ignored. A replacement body gets a final
  /// `\n` if it lacks one. Lines outside regions are kept byte for byte.
  public static func code(
    of cell: Cell, regions: [SolutionRegion], replacingWith bodies: [Int: String]?
  ) -> String {
    let own = regions.filter { $0.cellID == cell.id }.sorted { $0.beginLine < $1.beginLine }
    guard !own.isEmpty else { return cell.code }
    let lines = codeLines(cell.code)
    var out = ""
    var next = 0
    for region in own {
      let begin = region.beginLine - cell.codeLine
      let end = region.endLine - cell.codeLine
      guard begin >= next, end > begin, end < lines.count else { continue }
      for line in lines[next...begin] { out += line + "\n" }
      var body = bodies?[region.index] ?? region.stub
      if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
      out += body
      next = end
    }
    for line in lines[next...] { out += line + "\n" }
    if !cell.code.hasSuffix("\n") && out.hasSuffix("\n") { out.removeLast() }
    return out
  }

  /// The lines of `code` without their `\n`; a final `\n` ends the last line.
  static func codeLines(_ code: String) -> [Substring] {
    var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
    if code.hasSuffix("\n") { lines.removeLast() }
    return lines
  }

  /// The regions of one cell and the problems with its markers.
  private static func scan(
    _ cell: Cell, in document: LabDocument
  ) -> (regions: [SolutionRegion], problems: [Diagnostic]) {
    let lines = codeLines(cell.code)
    var regions: [SolutionRegion] = []
    var problems: [Diagnostic] = []
    var open: Int?  // index of the current BEGIN line
    var lastMarker: Int?
    func place(_ index: Int) -> SourceLocation {
      document.sourceLocation(in: cell, line: index + 1, column: 1)
    }
    func fail(_ index: Int, _ message: String, _ hint: String) {
      problems.append(Diagnostic(.error, at: place(index), message, hint: hint))
    }

    for (index, line) in lines.enumerated() {
      guard let marker = SolutionMarker.parse(line) else { continue }
      if !cell.isSolution && marker != .lookalike {
        fail(
          index,
          "a solution marker \"\(line.trimmingBlanks)\" is in cell \"\(cell.id)\", "
            + "which is not marked solution",
          "add `solution` to the cell's fence (```swift id=\(cell.id) solution), "
            + "or remove the marker")
        continue
      }
      switch marker {
      case .lookalike:
        fail(
          index, "\"\(line.trimmingBlanks)\" looks like a solution marker but is not one",
          "write the marker alone on its line: `// BEGIN SOLUTION` or `// END SOLUTION`")
      case .begin:
        if let start = open {
          fail(
            index,
            "a second BEGIN SOLUTION on line \(place(index).line) inside the region "
              + "opened on line \(place(start).line)",
            "regions cannot nest: add `// END SOLUTION` before line \(place(index).line)")
        } else {
          open = index
        }
        lastMarker = index
      case .end:
        guard let start = open else {
          let before =
            lastMarker.map { "the previous marker is on line \(place($0).line)" }
            ?? "the cell's fence is on line \(cell.fenceLocation.line)"
          fail(
            index, "END SOLUTION on line \(place(index).line) has no BEGIN SOLUTION; \(before)",
            "add `// BEGIN SOLUTION` before it, or remove it")
          lastMarker = index
          continue
        }
        let bodyLines = lines[(start + 1)..<index]
        regions.append(
          SolutionRegion(
            cellID: cell.id, index: regions.count, beginLine: place(start).line,
            endLine: place(index).line,
            body: bodyLines.map { String($0) + "\n" }.joined(),
            stub: SolutionStub.make(
              body: Array(bodyLines), marker: lines[start], cell: cell, index: regions.count,
              lab: document.path)))
        open = nil
        lastMarker = index
      }
    }
    if let start = open {
      let last = max(lines.count - 1, start)
      fail(
        start,
        "BEGIN SOLUTION on line \(place(start).line) is never closed: the cell "
          + "\"\(cell.id)\" ends on line \(place(last).line)",
        "add `// END SOLUTION` where the solution ends")
    }
    return (regions, problems)
  }
}
