/// A lab as read from its Markdown file: front matter, then prose, cells and
/// answer blocks in the order they appear.
public struct LabDocument: Sendable {
  /// The path the lab was read from, as the user named it.
  public var path: String
  /// The whole file as read: BOM removed, invalid UTF-8 replaced by U+FFFD,
  /// line endings kept as they were. Line numbers in diagnostics count its
  /// lines (`\n`, `\r\n` or a lone `\r` each end one); columns count UTF-8
  /// bytes from 1.
  public var source: String
  /// The YAML front matter; all defaults when the lab has none.
  public var frontMatter: FrontMatter
  /// Prose, cells and answer blocks in file order. Blank prose is left out.
  public var blocks: [Block]
  /// Warnings met while reading; errors are thrown instead.
  public var warnings: [Diagnostic]

  public init(
    path: String, source: String, frontMatter: FrontMatter, blocks: [Block],
    warnings: [Diagnostic] = []
  ) {
    self.path = path
    self.source = source
    self.frontMatter = frontMatter
    self.blocks = blocks
    self.warnings = warnings
  }

  /// The executable cells, in order.
  public var cells: [Cell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }

  /// The answer blocks, in order.
  public var answers: [AnswerBlock] {
    blocks.compactMap { if case .answer(let answer) = $0 { answer } else { nil } }
  }
}

/// One piece of a lab, in document order.
public enum Block: Sendable {
  /// Markdown between cells, exactly as written (rendered later by cmark).
  case prose(Prose)
  case cell(Cell)
  case answer(AnswerBlock)
}

/// Markdown text between cells.
public struct Prose: Sendable {
  /// The lines exactly as written, line endings included (front matter excluded).
  public var markdown: String
  /// Where the text starts in the lab's file.
  public var location: SourceLocation

  public init(markdown: String, location: SourceLocation) {
    self.markdown = markdown
    self.location = location
  }
}

/// A top-level fenced code block whose info string's first word is `swift`.
public struct Cell: Sendable, Identifiable {
  /// The author's `id=…`, or a stable one derived from the cell's position.
  public var id: String
  /// The code between the fences as cmark gives it: line endings are `\n`,
  /// and up to `codeColumn - 1` leading spaces are stripped from each line.
  public var code: String
  /// Where the opening fence is.
  public var fenceLocation: SourceLocation
  /// The line of the first line of code (the fence's line + 1).
  public var codeLine: Int
  /// The column where code starts: the fence's indentation + 1. cmark strips
  /// that many leading spaces (or fewer, if a line has fewer) from each line;
  /// `LabDocument.sourceLocation(in:line:column:)` maps positions exactly.
  public var codeColumn: Int
  /// Every attribute after the language word, in order: bare flags have
  /// an empty value.
  public var attributes: [(name: String, value: String)]

  public init(
    id: String, code: String, fenceLocation: SourceLocation, codeLine: Int, codeColumn: Int = 1,
    attributes: [(name: String, value: String)] = []
  ) {
    self.id = id
    self.code = code
    self.fenceLocation = fenceLocation
    self.codeLine = codeLine
    self.codeColumn = codeColumn
    self.attributes = attributes
  }

  /// The value of an attribute, or `nil` when it is absent.
  public func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// Whether the bare flag (or attribute) `flag` is present.
  public func has(_ flag: String) -> Bool { attribute(flag) != nil }

  /// `solution`: holds `// BEGIN SOLUTION` … `// END SOLUTION` regions.
  public var isSolution: Bool { has("solution") }
  /// `test`: a graded test cell.
  public var isTest: Bool { has("test") }
  /// `hidden`: a test the handout leaves out; only the grader runs it.
  public var isHidden: Bool { has("hidden") }
  /// `hide`: the code is left out of the report, its outputs stay.
  public var hidesCode: Bool { has("hide") }
  /// `skip`: not run.
  public var isSkipped: Bool { has("skip") }
  /// `instructor`: left out of the student handout altogether.
  public var isInstructorOnly: Bool { has("instructor") }
  /// `points=…`: what the cell's tests are worth (checked non-negative).
  public var points: Double? { attribute("points").flatMap(Double.init) }
  /// `title="…"`: a caption for the cell.
  public var title: String? { attribute("title") }
}

/// A fenced block with info string `answer`: a question's written, choice or
/// numeric answer, and the instructor's key.
public struct AnswerBlock: Sendable, Identifiable {
  /// How the response is graded against the key.
  public enum Kind: String, Sendable, Codable {
    /// Free text; the key is a reference answer.
    case text
    /// Choice letters, e.g. `B` or `A, C`.
    case choice
    /// A number, right within `tolerance` of the key.
    case number
  }

  /// The author's `id=…`, or `answer-N` for the N-th answer block.
  public var id: String
  public var kind: Kind
  /// What the student wrote (or the starter text), without the key lines.
  public var response: String
  /// The instructor's key: the exact text, the choice letters, or a number.
  public var key: String?
  /// For numeric answers, the accepted absolute tolerance.
  public var tolerance: Double?
  public var points: Double?
  /// Where the opening fence is.
  public var location: SourceLocation
  /// Every attribute after the word `answer`, in order.
  public var attributes: [(name: String, value: String)]

  public init(
    id: String, kind: Kind, response: String, key: String?, tolerance: Double?, points: Double?,
    location: SourceLocation, attributes: [(name: String, value: String)] = []
  ) {
    self.id = id
    self.kind = kind
    self.response = response
    self.key = key
    self.tolerance = tolerance
    self.points = points
    self.location = location
    self.attributes = attributes
  }
}
