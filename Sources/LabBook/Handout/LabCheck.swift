import Foundation

/// What an instructor runs before releasing a lab (`labbook check`):
///
/// 0. the lab passes every rule `labbook grade` checks before grading
///    (`GradableLab`), no cell uses a test cell's declaration
///    (`TestScope`: grading keeps those local to the test), and reading it
///    gives no warning;
/// 1. the instructor's lab runs with every cell ok and full marks on every
///    check of every test cell (and each test cell checks something), and
///    every `{{name}}` in the prose names a value the run records; when the
///    lab has grading params (`grading: params.k: v`), it runs again with
///    them, as `labbook grade` runs it, and must earn full marks there too;
/// 2. graded by `Grader`, as `labbook grade` grades, the instructor's
///    solutions earn full marks, and the lab with every solution stubbed —
///    an empty submission, hidden tests included, grading params applied —
///    compiles and scores zero on every test after the first solution cell
///    (tests before it test the lab itself and are only noted); with
///    several regions, stubbing any one alone costs points;
/// 3. the student's `.md` compiles, and its first failure is a stub's
///    "Not implemented";
/// 4. no student artefact contains a secret (`LeakScanner`); a leak is
///    reported at the secret's line in the instructor's lab.
public struct LabCheck {
  /// One reason the lab is not ready, with the place to look.
  public struct Problem: Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    /// What to do about it; empty when the message says it all.
    public var hint: String

    public init(_ message: String, at location: SourceLocation? = nil, hint: String = "") {
      self.message = message
      self.location = location
      self.hint = hint
    }

    /// The problem an error `diagnostic` states, at its place, with its hint.
    public init(_ diagnostic: Diagnostic) {
      self.init(diagnostic.message, at: diagnostic.location, hint: diagnostic.hint)
    }

    /// `file:line:col: error: message`, or `error: message` without a place,
    /// then `  hint: …` on a line of its own when there is a hint.
    public var description: String {
      (location.map { "\($0): " } ?? "") + "error: " + message
        + (hint.isEmpty ? "" : "\n  hint: " + hint)
    }
  }

  public var handout: Handout
  public var engine: Engine
  /// Options for every run (seed, cache); `progress` is replaced.
  public var options: RunOptions

  public init(handout: Handout, engine: Engine, options: RunOptions = .init()) {
    self.handout = handout
    self.engine = engine
    self.options = options
  }

  /// Lists what `labbook grade` would refuse in the lab before running
  /// anything: `GradableLab`'s rules and `TestScope`'s uses of a test
  /// cell's declarations in later cells (which do not compile when graded).
  public func gradingRules(_ problems: inout [Problem]) {
    let document = handout.document
    do {
      _ = try GradableLab(document)
    } catch GradingError.badLab(_, let diagnostics) {
      problems += diagnostics.map(Problem.init)
    } catch {
      problems.append(Problem("the lab cannot be graded: \(error)"))
    }
    problems += TestScope.uses(in: document).map(Problem.init)
    // What `labbook run` only warns about (an unknown attribute such as
    // `hiden`, a fence it cannot read) is worth fixing before students
    // see it: a misspelt `hidden` would show the test in the handout.
    problems += document.warnings.map(Problem.init)
  }

  /// The options of a graded run: `options` with the lab's grading params
  /// (`grading: params.k: v`) under its own overrides (`--set` wins); `nil`
  /// when the lab has no grading params, they change nothing, or the lab
  /// cannot be graded (`gradingRules` says why).
  public var gradedOptions: RunOptions? {
    guard let gradable = try? GradableLab(handout.document) else { return nil }
    let graded = gradable.settings.params.merging(options.params) { $1 }
    guard graded != options.params else { return nil }
    var options = self.options
    options.params = graded
    return options
  }

  /// Runs the instructor's lab and lists its problems; `nil` when it cannot
  /// start or does not compile (every later step would fail the same way).
  public func instructorRun(
    _ problems: inout [Problem], note: (String) -> Void
  ) -> RunResult? {
    note("running the instructor's lab")
    let document = handout.document
    guard let result = run(document, what: "the instructor's lab", &problems) else { return nil }
    // A build error makes every later step fail the same way: stop here.
    let buildErrors = result.diagnostics.filter { $0.severity == .error }
    guard buildErrors.isEmpty else {
      for diagnostic in buildErrors {
        problems.append(
          Problem(
            "the instructor's lab does not build: \(diagnostic.message)",
            at: diagnostic.location))
      }
      return nil
    }
    cellProblems(result, &problems)
    // The handout's prose shows the same values: a name never recorded
    // would print ⟨no value: name⟩ there.
    for warning in Report(document: document, result: result).warnings {
      var problem = Problem(warning)
      problem.message = problem.message.replacingOccurrences(
        of: "so the report shows", with: "so the report and the student's handout show")
      problems.append(problem)
    }
    problems += handoutValueProblems(recorded: Set(result.values.keys))
    for answer in document.answers where answer.key == nil {
      problems.append(
        Problem(
          "answer block \"\(answer.id)\" has no key: line, so it cannot be graded",
          at: answer.location))
    }
    for cell in document.cells where cell.isSolution {
      if !handout.regions.contains(where: { $0.cellID == cell.id }) {
        problems.append(
          Problem(
            "cell \"\(cell.id)\" is marked solution but has no // BEGIN SOLUTION region",
            at: cell.fenceLocation))
      }
    }
    return result
  }

  /// A problem for each `{{name}}` in the student's prose that the printable
  /// handout cannot fill: without `handout: {figures: true}` it has no run,
  /// so only front-matter params have values there, and a recorded value
  /// shows as ⟨no value: name⟩. Only names in `recorded` (the run's values)
  /// are listed: one the run does not record is a problem already. Placed
  /// at the name in the instructor's lab.
  func handoutValueProblems(recorded: Set<String>) -> [Problem] {
    let document = handout.document
    guard !HandoutPage.allowsFigures(document),
      let student = try? LabDocument.parse(handout.markdown, path: document.path)
    else { return [] }
    let params = Set(document.frontMatter.params.map(\.name))
    var shown: [String] = []
    for case .prose(let prose) in student.blocks {
      for case .value(let name) in ProseSlots(prose.markdown).slots
      where recorded.contains(name) && !params.contains(name) && !shown.contains(name) {
        shown.append(name)
      }
    }
    return shown.map { name in
      let place = document.blocks.lazy.compactMap { block -> SourceLocation? in
        guard case .prose(let prose) = block, prose.markdown.contains(name) else { return nil }
        let at = Report.place(of: name, in: prose.markdown)
        return SourceLocation(
          file: prose.location.file, line: prose.location.line + at.line, column: at.column)
      }.first
      return Problem(
        "{{\(name)}} is not a front-matter param, and the student's printable handout has no "
          + "run to take it from, so it shows ⟨no value: \(name)⟩ there",
        at: place,
        hint: "set `handout: {figures: true}` in the front matter to show the reference run's "
          + "values and figures, or move the sentence into instructor-only text")
    }
  }

  /// Runs the instructor's lab as `labbook grade` does, with the grading
  /// params (`gradedOptions`), and lists what fails or loses points there;
  /// returns the run, or `nil` when there are no grading params or it
  /// cannot run (then the problem is listed).
  public func gradedRun(_ problems: inout [Problem], note: (String) -> Void) -> RunResult? {
    guard let graded = gradedOptions else { return nil }
    let setting = graded.params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      .joined(separator: ", ")
    let with = " with the grading params (\(setting))"
    note("running the instructor's lab\(with), as labbook grade does")
    guard
      let result = run(
        handout.document, options: graded, what: "the instructor's lab" + with, &problems)
    else { return nil }
    for diagnostic in result.diagnostics where diagnostic.severity == .error {
      problems.append(
        Problem(
          "the instructor's lab does not build\(with): \(diagnostic.message)",
          at: diagnostic.location))
    }
    cellProblems(result, with: with, &problems)
    return result
  }

  /// A problem for each cell of `result` that is not ok (cells not run are
  /// counted once), each test cell that records no check, and each check
  /// short of full marks; `with` ends the messages (" with the grading
  /// params (…)"), and a test without checks is listed only without it.
  private func cellProblems(_ result: RunResult, with: String = "", _ problems: inout [Problem]) {
    let document = handout.document
    var notRun = 0
    for cell in document.cells where !cell.isSkipped {
      let location = cell.fenceLocation
      guard let outcome = result.cell(cell.id), outcome.status == .ok else {
        let status = result.cell(cell.id)?.status ?? .notRun
        if status == .notRun {
          notRun += 1
          continue
        }
        let why = result.cell(cell.id)?.error?.message ?? ""
        problems.append(
          Problem(
            "cell \"\(cell.id)\" \(status == .timedOut ? "timed out" : "failed") in the "
              + "instructor's lab" + with + (why.isEmpty ? "" : ": \(why)"),
            at: result.cell(cell.id)?.error?.location ?? location))
        continue
      }
      let checks = Self.checks(outcome)
      if cell.isTest && checks.isEmpty && with.isEmpty {
        problems.append(
          Problem(
            "test cell \"\(cell.id)\" records no check, so it can never fail; "
              + "call check(…) or checkClose(…) in it", at: location))
      }
      for check in checks where !check.passed || check.score < check.points {
        problems.append(
          Problem(
            "check \"\(check.name)\" in cell \"\(cell.id)\" scores \(formatNumber(check.score))/"
              + "\(formatNumber(check.points)) on the instructor's own solution"
              + with + (check.message.isEmpty ? "" : ": \(check.message)"), at: location))
      }
    }
    if notRun > 0 {
      problems.append(
        Problem(
          "\(notRun) cell(s) of the instructor's lab did not run\(with) (see the failure above)"))
    }
  }

  /// Grades the empty submission, and each region stubbed alone when there
  /// are several, with the grader `labbook grade` uses (grading params and
  /// `--set` applied): a test that crashes fails alone and the tests after
  /// it still run, as they do for students. Compiled programs are kept in
  /// the options' cache folder (else a temporary one).
  public func stubbedRuns(_ problems: inout [Problem], note: (String) -> Void) {
    guard !handout.regions.isEmpty else {
      problems.append(Problem("the lab has no solution regions: students have nothing to write"))
      return
    }
    let document = handout.document
    // `gradingRules` lists why the grader refuses the lab.
    guard (try? GradableLab(document)) != nil else {
      note("not grading the stubbed lab: labbook grade refuses the lab as it stands")
      return
    }
    let temporary = options.cacheDirectory == nil
    let cache =
      options.cacheDirectory ?? NSTemporaryDirectory() + "labbook-check-\(getpid())"
    defer { if temporary { try? FileManager.default.removeItem(atPath: cache) } }
    let grader: Grader
    let reference: StudentGrade
    do {
      note("grading the instructor's solutions, as labbook grade does first")
      grader = try Grader(
        document: document, toolchain: engine.toolchain, sandbox: Sandbox(),
        cacheFolder: cache + "/programs", overrides: options.params)
      reference = try grader.calibrate()
    } catch {
      problems.append(Problem("labbook grade could not grade the lab: \(error)"))
      return
    }
    let tests = reference.items.filter { $0.kind == "test" }
    // A test the instructor's runs already failed is not listed again.
    for item in tests where item.score < item.maxScore {
      if problems.contains(where: { $0.message.contains("cell \"\(item.id)\"") }) { continue }
      problems.append(
        Problem(
          "test \"\(item.id)\" scores \(formatNumber(item.score))/"
            + "\(formatNumber(item.maxScore)) when labbook grade grades the instructor's "
            + "own solutions" + (item.message.isEmpty ? "" : ": \(item.message)"),
          at: item.location ?? fence(of: item.id)))
    }
    let full = tests.map(\.maxScore).reduce(0, +)

    note("grading the lab with every solution stubbed (an empty submission)")
    let empty = grader.grade(stubbing: Set(handout.regions.indices))
    compiles(empty, what: "the lab with every solution stubbed", &problems)
    // Tests before the first solution cell test the lab, not a solution.
    let cells = document.cells
    let firstSolution = cells.firstIndex { $0.isSolution } ?? cells.count
    let labTests = Set(cells[..<firstSolution].map(\.id))
    for item in empty.items where item.kind == "test" && item.score > 0 {
      let paying = item.checks.filter { $0.score > 0 }.map { "\"\($0.name)\"" }
      let gives =
        "test \"\(item.id)\"" + (paying.isEmpty ? "" : " (\(paying.joined(separator: ", ")))")
        + " gives \(formatNumber(item.score)) point(s) to "
      if labTests.contains(item.id) {
        note(
          (fence(of: item.id).map { "\($0): " } ?? "") + gives
            + "every submission: it comes before any solution cell")
      } else {
        problems.append(Problem(gives + "an empty submission", at: fence(of: item.id)))
      }
    }
    guard handout.regions.count > 1 else { return }
    for (position, region) in handout.regions.enumerated() {
      let what = "the lab without solution \(region.index + 1) of cell \"\(region.cellID)\""
      note("grading " + what)
      let grade = grader.grade(stubbing: [position])
      compiles(
        grade, what: what, at: SourceLocation(file: document.path, line: region.beginLine),
        &problems)
      let score = grade.items.filter { $0.kind == "test" }.map(\.score).reduce(0, +)
      if score >= full {
        problems.append(
          Problem(
            "no test notices when solution \(region.index + 1) of cell \"\(region.cellID)\" "
              + "is missing: it still scores \(formatNumber(score))/\(formatNumber(full))",
            at: SourceLocation(file: document.path, line: region.beginLine)))
      }
    }
  }

  /// The fence of the cell `id` in the instructor's lab.
  private func fence(of id: String) -> SourceLocation? {
    handout.document.cells.first { $0.id == id }?.fenceLocation
  }

  /// Runs the student's `.md` at `path`: it must compile, and its first
  /// failed cell must be a stub's "Not implemented".
  public func studentRun(path: String, _ problems: inout [Problem], note: (String) -> Void) {
    note("running the student version \((path as NSString).lastPathComponent)")
    let student: LabDocument
    do {
      student = try LabDocument.read(path: path)
    } catch {
      problems.append(Problem("the student version does not read as a lab:\n\(error)"))
      return
    }
    guard let result = run(student, what: "the student version", &problems) else { return }
    // The student's file may be a scratch copy: report at the instructor's
    // cell that became the failing one.
    var mapped = result
    mapped.diagnostics = result.diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.location = instructorPlace(of: diagnostic.location, in: student)
      return diagnostic
    }
    compiles(mapped, what: "the student version", &problems)
    if let failed = result.cells.first(where: { $0.status == .failed || $0.status == .timedOut }),
      !(failed.error?.message.contains("Not implemented") ?? false),
      !result.diagnostics.contains(where: { $0.severity == .error })
    {
      problems.append(
        Problem(
          "the student version fails in cell \"\(failed.id)\" before reaching a stub: "
            + (failed.error?.message ?? failed.status.rawValue)
            + " (does it need a cell the handout leaves out?)",
          at: instructorPlace(of: failed.error?.location, in: student)))
    }
  }

  /// The fence of the instructor's cell whose student version holds
  /// `location` in `student`; `location` itself when it is elsewhere.
  private func instructorPlace(
    of location: SourceLocation?, in student: LabDocument
  ) -> SourceLocation? {
    guard let location, location.file == student.path else { return location }
    let cell = student.cells.last { $0.fenceLocation.line <= location.line }
    return cell.flatMap { cell in
      handout.document.cells.first { $0.id == cell.id }?.fenceLocation
    } ?? location
  }

  /// Searches the files at `paths` for the handout's secrets, and the
  /// student `.md` files for answer keys; at most `limit` leaks per file.
  /// Each leak is reported at the secret's place in the instructor's lab;
  /// the artefact is named as `names[path]` (e.g. "the student's x.md" for
  /// a file in a scratch folder that will be gone), else by its path.
  public func scanArtefacts(
    _ paths: [String], names: [String: String] = [:], _ problems: inout [Problem],
    limit: Int = 20
  ) {
    let scanner = LeakScanner(handout: handout)
    // One problem per secret, naming every student file it shows in.
    var found: [(secret: Handout.Secret, places: [String])] = []
    for path in paths {
      let name = names[path] ?? path
      let leaks = scanner.scan(file: path)
      for leak in leaks.prefix(limit) {
        let place = "\(name) (its line \(leak.line))"
        if let index = found.firstIndex(where: { $0.secret.location == leak.secret.location }) {
          found[index].places.append(place)
        } else {
          found.append((leak.secret, [place]))
        }
      }
      if leaks.count > limit {
        problems.append(Problem("\(name): \(leaks.count - limit) more leaked line(s)"))
      }
    }
    for (secret, places) in found {
      let what = "\(secret.kind.rawValue) line \(secret.location.line) (\"\(secret.text)\")"
      let shown = "shows in " + places.joined(separator: ", ")
      if let line = scanner.repeats(of: secret).first {
        problems.append(
          Problem(
            "this line repeats \(what), so it \(shown)",
            at: SourceLocation(file: secret.location.file, line: line),
            hint: "students must not see it; reword this line"))
      } else {
        problems.append(
          Problem(
            "\(what) \(shown)", at: secret.location,
            hint: "students must not see it; if the file is from an earlier release, "
              + "run `labbook handout` again"))
      }
    }
    for path in paths where path.hasSuffix(".md") {
      let name = names[path] ?? path
      guard let student = try? LabDocument.read(path: path) else { continue }
      for answer in student.answers where answer.key != nil || answer.tolerance != nil {
        let place = document(answer: answer.id)
        problems.append(
          Problem(
            "answer block \"\(answer.id)\" still has its key in \(name)"
              + (place == nil ? " (its line \(answer.location.line))" : ""),
            at: place ?? answer.location))
      }
    }
  }

  /// Where the instructor's lab has the answer block `id`.
  private func document(answer id: String) -> SourceLocation? {
    handout.document.answers.first { $0.id == id }?.location
  }

  /// The total points of every check in `result`.
  public static func points(_ result: RunResult) -> (score: Double, possible: Double) {
    let all = result.cells.flatMap(checks)
    return (all.map(\.score).reduce(0, +), all.map(\.points).reduce(0, +))
  }

  static func checks(_ cell: CellResult) -> [CheckResult] {
    cell.outputs.compactMap { if case .check(let check) = $0 { check } else { nil } }
  }

  /// Runs `document` with `options` (default: the check's own), without
  /// progress reports; `nil`, with the problem listed, when it cannot run.
  private func run(
    _ document: LabDocument, options: RunOptions? = nil, what: String,
    _ problems: inout [Problem]
  ) -> RunResult? {
    var options = options ?? self.options
    options.progress = nil
    do {
      return try engine.run(document, options: options)
    } catch {
      problems.append(Problem("\(what) could not be run: \(error)"))
      return nil
    }
  }

  private func compiles(_ result: RunResult, what: String, _ problems: inout [Problem]) {
    compiles(result.diagnostics, what: what, &problems)
  }

  /// A stub must compile as it stands: the grader says when one does not,
  /// in the grade's problems (a region it stubbed) or in a test's message
  /// (a test it left out, or the lab it could not build).
  /// One problem per grade: the first such message, at `place` when given
  /// (the stubbed region: the grader may blame a neighbour for its stub),
  /// without the grader's "solution N of cell … does not compile:" lead.
  private func compiles(
    _ grade: StudentGrade, what: String, at place: SourceLocation? = nil,
    _ problems: inout [Problem]
  ) {
    let cause = { (message: String) in message.contains("compile") }
    let failed = grade.items.filter { $0.kind == "test" && cause($0.message) }
    let found =
      grade.problems.first { $0.severity == .error && cause($0.message) }
      ?? failed.first.map { Diagnostic(.error, at: $0.location ?? fence(of: $0.id), $0.message) }
    guard var first = found else { return }
    if let lead = first.message.range(of: " does not compile: ") {
      first.message = String(first.message[lead.upperBound...])
    }
    first.location = place ?? first.location
    compiles([first], what: what, &problems)
  }

  private func compiles(_ diagnostics: [Diagnostic], what: String, _ problems: inout [Problem]) {
    for diagnostic in diagnostics where diagnostic.severity == .error {
      problems.append(
        Problem(
          "\(what) does not compile: \(diagnostic.message) (a stub must compile: give the "
            + "declaration a type, or write a // STUB: line)", at: diagnostic.location))
    }
  }
}
