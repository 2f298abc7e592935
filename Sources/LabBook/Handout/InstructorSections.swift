/// Finds the instructor-only stretches of a lab's prose: everything from a
/// line `<!-- instructor -->` to a line `<!-- /instructor -->` (each alone on
/// its line, any case and spacing inside the comment). A stretch may span
/// cells and answer blocks; all of it is left out of student versions.
enum InstructorSections {
  enum Marker: Equatable {
    case open, close
  }

  /// The marker on `line`, or `nil`.
  static func marker<S: StringProtocol>(_ line: S) -> Marker? {
    let text = line.trimmingBlanks
    guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.count >= 7 else { return nil }
    let inner = text.dropFirst(4).dropLast(3).trimmingBlanks.lowercased()
    switch inner {
    case "instructor": return .open
    case "/instructor": return .close
    default: return nil
    }
  }

  /// For each line of the lab's file (index 0 is line 1), whether it is
  /// instructor-only; markers included. Throws for a marker left open, a
  /// close without an open, or an open inside an open, naming the lines.
  static func mask(
    lines: [Substring], document: LabDocument
  ) throws(LabError) -> [Bool] {
    // Only prose lines count: a marker inside a cell's code is code.
    var isProse = [Bool](repeating: false, count: lines.count)
    let starts = Handout.blockStarts(document)
    for (position, block) in document.blocks.enumerated() {
      guard case .prose = block else { continue }
      let end = position + 1 < starts.count ? starts[position + 1] : lines.count + 1
      for line in starts[position]..<max(end, starts[position]) where line - 1 < lines.count {
        isProse[line - 1] = true
      }
    }

    var mask = [Bool](repeating: false, count: lines.count)
    var open: Int?
    var problems: [Diagnostic] = []
    for (index, line) in lines.enumerated() {
      if isProse[index], let marker = marker(line) {
        let place = SourceLocation(file: document.path, line: index + 1)
        switch (marker, open) {
        case (.open, nil):
          open = index
        case (.open, let start?):
          problems.append(
            Diagnostic(
              .error, at: place,
              "<!-- instructor --> on line \(index + 1) inside the instructor section "
                + "opened on line \(start + 1)",
              hint: "close the first section with <!-- /instructor --> before opening another"))
        case (.close, nil):
          problems.append(
            Diagnostic(
              .error, at: place,
              "<!-- /instructor --> on line \(index + 1) closes no instructor section",
              hint: "add <!-- instructor --> where the instructor-only part starts"))
        case (.close, .some):
          mask[index] = true
          open = nil
          continue
        }
      }
      if open != nil { mask[index] = true }
    }
    if let start = open {
      problems.append(
        Diagnostic(
          .error, at: SourceLocation(file: document.path, line: start + 1),
          "<!-- instructor --> on line \(start + 1) is never closed (the file ends on line "
            + "\(lines.count))",
          hint: "add <!-- /instructor --> where the instructor-only part ends; until then "
            + "the rest of the lab would be left out of the handout"))
    }
    guard problems.isEmpty else { throw LabError(diagnostics: problems) }
    return mask
  }
}
