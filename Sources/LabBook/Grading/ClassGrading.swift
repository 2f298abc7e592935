import Dispatch
import Foundation
import Synchronization

/// Grades a class: each submission by one of `jobs` workers, results in
/// `DIR/students/ID/` (`result.json` last, as the mark of a finished
/// student), then the gradebooks made whole from those files. A rerun after
/// an interruption keeps every finished student whose submission, lab and
/// settings are unchanged (the result's `key`), so none is graded twice and
/// no row is lost or doubled. Results do not depend on `jobs`.
public struct ClassGrading: Sendable {
  /// One submission to grade.
  public struct Entry: Sendable {
    public var path: String
    public var studentID: String
    public init(path: String, studentID: String) {
      self.path = path
      self.studentID = studentID
    }
  }

  public let grader: Grader
  public let outputFolder: String
  /// Workers, 1…64 (one sandbox user each).
  public let jobs: Int

  public init(grader: Grader, outputFolder: String, jobs: Int) {
    self.grader = grader
    self.outputFolder = outputFolder
    self.jobs = min(max(1, jobs), 64)
  }

  /// The folder of the files of the submission graded as `studentID` (the
  /// id from the command line, even when the front matter names another).
  public func folder(of studentID: String) -> String {
    outputFolder + "/students/" + Self.safeName(studentID)
  }

  /// Grades `entries` (skipping finished ones), writes every file, and
  /// returns the grades sorted by student. `progress(done, total, id)` is
  /// called after each student, from the workers' threads.
  public func run(
    _ entries: [Entry], progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }
  ) throws -> [StudentGrade] {
    // SIGINT, SIGTERM, SIGHUP: every sandbox's group (its whole PID
    // namespace) is killed, workers take no more students and store nothing
    // cut short, each work folder is removed, and then the process ends by
    // the signal; a rerun resumes with the unfinished students.
    let scope = InterruptForwarding.begin(removing: nil)
    defer { scope.end() }
    try FileManager.default.createDirectory(
      atPath: outputFolder + "/students", withIntermediateDirectories: true)
    let next = Mutex(0)
    let done = Mutex(0)
    let results = Mutex<[Int: StudentGrade]>([:])
    let failures = Mutex<[String]>([])
    let workers = min(jobs, max(entries.count, 1))
    DispatchQueue.concurrentPerform(iterations: workers) { slot in
      while true {
        let index = next.withLock { value -> Int in
          defer { value += 1 }
          return value
        }
        // Interrupted (Ctrl-C, SIGTERM): take no more students.
        guard index < entries.count, !InterruptForwarding.isInterrupted else { return }
        let entry = entries[index]
        var grade: StudentGrade
        if let stored = finished(entry) {
          grade = stored
        } else {
          grade = grader.grade(path: entry.path, studentID: entry.studentID, slot: slot)
          // A grade cut short by an interruption is not stored: a rerun grades it.
          if InterruptForwarding.isInterrupted { return }
          do {
            try write(grade, folder: folder(of: entry.studentID))
          } catch {
            failures.withLock { $0.append("\(entry.studentID): \(error)") }
          }
        }
        results.withLock { $0[index] = grade }
        let count = done.withLock { value -> Int in
          value += 1
          return value
        }
        progress(count, entries.count, grade.student)
      }
    }
    if InterruptForwarding.isInterrupted {
      throw GradingError.interrupted(finished: done.withLock { $0 }, total: entries.count)
    }
    if let failure = failures.withLock({ $0.first }) {
      throw GradingError.sandbox(reason: failure)
    }
    let grades = results.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
    try writeGradebooks(grades.sorted { $0.student < $1.student })
    return grades.sorted { $0.student < $1.student }
  }

  /// The stored grade of `entry` if it was finished with the same key.
  func finished(_ entry: Entry) -> StudentGrade? {
    let path = folder(of: entry.studentID) + "/result.json"
    guard let data = FileManager.default.contents(atPath: path),
      let grade = try? RunResult.makeDecoder().decode(StudentGrade.self, from: data),
      grade.schemaVersion == StudentGrade.schemaVersion,
      let text = try? Grader.readSubmission(entry.path),
      grade.key
        == Grader.key(lab: grader.document.source, submission: text, settings: grader.settings)
    else { return nil }
    return grade
  }

  /// Writes the student's files into `folder`, `result.json` last.
  func write(_ grade: StudentGrade, folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let title = grader.document.frontMatter.title ?? Engine.labName(grader.document.path)
    let reference = grader.settings.feedbackReference ? grader.referenceCells : nil
    // What the student reads names their files, not the TA's folders.
    let shown = StudentGrade.submissionFolders(grade.submission)
      .reduce(grade) { $0.relative(to: $1) }
    let feedback = Feedback(grade: shown, title: title, reference: reference)
    try Gradebook.writeAtomically(Data(feedback.html().utf8), to: folder + "/feedback.html")
    try Gradebook.writeAtomically(
      Gradebook.gradescope(shown, hiddenVisibility: grader.settings.hiddenVisibility),
      to: folder + "/results.json")
    let encoder = RunResult.makeEncoder()
    try Gradebook.writeAtomically(try encoder.encode(grade), to: folder + "/result.json")
  }

  func writeGradebooks(_ grades: [StudentGrade]) throws {
    try Gradebook.writeAtomically(
      Data(Gradebook.csv(grades).utf8), to: outputFolder + "/grades.csv")
    let assignment = grader.document.frontMatter.title ?? Engine.labName(grader.document.path)
    try Gradebook.writeAtomically(
      Data(Gradebook.canvas(grades, assignment: assignment).utf8),
      to: outputFolder + "/canvas.csv")
  }

  /// `id` usable as a folder name: `/`, NUL and leading dots replaced.
  static func safeName(_ id: String) -> String {
    var name = String(id.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
    while name.hasPrefix(".") { name = "_" + name.dropFirst() }
    return name.isEmpty ? "_" : name
  }
}
