/// One student's graded submission: what `DIR/students/ID/result.json`
/// holds and what the gradebooks and the feedback page are made from.
///
/// Nothing in it comes from a hidden test beyond its name, score and a
/// generic message, so all of it may be shown to the student.
public struct StudentGrade: Codable, Sendable {
  /// How a test or answer came out.
  public enum Status: String, Codable, Sendable {
    /// Full marks.
    case passed
    /// Some marks.
    case partial
    /// No marks: a check failed, or the test crashed, timed out or did not compile.
    case failed
    /// A written answer, left for a person to grade (0 until then).
    case manual
  }

  /// One graded item: a test cell or an answer block.
  public struct Item: Codable, Sendable {
    /// The cell's or answer's id.
    public var id: String
    /// The cell's `title`, else its id.
    public var name: String
    /// `test` or `answer`.
    public var kind: String
    public var hidden: Bool
    public var score: Double
    public var maxScore: Double
    public var status: Status
    /// The checks the test made (for hidden tests: names and scores only).
    public var checks: [CheckResult]
    /// Why marks were lost, for the student; empty when none were.
    public var message: String
    /// Where in the student's own file the cause is, when it is there.
    public var location: SourceLocation?

    public init(
      id: String, name: String, kind: String, hidden: Bool, score: Double, maxScore: Double,
      status: Status, checks: [CheckResult] = [], message: String = "",
      location: SourceLocation? = nil
    ) {
      self.id = id
      self.name = name
      self.kind = kind
      self.hidden = hidden
      self.score = score
      self.maxScore = maxScore
      self.status = status
      self.checks = checks
      self.message = message
      self.location = location
    }

    /// What to tell the student about this item, line by line: its message,
    /// then each failed check's own message. A message that only lists the
    /// failed checks' names ("failed: a, b") is left out when every one of
    /// them has a line of its own: the name would be said twice.
    public var explanation: [String] {
      let failed = checks.filter { !$0.passed && !$0.message.isEmpty }
      let lines = failed.map { "\($0.name): \($0.message)" }
      let listing = ["failed: ", "partial credit: "].contains { message.hasPrefix($0) }
      let named = checks.filter { !$0.passed }.map(\.name)
      if listing, !failed.isEmpty, failed.count == named.count,
        ["failed: ", "partial credit: "].contains(where: {
          message == $0 + named.joined(separator: ", ")
        })
      {
        return lines
      }
      return (message.isEmpty ? [] : [message]) + lines
    }
  }

  /// Bumped when a field changes meaning; a resumed run regrades others.
  public static let schemaVersion = 1

  public var schemaVersion = Self.schemaVersion
  public var student: String
  /// The submission's file, as named on the command line.
  public var submission: String
  /// Digest of the lab, the submission, the settings and LabBook's version:
  /// a resumed run keeps this result only while the key is the same.
  public var key: String
  public var items: [Item]
  /// Problems with the submission (missing or duplicated cells, compile
  /// errors in its regions), located in the student's file.
  public var problems: [Diagnostic]
  /// Outputs of the cells the student may see (no hidden test's).
  public var cells: [CellResult]
  public var compileSeconds: Double
  public var runSeconds: Double
  /// How many times the program was compiled and run (reruns after a crash).
  public var compiles: Int
  public var runs: Int

  public var score: Double { items.reduce(0) { $0 + $1.score } }
  public var maxScore: Double { items.reduce(0) { $0 + $1.maxScore } }

  public init(
    student: String, submission: String, key: String, items: [Item] = [],
    problems: [Diagnostic] = [], cells: [CellResult] = [], compileSeconds: Double = 0,
    runSeconds: Double = 0, compiles: Int = 0, runs: Int = 0
  ) {
    self.student = student
    self.submission = submission
    self.key = key
    self.items = items
    self.problems = problems
    self.cells = cells
    self.compileSeconds = compileSeconds
    self.runSeconds = runSeconds
    self.compiles = compiles
    self.runs = runs
  }
}
