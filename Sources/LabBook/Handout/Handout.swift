/// The student version of an instructor's lab (docs/handouts.md): the same
/// Markdown with every solution region's body replaced by its stub, hidden
/// tests, answer keys, `instructor` cells and `<!-- instructor -->` prose
/// sections left out, and everything else kept line for line.
public struct Handout: Sendable {
  /// The instructor's lab.
  public let document: LabDocument
  /// Its solution regions, in file order.
  public let regions: [SolutionRegion]
  /// The student's starter lab as Markdown, in the lab's own line endings.
  public let markdown: String
  /// Everything that must not reach a student, line by line.
  public let secrets: [Secret]

  /// A piece of the instructor's lab that no student artefact may contain.
  public struct Secret: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
      case solution = "solution"
      case hiddenTest = "hidden test"
      case answerKey = "answer key"
      case instructorOnly = "instructor-only text"
    }
    public var kind: Kind
    /// The line as written, without its indentation.
    public var text: String
    /// Where it is in the instructor's lab.
    public var location: SourceLocation

    public init(kind: Kind, text: String, location: SourceLocation) {
      self.kind = kind
      self.text = text
      self.location = location
    }

    /// `lab.md:12:1 (solution) "return x * 2"`.
    public var description: String { "\(location) (\(kind.rawValue)) \"\(text)\"" }
  }

  /// Builds the student version of `document`.
  ///
  /// Throws the errors of `Solutions.regions(in:)` and of unbalanced
  /// `<!-- instructor -->` markers, all of them together.
  public init(instructorLab document: LabDocument) throws(LabError) {
    self.document = document
    var problems: [Diagnostic] = []
    var regions: [SolutionRegion] = []
    do {
      regions = try Solutions.regions(in: document)
    } catch {
      problems += error.diagnostics
    }
    let lines = Self.lines(of: document.source)
    var mask: [Bool] = []
    do {
      mask = try InstructorSections.mask(lines: lines.map(\.content), document: document)
    } catch {
      problems += error.diagnostics
    }
    problems += Self.markersInProse(document, lines: lines)
    guard problems.isEmpty else {
      throw LabError(
        diagnostics: problems.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) })
    }
    self.regions = regions
    var builder = Builder(document: document, regions: regions, lines: lines, mask: mask)
    builder.build()
    self.markdown = builder.output
    self.secrets = builder.secrets
  }

  /// The instructor's lab with the bodies of `stubbed` regions (indices into
  /// `regions`; all of them by default) replaced by their stubs: what the
  /// grader runs for an empty submission. Hidden tests stay.
  public func instructorLab(stubbing stubbed: Set<Int>? = nil) -> LabDocument {
    let chosen = regions.indices.filter { stubbed?.contains($0) ?? true }.map { regions[$0] }
    var lab = document
    lab.blocks = document.blocks.map { block in
      guard case .cell(var cell) = block, cell.isSolution else { return block }
      let own = chosen.filter { $0.cellID == cell.id }
      guard !own.isEmpty else { return block }
      let keep = Dictionary(
        uniqueKeysWithValues: regions.filter { $0.cellID == cell.id }
          .filter { region in !own.contains { $0.index == region.index } }
          .map { ($0.index, $0.body) })
      cell.code = Solutions.code(of: cell, regions: regions, replacingWith: keep)
      return .cell(cell)
    }
    return lab
  }

  /// Solution markers outside cells: a fence lost or mistyped above them
  /// would otherwise copy the solution into the handout as prose.
  static func markersInProse(_ document: LabDocument, lines: [Line]) -> [Diagnostic] {
    let starts = blockStarts(document)
    var problems: [Diagnostic] = []
    for (position, block) in document.blocks.enumerated() {
      guard case .prose = block else { continue }
      let end = position + 1 < starts.count ? starts[position + 1] : lines.count + 1
      for line in starts[position]..<max(end, starts[position]) where line <= lines.count {
        let marker = SolutionMarker.parse(lines[line - 1].content)
        guard marker == .begin || marker == .end else { continue }
        problems.append(
          Diagnostic(
            .error, at: SourceLocation(file: document.path, line: line),
            "\"\(lines[line - 1].content.trimmingBlanks)\" is in the prose, outside any "
              + "cell, so the handout would copy the solution as text",
            hint: "check the fence of the cell above it (```swift id=… solution)"))
      }
    }
    return problems
  }

  /// The line the handout puts above each `choice` answer block: an HTML
  /// comment (prose, not shown when rendered), since every line inside the
  /// block is read as the response.
  static let choiceHint = "<!-- answer with the letter of your choice, e.g. X (several: X, Y) -->"
  /// The line above each `number` answer block: which forms are read.
  static let numberHint =
    "<!-- one number, e.g. 0.25, -3 or 2.5e-3: not a fraction (1/4), a comma or units -->"

  /// Whether a cell is left out of student versions: `instructor` cells and
  /// `hidden` ones (a hidden test, or a cell only hidden tests need).
  static func isDropped(_ cell: Cell) -> Bool {
    cell.isInstructorOnly || cell.isHidden
  }

  /// The first line of each block of `document`, in order.
  static func blockStarts(_ document: LabDocument) -> [Int] {
    document.blocks.map { block in
      switch block {
      case .prose(let prose): prose.location.line
      case .cell(let cell): cell.fenceLocation.line
      case .answer(let answer): answer.location.line
      }
    }
  }

  /// A line of the source: its content and its terminator.
  struct Line {
    var content: Substring
    var ending: Substring
    var text: String { String(content) + String(ending) }
  }

  /// The lines of `source`, ending at `\n`, `\r\n` or a lone `\r` as
  /// `LabDocument` counts them.
  static func lines(of source: String) -> [Line] {
    var lines: [Line] = []
    let scalars = source.unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        var end = scalars.index(after: index)
        if scalar == "\r", end < scalars.endIndex, scalars[end] == "\n" {
          end = scalars.index(after: end)
        }
        lines.append(
          Line(content: Substring(scalars[start..<index]), ending: Substring(scalars[index..<end])))
        start = end
        index = end
      } else {
        index = scalars.index(after: index)
      }
    }
    if start < scalars.endIndex {
      lines.append(Line(content: Substring(scalars[start...]), ending: ""))
    }
    return lines
  }
}
