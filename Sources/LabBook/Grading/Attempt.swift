import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Grading one submission: builds the merged program (stubbing regions
/// that do not compile), runs it (again without the tests already decided
/// after a crash or time-out), and scores what came back.
struct Attempt {
  /// What the runs produced.
  struct Outcome {
    /// Each test cell's checks in this run (used as the reference when calibrating).
    var referenceChecks: [Int: [(name: String, points: Double)]] = [:]
    /// The latest result of every cell.
    var cells: [CellResult] = []
  }

  let grader: Grader
  let submission: Submission
  var fillings: [Int: GradingProgram.Filling]
  let slot: Int
  /// A region replaced by its stub: what is blamed, why, and where.
  struct Stub {
    /// `solution 2 of cell "x"`, or `cell "x"` when the fault could not be
    /// placed in one of the cell's regions (all of them are then stubbed).
    var subject: String
    /// A clause: `does not compile: …`, `stopped the lab (…)`.
    var message: String
    var location: SourceLocation?
  }

  /// Regions replaced by their stub, with why (compile error or crash).
  var stubbed: [Int: Stub] = [:]
  /// The places in the program's code of each crashed cell's last crash,
  /// innermost first (`CrashSite.frames`); empty when not known.
  var crashFrames: [Int: [SourceLocation]] = [:]
  /// Cells the student's code crashed, as they ran then (later runs show
  /// the stub in their place): what the feedback shows for them.
  var crashedCells: [Int: CellResult] = [:]
  /// Test cells emptied because they do not compile against the submission.
  var removedTests: [Int: String] = [:]
  /// Graded tests, by cell index.
  var decided: [Int: StudentGrade.Item] = [:]
  var problems: [Diagnostic] = []
  var compileSeconds = 0.0
  var runSeconds = 0.0
  var compiles = 0
  var runs = 0
  private var isReference = false
  /// Each cell's result from the last run that ran it.
  private var latestCells: [CellResult] = []

  init(
    grader: Grader, submission: Submission, fillings: [Int: GradingProgram.Filling], slot: Int
  ) {
    self.grader = grader
    self.submission = submission
    self.fillings = fillings
    self.slot = slot
  }

  var document: LabDocument { grader.document }

  /// The name instructor code carries in the program (`#sourceLocation`):
  /// its file name with a prefix holding the grader's secret, so that it
  /// differs from the student's and a submission cannot spell it.
  var labTag: String {
    var tag = "LAB-\(grader.tagSecret)." + (document.path as NSString).lastPathComponent
    let student = (submission.path as NSString).lastPathComponent
    while tag == student { tag = "LAB." + tag }
    return tag
  }

  /// The regions each test needs: those of the cells named by its
  /// `needs=a,b`, else of every solution cell before it.
  func neededRegions(_ test: Int) -> [Int] {
    let cell = document.cells[test]
    let cellIDs: Set<String>
    if let needs = cell.attribute("needs") {
      cellIDs = Set(needs.split(separator: ",").map { $0.trimmingBlanksAndNewlines })
    } else {
      cellIDs = Set(document.cells[..<test].filter(\.isSolution).map(\.id))
    }
    return grader.regions.indices.filter { cellIDs.contains(grader.regions[$0].cellID) }
  }

  mutating func run(reference: Bool) throws -> Outcome {
    isReference = reference
    let work = try makeWorkFolder()
    defer { try? FileManager.default.removeItem(atPath: work) }
    let deadline = Date().addingTimeInterval(grader.settings.timeout)
    var outcome = Outcome()

    for _ in 0..<(grader.regions.count + 3) {
      // Build, stubbing what does not compile, until it does.
      var program = makeProgram()
      var built = try build(program, in: work)
      while !built.errors.isEmpty || !built.succeeded {
        guard blame(built.errors) else {
          if reference {
            // Named at the lab's own line, not the program's internal name for it.
            let first = built.errors.first
            throw GradingError.badLab(
              lab: document.path,
              diagnostics: [
                Diagnostic(
                  .error, at: first.flatMap(labLocation),
                  "the instructor's solutions do not compile: "
                    + (first?.message ?? "the compiler failed"),
                  hint: "fix the lab and run `labbook run` on it before grading")
              ])
          }
          failRemaining(
            "the lab could not be built with your solutions: "
              + (built.errors.first?.message ?? "the compiler failed"))
          return outcome
        }
        program = makeProgram()
        built = try build(program, in: work)
      }
      decideStubbedTests()

      // Run until every test is decided or a non-test cell fails.
      while true {
        let remaining = deadline.timeIntervalSinceNow
        let pending = grader.testCells.filter { decided[$0] == nil }
        if pending.isEmpty { return outcome }
        guard remaining > 0.5 else {
          failRemaining(
            "not run: the submission used up its time limit of "
              + "\(formatNumber(grader.settings.timeout)) s")
          return outcome
        }
        let cells = try execute(program, in: work, seconds: remaining)
        outcome.cells = cells
        let before = decided.count
        for index in grader.testCells where decided[index] == nil {
          let cell = cells[index]
          if cell.status == .notRun || cell.status == .skipped { continue }
          if reference { outcome.referenceChecks[index] = referenceChecks(cell, index) }
          decided[index] = item(for: index, result: cell, reference: outcome.referenceChecks)
        }
        // A non-test cell that failed: stub the student's code in it and
        // rebuild, or, when it has none, give up on the tests after it.
        let broken = program.labProgram.included.first {
          !document.cells[$0].isTest
            && (cells[$0].status == .failed || cells[$0].status == .timedOut)
        }
        if reference {
          if grader.testCells.allSatisfy({ decided[$0] != nil }) { return outcome }
          // A crashed test only loses its marks (a warning says so); run the rest.
          if broken == nil && decided.count > before { continue }
          throw referenceStopped(broken, cells)
        }
        guard let broken else {
          // Nothing decided and nothing to blame: the program did not start.
          if decided.count == before {
            failRemaining("not run: the lab program stopped before the tests")
            return outcome
          }
          continue
        }
        if let cause = blameStop(broken, cells[broken]) {
          failRemaining(cause.message, cause.location)
          return outcome
        }
        break
      }
    }
    failRemaining("not run: the submission kept crashing the lab")
    return outcome
  }

  // MARK: - Building

  func makeProgram() -> GradingProgram {
    var tagged = document
    tagged.path = labTag
    return GradingProgram(
      document: tagged, regions: grader.regions, fillings: fillings,
      studentPath: submission.path, removedTests: Set(removedTests.keys))
  }

  struct CompilerError {
    var file: String
    var line: Int
    var column: Int
    var message: String
  }

  /// Compiles `program` to `work/lab` (0711, owned by root: runnable by
  /// the sandbox user, not readable), or links the cached binary.
  mutating func build(
    _ program: GradingProgram, in work: String
  ) throws -> (succeeded: Bool, errors: [CompilerError]) {
    var hash = SHA256()
    hash.field(LabBookInfo.version)
    grader.toolchain.compileArguments(source: "", output: "").forEach { hash.field($0) }
    hash.field(RunCache.stamp(grader.toolchain.libraryDirectory + "/libLabKit.so"))
    hash.field(program.text)
    let key = hash.hexDigest()
    let cached = grader.cacheFolder + "/" + key
    let binary = work + "/lab"
    unlink(binary)
    if let errors = try? String(contentsOfFile: cached + ".errors", encoding: .utf8) {
      return (false, Self.parseErrors(errors))
    }
    if link(cached, binary) == 0 { return (true, []) }

    let started = Date()
    defer {
      compileSeconds += Date().timeIntervalSince(started)
      compiles += 1
    }
    let build = work + "/build"
    try? FileManager.default.removeItem(atPath: build)
    try FileManager.default.createDirectory(
      atPath: build, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(atPath: build) }
    let source = build + "/main.swift"
    try Data(program.text.utf8).write(to: URL(fileURLWithPath: source))
    let output = build + "/lab"
    let command =
      [grader.toolchain.swiftc, "-diagnostic-style", "llvm"]
      + grader.toolchain.compileArguments(source: source, output: output)
    let process = SandboxProcess(
      command: grader.sandbox.wrap(command, limits: grader.settings.compileLimits, uid: nil),
      environment: ProcessInfo.processInfo.environment, workingDirectory: build,
      stdoutPath: build + "/swiftc.out", stderrPath: build + "/swiftc.err")
    let outcome = try process.run(limits: grader.settings.compileLimits)
    let text = String(
      decoding: (FileManager.default.contents(atPath: build + "/swiftc.err") ?? Data())
        + (FileManager.default.contents(atPath: build + "/swiftc.out") ?? Data()),
      as: UTF8.self)
    var errors = Self.parseErrors(text)
    let succeeded = outcome.ending == .exited(0) && access(output, X_OK) == 0
    if !succeeded && errors.isEmpty {
      let how =
        outcome.ending == .timedOut
        ? "took longer than \(formatNumber(grader.settings.compileTimeout)) s"
        : "failed (\(outcome.ending)) without a message"
      errors.append(CompilerError(file: "", line: 0, column: 0, message: "swiftc \(how)"))
    }
    if succeeded {
      chmod(output, 0o711)
      let staged = cached + ".\(getpid()).\(slot)"
      if link(output, staged) == 0 { rename(staged, cached) }
      guard link(output, binary) == 0 || rename(output, binary) == 0 else {
        throw GradingError.sandbox(reason: "cannot place the program in \(work)")
      }
      return (true, [])
    }
    // Time-outs depend on load; only real errors are remembered.
    if outcome.ending != .timedOut {
      let staged = cached + ".errors.\(getpid()).\(slot)"
      if (try? text.write(toFile: staged, atomically: false, encoding: .utf8)) != nil {
        rename(staged, cached + ".errors")
      }
    }
    return (false, errors)
  }

  /// `file:line:col: error: message` lines of swiftc's output.
  static func parseErrors(_ text: String) -> [CompilerError] {
    text.split(separator: "\n").compactMap { line in
      guard let marker = line.range(of: ": error: ") else { return nil }
      let place = line[..<marker.lowerBound].split(separator: ":")
      let message = String(line[marker.upperBound...])
      guard place.count >= 3, let row = Int(place[place.count - 2]),
        let column = Int(place[place.count - 1])
      else {
        return CompilerError(file: "", line: 0, column: 0, message: message)
      }
      return CompilerError(
        file: place.dropLast(2).joined(separator: ":"), line: row, column: column,
        message: message)
    }
  }

  /// Why the instructor's own program stopped before its last test, at
  /// the lab's own line: the crash site, else the failing cell's fence.
  func referenceStopped(_ broken: Int?, _ cells: [CellResult]) -> GradingError {
    let why = broken.flatMap { cells[$0].error?.message }.map(Self.plain) ?? "it stopped"
    let frame = broken.flatMap { crashFrames[$0] }?.first {
      $0.file == labTag || $0.file == document.path
    }
    var place = frame ?? broken.map { document.cells[$0].fenceLocation }
    place?.file = document.path
    let what = broken.map { "cell \"\(document.cells[$0].id)\" stopped" } ?? "the program stopped"
    return GradingError.badLab(
      lab: document.path,
      diagnostics: [
        Diagnostic(
          .error, at: place, "the instructor's solutions do not run: \(what) (\(why))",
          hint: "fix the lab and run `labbook run` on it before grading")
      ])
  }

  /// Where a compiler error is, naming the lab's real file where the
  /// program calls it `labTag`; nil when swiftc named no place.
  func labLocation(_ error: CompilerError) -> SourceLocation? {
    guard !error.file.isEmpty, error.line > 0 else { return nil }
    let file = error.file == labTag ? document.path : error.file
    return SourceLocation(file: file, line: error.line, column: max(error.column, 1))
  }

  /// Stubs what the errors point at; `false` when nothing more can be stubbed.
  mutating func blame(_ errors: [CompilerError]) -> Bool {
    var changed = false
    var unplaced: [CompilerError] = []
    for error in errors {
      if error.file == submission.path && !isReference,
        let region = grader.regions.indices.first(where: { index in
          guard case .student(let code) = fillings[index] else { return false }
          let count = code.code.split(separator: "\n", omittingEmptySubsequences: false).count
          // One line past the end too: an unclosed bracket is reported
          // where the region's END marker stands.
          return (code.line...(code.line + max(count, 1))).contains(error.line)
        })
      {
        stubbed[region] = Stub(
          subject: regionName(region), message: "does not compile: \(error.message)",
          location: SourceLocation(file: submission.path, line: error.line, column: error.column))
        fillings[region] = nil
        changed = true
      } else if error.file == labTag, !isReference, let cell = cellIndex(atLine: error.line),
        document.cells[cell].isTest, removedTests[cell] == nil
      {
        removedTests[cell] = error.message
        changed = true
      } else if error.file == labTag, !isReference, let cell = cellIndex(atLine: error.line),
        let region = grader.regions.indices.last(where: { index in
          grader.regions[index].cellID == document.cells[cell].id
            && grader.regions[index].beginLine < error.line && fillings[index] != nil
        })
      {
        // An error on the instructor's line after a region (e.g. an unclosed
        // bracket the region opened) is the region's.
        var location: SourceLocation?
        if case .student(let code) = fillings[region] {
          let count = code.code.split(separator: "\n", omittingEmptySubsequences: false).count
          location = SourceLocation(file: submission.path, line: code.line + count - 1)
        }
        stubbed[region] = Stub(
          subject: regionName(region), message: "does not compile: \(error.message)",
          location: location)
        fillings[region] = nil
        changed = true
      } else {
        unplaced.append(error)
      }
    }
    if changed || isReference { return changed }
    // An error outside the student's regions and the tests (e.g. code after
    // a region using a name the student's code no longer declares): stub
    // every region of the student's that is still in.
    let remaining = fillings.keys.sorted()
    guard !remaining.isEmpty else { return false }
    let why = unplaced.first?.message ?? "the program did not compile"
    for region in remaining {
      stubbed[region] = Stub(
        subject: regionName(region),
        message: "was replaced by its stub: the lab did not compile with your solutions: \(why)",
        location: nil)
      fillings[region] = nil
    }
    return true
  }

  /// The document cell whose code holds `line` of the instructor's lab.
  func cellIndex(atLine line: Int) -> Int? {
    document.cells.indices.first { index in
      let cell = document.cells[index]
      let count = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
      return (cell.codeLine..<(cell.codeLine + count)).contains(line)
    }
  }

  /// Fails the tests that did not compile, and those whose `needs=` names
  /// a stubbed region. Tests without `needs=` still run: a stub traps only
  /// when called, and a failure then names the stubbed region (`item`).
  mutating func decideStubbedTests() {
    for test in grader.testCells where decided[test] == nil {
      let cell = document.cells[test]
      if let message = removedTests[test] {
        decided[test] = failure(
          test,
          cell.isHidden
            ? "this hidden test did not compile against your solutions"
            : "this test did not compile against your solutions: \(message)", nil)
        continue
      }
      guard cell.attribute("needs") != nil, let why = stubbedNeed(test) else { continue }
      decided[test] = failure(test, why.message, why.location)
    }
  }

  /// The first region `test` needs that was stubbed, as a message.
  func stubbedNeed(_ test: Int) -> (message: String, location: SourceLocation?)? {
    guard let region = neededRegions(test).first(where: { stubbed[$0] != nil }) else {
      return nil
    }
    let why = stubbed[region]!
    return ("needs \(why.subject), which " + why.message, why.location)
  }

  mutating func failRemaining(_ message: String, _ location: SourceLocation? = nil) {
    for test in grader.testCells where decided[test] == nil {
      decided[test] = failure(test, message, location)
    }
  }

  /// `solution 2 of cell "x"`: how feedback names region `region`.
  func regionName(_ region: Int) -> String {
    let owner = grader.regions[region]
    return "solution \(owner.index + 1) of cell \"\(owner.cellID)\""
  }

  /// Stubs each region that uses a variable only a later cell declares, found
  /// as `labbook run` finds it (`DeclarationOrder`) in the student's own
  /// file `text`: built as it is, the use would silently read zero.
  mutating func stubForwardUses(in text: String) {
    guard let own = try? LabDocument.parse(text, path: submission.path) else { return }
    for diagnostic in DeclarationOrder.errors(in: own) {
      guard let place = diagnostic.location, place.file == submission.path,
        let region = studentRegion(atLine: place.line)
      else { continue }
      stubbed[region] = Stub(
        subject: regionName(region), message: "cannot run: \(diagnostic.message)",
        location: place)
      fillings[region] = nil
    }
  }

  /// The region whose student code holds `line` of the submission.
  func studentRegion(atLine line: Int) -> Int? {
    fillings.keys.sorted().first { index in
      guard case .student(let code) = fillings[index] else { return false }
      let count = code.code.split(separator: "\n", omittingEmptySubsequences: false).count
      return (code.line..<(code.line + max(count, 1))).contains(line)
    }
  }

  /// Stubs the student code to blame for `cell` (not a test) stopping the
  /// lab, or returns the failure to give the tests not yet run when there
  /// is nothing left to stub.
  ///
  /// The region holding the crash site (the innermost frame in the
  /// student's file) is the one stubbed; the others stay in, and a later
  /// run stubs them in turn if they too stop the lab. A trap in a stub
  /// means an earlier cause stopped the lab again. A time-out has the
  /// backtrace `BacktraceRequest` asked for. When the place is not known
  /// (the output cap, no symbolizer), every region of the cell is stubbed
  /// and the cell, not one region, is blamed.
  // Limitation: the output cap has no backtrace, so its region is not known.
  mutating func blameStop(
    _ cell: Int, _ result: CellResult
  ) -> (message: String, location: SourceLocation?)? {
    let cellID = document.cells[cell].id
    let why = "stopped the lab (\(Self.plain(result.error?.message ?? "it stopped")))"
    let frames = crashFrames[cell] ?? []
    let site = result.error?.location.flatMap { $0.file == submission.path ? $0 : nil }

    // The innermost frame is a stub's trap: that region's cause is the one to show.
    // Limitation: a stub at a cell's top level traps, so the tests after it fail.
    if let inner = frames.first, inner.file == labTag,
      let region = stubbed.keys.sorted().first(where: {
        grader.regions[$0].beginLine == inner.line && fillings[$0] == nil
      })
    {
      let cause = stubbed[region]!
      return (notRun(cause), cause.location)
    }
    if let site, let region = studentRegion(atLine: site.line) {
      stubbed[region] = Stub(subject: regionName(region), message: why, location: site)
      fillings[region] = nil
      keepCrashed(cell, result, at: site)
      return nil
    }
    let own = grader.regions.indices.filter {
      grader.regions[$0].cellID == cellID && fillings[$0] != nil
    }
    guard !own.isEmpty else {
      // Its regions were stubbed already: the first cause is the one to show.
      if let earlier = stubbed.keys.sorted().first(where: {
        grader.regions[$0].cellID == cellID
      }) {
        let cause = stubbed[earlier]!
        return (notRun(cause), cause.location)
      }
      return ("not run: cell \"\(cellID)\" \(why) before this test", nil)
    }
    let place =
      site
      ?? submission.cellLines[cellID].map { SourceLocation(file: submission.path, line: $0) }
    for region in own {
      stubbed[region] = Stub(subject: "cell \"\(cellID)\"", message: why, location: place)
      fillings[region] = nil
    }
    keepCrashed(cell, result, at: place)
    return nil
  }

  /// `not run: your solution 2 of cell "x" stopped the lab (…)`.
  func notRun(_ cause: Stub) -> String {
    let whose = cause.subject.hasPrefix("cell ") ? "" : "your "
    return "not run: \(whose)\(cause.subject) \(cause.message)"
  }

  /// Keeps the first crashed run of `cell` for the feedback (later runs
  /// show the stub in its place).
  mutating func keepCrashed(_ cell: Int, _ result: CellResult, at place: SourceLocation?) {
    guard crashedCells[cell] == nil else { return }
    var crashed = result
    crashed.error?.location = place
    crashedCells[cell] = crashed
  }

  /// A cell's error as a clause: without a leading `stopped: ` and without
  /// the place of a trap line (`LabProgram/…:N: `), as `CrashText` reads it.
  static func plain(_ why: String) -> String {
    var text = Substring(why)
    if text.hasPrefix("stopped: ") { text = text.dropFirst("stopped: ".count) }
    return CrashText.withoutTrapPlaces(String(text))
  }

  // MARK: - Running

  mutating func execute(
    _ program: GradingProgram, in work: String, seconds: Double
  ) throws -> [CellResult] {
    let started = Date()
    defer {
      runSeconds += Date().timeIntervalSince(started)
      runs += 1
    }
    let uid = grader.uidBlock + UInt32(slot % 64)
    let run = work + "/run"
    let out = work + "/out"
    for folder in [run, out] {
      try? FileManager.default.removeItem(atPath: folder)
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o700])
    }
    if grader.sandbox.isolation.dropsPrivileges { chown(run, uid, uid) }

    let nonce = Self.makeNonce()
    let positions = program.labProgram.included
    var skip: [Int] = []
    for (position, index) in positions.enumerated() where decided[index] != nil {
      skip.append(position)
    }
    // Paths are relative to `run`: with a private /tmp, the absolute ones are hidden.
    let isolated = grader.sandbox.isolation.namespaces
    let environment: [String: String] = [
      "PATH": "/usr/bin:/bin", "HOME": isolated ? "/tmp" : run,
      "TMPDIR": isolated ? "/tmp" : run, "LANG": "C.UTF-8",
      "OPENBLAS_NUM_THREADS": "1", "SWIFT_BACKTRACE": CrashSite.backtraceSetting,
      "LABBOOK_EVENTS_FD": "3", "LABBOOK_NONCE": nonce, "LABBOOK_SEED": String(grader.seed),
      "LABBOOK_PARAMS": ParamBinding.environmentText(grader.params),
      "LABBOOK_LAB_DIR": isolated ? "../labdir" : work + "/labdir",
      "LD_LIBRARY_PATH": isolated ? "../lib" : work + "/lib",
      "LABBOOK_SKIP": skip.map(String.init).joined(separator: ","),
    ]
    var limits = grader.settings.runLimits
    limits.wallSeconds = seconds
    let process = SandboxProcess(
      command: grader.sandbox.wrap(
        [isolated ? "../lab" : work + "/lab"], limits: limits, uid: uid, privateTmp: true,
        hiding: grader.hiddenFolders, keeping: grader.keptFolders),
      environment: environment, workingDirectory: run, stdoutPath: out + "/stdout",
      stderrPath: out + "/stderr", backtraceProgram: "lab")
    var watcher = TestWatcher(
      nonce: nonce,
      testPositions: Set(
        positions.indices.filter {
          document.cells[positions[$0]].isTest && !skip.contains($0)
        }),
      limited: Set(
        positions.indices.filter { position in
          grader.regions.indices.contains {
            fillings[$0] != nil
              && grader.regions[$0].cellID == document.cells[positions[position]].id
          }
        }), limit: grader.settings.testTimeout)
    var outcome = try process.run(limits: limits) { watcher.read($0) }
    outcome.ending = grader.sandbox.programEnding(outcome.ending)
    grader.sandbox.killAll(uid: uid)

    let events = RunEvent.decodeAll(TestWatcher.genuine(outcome.events, nonce: nonce))
    var tagged = document
    tagged.path = labTag
    let transcript = RunTranscript(
      document: tagged, program: program.labProgram, events: events,
      stdout: Engine.mapped(out + "/stdout"), stderr: Engine.mapped(out + "/stderr"),
      ending: outcome.ending, timeout: seconds)
    var cells = transcript.cells
    // Stopped after the last test: the cells cut short were not needed.
    if watcher.testsDone && outcome.stoppedByWatcher {
      for index in cells.indices where !document.cells[index].isTest {
        if cells[index].status == .timedOut || cells[index].status == .failed {
          cells[index].status = .notRun
          cells[index].error = nil
        }
      }
    }
    for index in cells.indices {
      guard var error = cells[index].error else { continue }
      if outcome.stoppedByWatcher && cells[index].status == .timedOut {
        error.message =
          "stopped: the \(document.cells[index].isTest ? "test" : "cell") ran past its limit of "
          + "\(formatNumber(grader.settings.testTimeout)) s"
      } else if error.signal == "SIGXFSZ" {
        error.message =
          "stopped: the program wrote more than \(grader.settings.outputMiB) MiB of output"
      } else if error.signal == "SIGXCPU" {
        error.message = "stopped: the program used up its CPU time"
      }
      // Only places in the student's own file are shown to the student.
      if let location = error.location, location.file != submission.path {
        error.location = nil
      }
      // A crash, or a time-out (the program was asked for a backtrace first).
      if error.signal != nil || cells[index].status == .timedOut {
        let frames = CrashSite.frames(
          stderrText: String(
            decoding: Engine.mapped(out + "/stderr").suffix(64 * 1024), as: UTF8.self),
          binary: work + "/lab", imageName: "lab", files: [submission.path, labTag],
          swiftc: grader.toolchain.swiftc, readable: [submission.path])
        crashFrames[index] = frames
        error.location =
          frames.first { $0.file == submission.path }
          ?? error.location ?? studentTrapLocation(in: out + "/stderr")
      }
      cells[index].error = error
    }
    for (position, index) in positions.enumerated() where skip.contains(position) {
      cells[index] = latestCells.indices.contains(index) ? latestCells[index] : cells[index]
    }
    latestCells = cells
    return cells
  }

  /// The student's line of Swift's last `LabProgram/<file>:<line>: Fatal
  /// error` message, when the trap was in the student's own code.
  func studentTrapLocation(in stderrPath: String) -> SourceLocation? {
    let text = String(decoding: Engine.mapped(stderrPath).suffix(64 * 1024), as: UTF8.self)
    let file = "LabProgram/" + (submission.path as NSString).lastPathComponent
    guard let trap = CrashText.trap(in: text), trap.file == file else { return nil }
    return SourceLocation(file: submission.path, line: trap.line)
  }

  /// 128 random bits as hex (the system generator: the kernel's getrandom).
  static func makeNonce() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let word = generator.next() as UInt64
      let hex = String(word, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  func makeWorkFolder() throws -> String {
    var template = Array((NSTemporaryDirectory() + "/labbook-grade-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw GradingError.sandbox(reason: String(cString: strerror(errno)))
    }
    let work = String(cString: made)
    // The sandbox user may pass through (to run `lab` and reach `run/`), not list.
    chmod(work, 0o711)
    let labDir = work + "/labdir"
    try FileManager.default.createDirectory(
      atPath: labDir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    let folder = Engine.labFolder(document.path)
    for path in document.frontMatter.data where !path.hasPrefix("/") && !path.contains("..") {
      let target = labDir + "/" + path
      try? FileManager.default.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
      try? FileManager.default.copyItem(atPath: folder + "/" + path, toPath: target)
      chmod(target, 0o644)
    }
    // LabKit beside the program: the private /tmp hides a build folder that
    // lives under /tmp (a CI clone, say), and with it the program's rpath.
    let library = work + "/lib"
    try FileManager.default.createDirectory(
      atPath: library, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    try FileManager.default.copyItem(
      atPath: grader.toolchain.libraryDirectory + "/libLabKit.so",
      toPath: library + "/libLabKit.so")
    chmod(library + "/libLabKit.so", 0o755)
    return work
  }

  // MARK: - Scoring

  /// The checks `result` made from the test's own lines.
  // Limitation: code in the same process can forge the call site (docs/grading.md).
  func ownChecks(_ result: CellResult, _ index: Int) -> [CheckResult] {
    let cell = document.cells[index]
    let count = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
    let lines = cell.codeLine..<(cell.codeLine + count)
    let file = "LabProgram/" + labTag
    return result.outputs.compactMap {
      guard case .check(let check) = $0, check.file == file, let line = check.line,
        lines.contains(line)
      else { return nil }
      return check
    }
  }

  func referenceChecks(_ result: CellResult, _ index: Int) -> [(name: String, points: Double)] {
    var seen: Set<String> = []
    return ownChecks(result, index).compactMap { check in
      seen.insert(check.name).inserted ? (check.name, check.points) : nil
    }
  }

  func failure(
    _ index: Int, _ message: String, _ location: SourceLocation?
  ) -> StudentGrade.Item {
    let cell = document.cells[index]
    let references = grader.reference.withLock { $0[index] ?? [] }
    return StudentGrade.Item(
      id: cell.id, name: cell.title ?? cell.id, kind: "test", hidden: cell.isHidden, score: 0,
      maxScore: cell.points ?? references.reduce(0) { $0 + $1.points }, status: .failed,
      message: message, location: location)
  }

  func item(
    for index: Int, result: CellResult, reference: [Int: [(name: String, points: Double)]]
  ) -> StudentGrade.Item {
    let cell = document.cells[index]
    guard result.status == .ok else {
      let error = result.error
      let own = error?.location.map { $0.file == submission.path } ?? false
      var message = error?.message ?? "the test did not finish"
      if cell.isHidden && !own && !message.hasPrefix("stopped:") {
        // A handout stub's message says nothing about the test: keep it.
        let stub = message.range(of: "Not implemented: ").map { String(message[$0.lowerBound...]) }
        message =
          "the hidden test stopped" + (error?.signal.map { " (\($0))" } ?? "")
          + (stub.map { ": it reached a stub (\($0))" } ?? "")
      }
      if let why = stubbedNeed(index) { return failure(index, why.message, why.location) }
      return failure(index, message, own ? error?.location : nil)
    }
    let expected =
      isReference
      ? reference[index] ?? []
      : grader.reference.withLock {
        $0[index] ?? []
      }
    let checks = ownChecks(result, index)
    var earned = 0.0
    var shown: [CheckResult] = []
    for (name, points) in expected {
      let matching = checks.filter { $0.name == name }
      // The lowest of same-named checks counts, so an extra one never helps.
      guard var worst = matching.min(by: { $0.score < $1.score }) else {
        shown.append(
          CheckResult(
            name: cell.isHidden ? "check \(shown.count + 1)" : name, passed: false,
            message: "this check was not made", points: points, score: 0))
        continue
      }
      worst.points = points
      worst.score = min(max(worst.score, 0), points)
      worst.file = nil
      worst.line = nil
      // A hidden check's name may state its expected value: number it instead.
      if cell.isHidden {
        worst.name = "check \(shown.count + 1)"
        worst.message = ""
      }
      earned += worst.score
      shown.append(worst)
    }
    let possible = expected.reduce(0) { $0 + $1.points }
    let maxScore = cell.points ?? possible
    let score = possible > 0 ? maxScore * earned / possible : 0
    let status: StudentGrade.Status =
      possible > 0 && score >= maxScore - 1e-9 ? .passed : (score > 0 ? .partial : .failed)
    var message = ""
    if possible == 0 {
      message = "the test made no checks"
    } else if status != .passed {
      let failed = shown.filter { !$0.passed }.map(\.name)
      message =
        (status == .partial ? "partial credit: " : "failed: ") + failed.joined(separator: ", ")
      if let why = stubbedNeed(index) { message += "; it " + why.message }
    }
    return StudentGrade.Item(
      id: cell.id, name: cell.title ?? cell.id, kind: "test", hidden: cell.isHidden,
      score: score, maxScore: maxScore, status: status, checks: shown, message: message)
  }

  /// The grade from everything decided, plus the answers.
  func grade(_ outcome: Outcome, key: String) -> StudentGrade {
    var grade = StudentGrade(
      student: submission.studentID, submission: submission.path, key: key)
    grade.items = grader.testCells.map {
      decided[$0] ?? failure($0, "not run", nil)
    }
    grade.items += AnswerGrading.items(document.answers, responses: submission.answers)
    grade.problems = problems
    // A stub blamed on a whole cell is one problem, not one per region.
    var reported: Set<String> = []
    for (_, why) in stubbed.sorted(by: { $0.key < $1.key }) {
      let message = "\(why.subject) \(why.message)"
      guard reported.insert(message).inserted else { continue }
      let hint =
        why.subject.hasPrefix("cell ")
        ? "the grader could not tell which of the cell's solution regions was at fault, "
          + "so it graded all of them as the handout's stubs"
        : ""
      grade.problems.append(Diagnostic(.error, at: why.location, message, hint: hint))
    }
    // Hidden tests and instructor-only cells stay out of what students see.
    grade.cells = outcome.cells.enumerated().compactMap { index, cell in
      guard document.cells.indices.contains(index) else { return nil }
      let source = document.cells[index]
      guard !source.isHidden && !source.isInstructorOnly else { return nil }
      var shown = crashedCells[index] ?? cell
      // The program's internal file names mean nothing to the student.
      if var error = shown.error {
        error.message = Self.plain(error.message)
        shown.error = error
      }
      shown.outputs = shown.outputs.map { output in
        guard case .text(let stream, let text) = output else { return output }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
          Self.plain(String($0))
        }
        return .text(stream: stream, text: lines.joined(separator: "\n"))
      }
      return shown
    }
    grade.compileSeconds = compileSeconds
    grade.runSeconds = runSeconds
    grade.compiles = compiles
    grade.runs = runs
    return grade
  }
}
