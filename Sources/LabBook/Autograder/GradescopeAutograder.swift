import Foundation

/// Grades one Gradescope submission: the `.md` file in `ROOT/submission`
/// against the instructor's lab, written whole to
/// `ROOT/results/results.json` (docs/autograder.md).
///
/// Never leaves the student with a bare failure: no `.md` file, several
/// (none of them named as the lab), or a file that is not a copy of the
/// lab give every test 0 and a
/// top-level `output` saying what to upload. A problem on the
/// instructor's side (a lab that does not compile) says so to the student
/// and is detailed in `instructorNotes`, which go to stderr, hidden from
/// students by `stdout_visibility: hidden`.
public struct GradescopeAutograder {
  /// The instructor's lab.
  public let labPath: String
  /// Gradescope's root folder (`/autograder`, or `$AUTOGRADER_ROOT`).
  public let root: String

  /// Messages for the instructor, filled by `run()`.
  public private(set) var instructorNotes: [String] = []

  /// An autograder for the lab at `labPath` under Gradescope's `root`.
  public init(labPath: String, root: String) {
    self.labPath = labPath
    self.root = root
  }

  /// `ROOT/results/results.json`.
  public var resultsPath: String { root + "/results/results.json" }

  /// The `.md` files in `ROOT/submission`, at any depth, sorted; folders
  /// whose name starts with `.` or `__MACOSX` (zip debris) are skipped.
  public func submissionFiles() -> [String] {
    let folder = root + "/submission"
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
      let parts = relative.split(separator: "/")
      if parts.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("__MACOSX") }) { continue }
      if relative.hasSuffix(".md") { found.append(folder + "/" + relative) }
    }
    return found.sorted()
  }

  /// Grades and writes `results.json` (through a temporary file and a
  /// rename); returns the object written. `started` is when grading
  /// began, for `execution_time`.
  @discardableResult
  public mutating func run(started: Date = Date()) throws -> [String: Any] {
    var results = Self.relativePaths(grade(), under: root + "/submission/")
    results["execution_time"] = Int(Date().timeIntervalSince(started).rounded(.up))
    results["stdout_visibility"] = "hidden"
    try FileManager.default.createDirectory(
      atPath: root + "/results", withIntermediateDirectories: true)
    let data = try JSONSerialization.data(
      withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
    try Gradebook.writeAtomically(data, to: resultsPath)
    return results
  }

  /// The results object, before timing.
  mutating func grade() -> [String: Any] {
    let document: LabDocument
    let grader: Grader
    let policy: LatePolicy
    do {
      document = try LabDocument.read(path: labPath)
      policy = try LatePolicy(grading: document.frontMatter.grading, lab: labPath)
      grader = try Grader(
        document: document, toolchain: try Toolchain.locate(), sandbox: Sandbox(),
        cacheFolder: NSTemporaryDirectory() + "labbook-autograder-\(UUID().uuidString)",
        hiding: [root + "/submission", root + "/results"])
      // Limitation: the lab's own solutions run for every submission (one more
      // compile and run): Gradescope's fresh containers keep nothing between runs.
      try grader.calibrate()
    } catch {
      instructorNotes.append("the lab cannot be graded: \(error)")
      return Self.notGraded(
        "The autograder could not grade this assignment because of a problem in its "
          + "setup, not in your submission. Please tell your instructor.", items: [])
    }
    defer { try? FileManager.default.removeItem(atPath: grader.cacheFolder) }
    let labFile = (labPath as NSString).lastPathComponent

    let files = submissionFiles()
    guard let file = Self.pick(files, labFile: labFile) else {
      let names = files.map { ($0 as NSString).lastPathComponent }
      let message =
        files.isEmpty
        ? "No .md file was found in your submission. Upload your copy of the lab, "
          + "\(labFile), with your solutions in it."
        : "Your submission has \(files.count) .md files (\(names.joined(separator: ", "))); "
          + "upload only your copy of the lab, \(labFile)."
      return Self.notGraded(
        message, items: grader.maxItems(message: "not graded"),
        hiddenVisibility: grader.settings.hiddenVisibility)
    }
    let metadata =
      FileManager.default.contents(atPath: root + "/submission_metadata.json")
      .map(SubmissionMetadata.init(json:)) ?? SubmissionMetadata()
    let student = metadata.student ?? "submission"

    // A file with none of the lab's block ids is another lab or a blank file;
    // one that cannot be read is left to the grader, which says why.
    let solutionIDs = Set(grader.regions.map(\.cellID))
    if let text = try? Grader.readSubmission(file), !solutionIDs.isEmpty,
      !Self.sharesBlocks(Submission(text: text, path: file, defaultID: student), with: document)
    {
      let title = document.frontMatter.title ?? labFile
      return Self.notGraded(
        "\((file as NSString).lastPathComponent) does not look like a copy of \"\(title)\": "
          + "none of its solution cells (" + solutionIDs.sorted().joined(separator: ", ")
          + ") is in it. Upload your copy of \(labFile), keeping the cells' ids.",
        items: grader.maxItems(message: "not graded"),
        hiddenVisibility: grader.settings.hiddenVisibility)
    }

    let grade = grader.grade(path: file, studentID: student, slot: 0)
    let data = Gradebook.gradescope(grade, hiddenVisibility: grader.settings.hiddenVisibility)
    var results = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    if let submitted = metadata.submitted, let due = metadata.due {
      let days = LatePolicy.daysLate(submitted: submitted, due: due)
      if days > 0, policy.penaltyPerDay > 0 {
        let factor = policy.factor(daysLate: days)
        results["score"] = grade.score * factor
        let note = Self.lateNote(days: days, policy: policy, score: grade.score)
        results["output"] = note + "\n" + (results["output"] as? String ?? "")
      }
    }
    return results
  }

  /// Whether `submission` has any cell or answer id of `document`: when it
  /// has, it is graded as `labbook grade` grades it (a renamed solution cell
  /// is its stub, the answers still count), so both give it the same score.
  static func sharesBlocks(_ submission: Submission, with document: LabDocument) -> Bool {
    let ids = Set(document.cells.map(\.id) + document.answers.map(\.id))
    return !ids.isDisjoint(with: submission.cellLines.keys)
  }

  /// The submission to grade among `files`: the only one, else the only
  /// one named as the lab (a README beside it is no reason to refuse).
  static func pick(_ files: [String], labFile: String) -> String? {
    if files.count == 1 { return files[0] }
    let named = files.filter { ($0 as NSString).lastPathComponent == labFile }
    return named.count == 1 ? named[0] : nil
  }

  /// What the student reads about a late penalty.
  static func lateNote(days: Int, policy: LatePolicy, score: Double) -> String {
    let factor = policy.factor(daysLate: days)
    let percent = Gradebook.number(policy.penaltyPerDay * 100)
    return "Submitted \(days) day(s) late: the late policy (\(percent)% per day) leaves "
      + "\(Gradebook.number(factor * 100))% of the tests' \(Gradebook.number(score)) points, "
      + "\(Gradebook.number(score * factor))."
  }

  /// `results` with `folder` taken out of every `output`, so that students
  /// read `copy.md:14:14`, not the autograder's own folders.
  static func relativePaths(_ results: [String: Any], under folder: String) -> [String: Any] {
    var results = results
    func strip(_ value: Any?) -> Any? {
      (value as? String).map { $0.replacingOccurrences(of: folder, with: "") } ?? value
    }
    results["output"] = strip(results["output"])
    results["tests"] = (results["tests"] as? [[String: Any]])?.map { test in
      var test = test
      test["output"] = strip(test["output"])
      return test
    }
    return results
  }

  /// Results for a submission that could not be graded: every item at 0.
  static func notGraded(
    _ message: String, items: [StudentGrade.Item], hiddenVisibility: String = "hidden"
  ) -> [String: Any] {
    let tests: [[String: Any]] = items.map { item in
      [
        "name": item.name, "score": 0, "max_score": item.maxScore, "status": "failed",
        "visibility": item.hidden ? hiddenVisibility : "visible", "output": item.message,
      ]
    }
    return ["score": 0, "output": message, "tests": tests]
  }
}
