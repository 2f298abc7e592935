import Foundation
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Grades submissions of one lab (docs/grading.md): merges each student's
/// solution regions into the instructor's lab, compiles and runs it in a
/// `Sandbox`, and scores every test cell and answer.
///
/// - A region that does not compile is replaced by its stub and the program
///   built again; tests that need it fail with the compiler's message,
///   located in the student's file.
/// - A test that crashes, exits or runs past its limit fails alone: the
///   program runs again without the tests already decided.
/// - Checks count only when they arrive on the events pipe with the run's
///   secret nonce, from a test cell's own lines, while that test runs; a
///   check the reference run made that a submission's run did not counts 0,
///   and of several with one name the lowest score counts.
public final class Grader: Sendable {
  public let document: LabDocument
  public let settings: GradingSettings
  public let sandbox: Sandbox
  let toolchain: Toolchain
  let regions: [SolutionRegion]
  let params: [(name: String, value: ParamValue)]
  let seed: UInt64
  /// What a submission's regions may not contain.
  let rules: RegionRules
  /// Part of the name instructor code carries in each program
  /// (`Attempt.labTag`), so that a submission cannot name a test's lines to
  /// pass its own checks for the test's: random, kept in `cacheFolder`
  /// (which student programs do not see) so that compiled programs stay
  /// reusable there.
  let tagSecret: String
  /// Folder for compiled programs shared by identical submissions.
  let cacheFolder: String
  /// The first of this grader's 64 sandbox user ids (`Sandbox.userBlock`).
  let uidBlock = Sandbox.userBlock()
  /// Folders a student's program must not see (see `init`).
  let hiddenFolders: [String]
  /// The only folders outside the system's (`Sandbox.systemFolders`) that a
  /// student's program sees: LabKit's, and beside `swiftc` the Swift
  /// runtime's (`../lib/swift/linux`) and its backtracer's (`../libexec/swift/linux`).
  var keptFolders: [String] {
    let bin = (Self.absolute(toolchain.swiftc) as NSString).deletingLastPathComponent
    return [
      toolchain.libraryDirectory, bin + "/../lib/swift/linux", bin + "/../libexec/swift/linux",
    ].map(Self.absolute)
  }
  /// Each test's checks (name → points) in the instructor's own run.
  let reference = Mutex<[Int: [(name: String, points: Double)]]>([:])
  let calibration = Mutex<[CellResult]>([])

  /// The outputs of the instructor's own run (`calibrate`) of the cells a
  /// student may see: no hidden test's, no instructor-only cell's. Empty
  /// before `calibrate`.
  public var referenceCells: [CellResult] { calibration.withLock { $0 } }

  /// A grader for the instructor's `document`; `cacheFolder` keeps compiled
  /// programs (root-only). Student programs do not see the lab's folder,
  /// `cacheFolder`'s parent, nor the folders in `hiding` (e.g. where the
  /// submissions and results are), unless one holds LabKit or the compiler.
  /// Throws `GradingError` when the lab cannot be graded (bad solution
  /// markers, `needs=` naming no solution cell, bad `grading:` settings or
  /// params). `overrides` (name → value, as `--set` gives them) win over the
  /// grading params.
  public init(
    document: LabDocument, toolchain: Toolchain, sandbox: Sandbox, cacheFolder: String,
    hiding: [String] = [], overrides: [String: String] = [:]
  ) throws {
    self.document = document
    self.toolchain = toolchain
    self.sandbox = sandbox
    self.cacheFolder = cacheFolder
    let needed = [toolchain.libraryDirectory, toolchain.moduleDirectory]
    let folders = [Engine.labFolder(document.path), Engine.labFolder(cacheFolder)] + hiding
    hiddenFolders = Array(Set(folders.map(Self.absolute))).sorted().filter { folder in
      folder != "/" && !needed.contains { Self.absolute($0).hasPrefix(folder + "/") }
        && !needed.contains { Self.absolute($0) == folder }
    }
    // The same checks `labbook check` makes (GradableLab).
    let gradable = try GradableLab(document)
    settings = gradable.settings
    regions = gradable.regions
    rules = RegionRules(document: document, regions: gradable.regions)
    params =
      overrides.isEmpty
      ? gradable.params
      : try ParamBinding.resolve(
        gradable.settings.params.merging(overrides) { $1 },
        declared: document.frontMatter.params, lab: document.path)
    seed = document.frontMatter.seed ?? 0
    try FileManager.default.createDirectory(
      atPath: cacheFolder, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    tagSecret = try Self.secret(in: cacheFolder)
  }

  /// The secret kept in `folder/tag-secret`, made there on first use.
  static func secret(in folder: String) throws -> String {
    let path = folder + "/tag-secret"
    if let kept = try? String(contentsOfFile: path, encoding: .utf8),
      kept.count == 16, kept.allSatisfy(\.isHexDigit)
    {
      return kept
    }
    let made = String(Attempt.makeNonce().prefix(16))
    try Data(made.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    return made
  }

  /// The test cells, by index into `document.cells`.
  var testCells: [Int] { document.cells.indices.filter { document.cells[$0].isTest } }

  /// Runs the instructor's own solutions: records each test's checks (the
  /// reference a submission's checks are matched against) and returns the
  /// grade, which should be full marks. Call once, before `grade`.
  @discardableResult
  public func calibrate() throws -> StudentGrade {
    // On SIGINT/SIGTERM the sandbox is killed, the work folder removed, and
    // then the process ends by the signal (InterruptForwarding).
    let scope = InterruptForwarding.begin(removing: nil)
    defer { scope.end() }
    let submission = Submission(text: "", path: document.path, defaultID: "(reference)")
    var attempt = Attempt(
      grader: self, submission: submission, fillings: instructorFillings(), slot: 0)
    let outcome = try attempt.run(reference: true)
    reference.withLock { $0 = outcome.referenceChecks }
    let grade = attempt.grade(outcome, key: "")
    calibration.withLock { $0 = grade.cells }
    return grade
  }

  /// Grades the instructor's own solutions with the regions at `stubbed`
  /// (indices into the lab's regions) left as the handout's stubs: with all
  /// of them, what a student who wrote nothing hands in. `labbook check`
  /// uses it; call `calibrate` first.
  func grade(stubbing stubbed: Set<Int>) -> StudentGrade {
    let scope = InterruptForwarding.begin(removing: nil)
    defer { scope.end() }
    let submission = Submission(text: "", path: document.path, defaultID: "(stubbed)")
    var attempt = Attempt(
      grader: self, submission: submission,
      fillings: instructorFillings().filter { !stubbed.contains($0.key) }, slot: 0)
    do {
      let outcome = try attempt.run(reference: false)
      return attempt.grade(outcome, key: "")
    } catch {
      var grade = StudentGrade(student: submission.studentID, submission: "", key: "")
      grade.items = maxItems(message: "could not be graded: \(error)")
      return grade
    }
  }

  /// Every region filled with the instructor's own solution.
  func instructorFillings() -> [Int: GradingProgram.Filling] {
    var fillings: [Int: GradingProgram.Filling] = [:]
    for (index, region) in regions.enumerated() {
      let code = region.body.hasSuffix("\n") ? String(region.body.dropLast()) : region.body
      fillings[index] = .student(Submission.Region(code: code, line: region.beginLine + 1))
    }
    return fillings
  }

  /// Grades the submission in the file at `path` as worker `slot` (0…63;
  /// each concurrent worker needs its own, for its sandbox user). Never throws:
  /// a submission that cannot be read or run gets 0 with the reason.
  public func grade(path: String, studentID: String, slot: Int) -> StudentGrade {
    let text: String
    var readingNotes: [Diagnostic] = []
    do {
      text = try Self.readSubmission(path, notes: &readingNotes)
    } catch {
      var grade = StudentGrade(student: studentID, submission: path, key: "")
      grade.items = maxItems(message: "\(error)")
      grade.problems = [Diagnostic(.error, at: nil, "\(error)")]
      return grade
    }
    let submission = Submission(text: text, path: path, defaultID: studentID)
    let key = Self.key(lab: document.source, submission: text, settings: settings)
    var problems = readingNotes + submission.problems
    if let declared = submission.declaredStudent, declared != studentID {
      problems.append(
        Diagnostic(
          .warning, at: SourceLocation(file: path, line: 1),
          "the front matter names student \"\(declared)\" but this submission is graded as "
            + "\"\(studentID)\" (its file or folder name); rename the file to change the id"))
    }
    var fillings: [Int: GradingProgram.Filling] = [:]
    for (index, region) in regions.enumerated() {
      guard let found = submission.regions[region.cellID] else {
        if region.index == 0 {
          problems.append(
            Diagnostic(
              .warning, at: SourceLocation(file: path, line: 1),
              "no cell with id \"\(region.cellID)\": its solution is graded as the handout's "
                + "stub; keep the handout's cell ids (```swift id=\(region.cellID) solution)"))
        }
        continue
      }
      guard region.index < found.count else {
        problems.append(
          Diagnostic(
            .warning, at: SourceLocation(file: path, line: submission.cellLines[region.cellID]!),
            "cell \"\(region.cellID)\" has no solution region \(region.index + 1): it is "
              + "graded as the stub; keep the BEGIN/END SOLUTION lines of the handout"))
        continue
      }
      fillings[index] = .student(found[region.index])
    }
    // Grading runs the lab's own code around the regions: say where the
    // student changed it, or the change is silently lost.
    for cell in document.cells where !cell.isHidden && !cell.isInstructorOnly {
      guard let theirs = submission.outsideRegions[cell.id],
        let line = submission.cellLines[cell.id],
        theirs != Submission.codeOutsideRegions(Handout.lines(of: cell.code).map(\.content))
      else { continue }
      problems.append(
        Diagnostic(
          .warning, at: SourceLocation(file: path, line: line),
          "cell \"\(cell.id)\" differs from the lab outside its solution regions; grading "
            + "runs the lab's own code there, so those changes are not used",
          hint: "keep your work between the // BEGIN SOLUTION and // END SOLUTION lines"))
    }
    let known = Set(document.cells.map(\.id) + document.answers.map(\.id))
    for (id, line) in submission.cellLines.sorted(by: { $0.value < $1.value })
    where !known.contains(id) {
      problems.append(
        Diagnostic(
          .warning, at: SourceLocation(file: path, line: line),
          "the lab has no block with id \"\(id)\" (renamed?); it is ignored"))
    }

    var attempt = Attempt(grader: self, submission: submission, fillings: fillings, slot: slot)
    attempt.stubForwardUses(in: text)
    attempt.stubRuleBreaks(rules)
    var grade: StudentGrade
    do {
      let outcome = try attempt.run(reference: false)
      grade = attempt.grade(outcome, key: key)
    } catch {
      grade = StudentGrade(student: submission.studentID, submission: path, key: "")
      grade.items = maxItems(message: "could not be graded: \(error)")
    }
    grade.problems = problems + grade.problems
    return grade
  }

  /// Every test and answer at 0 with `message`.
  func maxItems(message: String) -> [StudentGrade.Item] {
    let references = reference.withLock { $0 }
    var items = testCells.map { index in
      let cell = document.cells[index]
      return StudentGrade.Item(
        id: cell.id, name: cell.title ?? cell.id, kind: "test", hidden: cell.isHidden,
        score: 0,
        maxScore: cell.points ?? references[index, default: []].reduce(0) { $0 + $1.points },
        status: .failed, message: message)
    }
    items += document.answers.filter { $0.points != nil }.map { answer in
      StudentGrade.Item(
        id: answer.id, name: answer.attributes.first { $0.name == "title" }?.value ?? answer.id,
        kind: "answer", hidden: false, score: 0, maxScore: answer.points ?? 0, status: .failed,
        message: message)
    }
    return items
  }

  /// The largest submission file read: 8 MiB.
  static let maxSubmissionSize = 8 << 20

  /// The text of the submission file at `path`; throws `unreadableSubmission`
  /// for a folder, a file that cannot be opened, one over 8 MiB, an empty one,
  /// or one that is not text (a NUL byte outside UTF-16). Text saved as
  /// UTF-16 (with its byte-order mark) is read as such, and bytes that are
  /// not UTF-8 (say, a Latin-1 `é` in a comment) as U+FFFD; `notes` then
  /// gets a warning saying so, at the first such byte's line.
  public static func readSubmission(
    _ path: String, notes: inout [Diagnostic]
  ) throws(GradingError) -> String {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .unreadableSubmission(
        path: path, reason: "it is a folder without exactly one .md file; hand in one lab file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadableSubmission(path: path, reason: "it cannot be opened; check the path")
    }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: maxSubmissionSize + 1)) ?? Data()
    guard data.count <= maxSubmissionSize else {
      throw .unreadableSubmission(path: path, reason: "it is larger than 8 MiB")
    }
    let resave = "save it as UTF-8 text (in most editors: Save As, encoding UTF-8)"
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let encoding: String.Encoding =
        bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
      guard let text = String(data: data.dropFirst(2), encoding: encoding) else {
        throw .unreadableSubmission(
          path: path, reason: "it starts as UTF-16 text but is not valid UTF-16; " + resave)
      }
      notes.append(
        Diagnostic(
          .warning, at: SourceLocation(file: path, line: 1),
          "the file is UTF-16 text; it was read as such", hint: resave))
      return try nonEmpty(text, path: path)
    }
    guard !bytes.contains(0) else {
      throw .unreadableSubmission(
        path: path, reason: "it is not a text file; hand in your copy of the lab as .md text")
    }
    var log = DiagnosticLog(file: path)
    let decoded = SourceDecoding.decode(bytes, log: &log)
    notes += log.diagnostics
    return try nonEmpty(String(decoding: decoded, as: UTF8.self), path: path)
  }

  /// `readSubmission` without its notes.
  public static func readSubmission(_ path: String) throws(GradingError) -> String {
    var notes: [Diagnostic] = []
    return try readSubmission(path, notes: &notes)
  }

  /// `text`, unless it is blank.
  private static func nonEmpty(_ text: String, path: String) throws(GradingError) -> String {
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw .unreadableSubmission(
        path: path, reason: "it is an empty file; hand in your copy of the lab")
    }
    return text
  }

  /// `path` made absolute and standardized.
  static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (full as NSString).standardizingPath
  }

  /// Digest of what a grade depends on.
  static func key(lab: String, submission: String, settings: GradingSettings) -> String {
    var hash = SHA256()
    hash.field(LabBookInfo.version)
    hash.field(String(StudentGrade.schemaVersion))
    hash.field(lab)
    hash.field(submission)
    hash.field("\(settings)")
    return hash.hexDigest()
  }
}
