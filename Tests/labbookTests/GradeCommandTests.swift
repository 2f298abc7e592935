import Foundation
import Testing

/// `labbook grade` as a user runs it: the built executable beside the tests.
@Suite struct GradeCommandTests {
  /// A one-solution lab: `f` returns 1; its test is worth 2 points.
  static let lab = """
    ```swift id=s solution
    func f() -> Int {
      // BEGIN SOLUTION
      return 1
      // END SOLUTION
    }
    ```

    ```swift id=t test points=2
    checkEqual("f is 1", f(), 1)
    ```

    """

  @Test func gradingWithoutSubmissionsIsAUsageError() throws {
    #expect(try labbook(["grade"]).status == 64)
    #expect(try labbook(["grade", "no-such-lab", "x.md"]).status == 64)
  }

  @Test func setIsRefusedWithAPointerToTheGradingParams() throws {
    let result = try labbook(["grade", "weight-init", "x.md", "--set", "width=8"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("params."))
  }

  @Test func gradeWritesTheGradebookAndPrintsItsPath() throws {
    let folder = NSTemporaryDirectory() + "labbook-cli-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/subs/ann", withIntermediateDirectories: true)
    let lab = Self.lab
    try lab.write(toFile: folder + "/lab.md", atomically: true, encoding: .utf8)
    try lab.write(toFile: folder + "/subs/ann/lab.md", atomically: true, encoding: .utf8)
    try lab.replacingOccurrences(of: "return 1", with: "return 2")
      .write(toFile: folder + "/subs/bob.md", atomically: true, encoding: .utf8)
    let result = try labbook([
      "grade", folder + "/lab.md", folder + "/subs", "-o", folder + "/out", "-j", "2",
    ])
    #expect(result.status == 0)
    #expect(result.stdout == folder + "/out/grades.csv\n")
    let csv = try String(contentsOfFile: folder + "/out/grades.csv", encoding: .utf8)
    #expect(csv == "student,t,total,max\nann,2,2,2\nbob,0,0,2\n")
    #expect(FileManager.default.fileExists(atPath: folder + "/out/students/ann/feedback.html"))
  }

  @Test func aTrailingSlashOnTheClassFolderKeepsStudentPathsRelative() throws {
    let folder = NSTemporaryDirectory() + "labbook-cli-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/subs", withIntermediateDirectories: true)
    let lab = Self.lab
    try lab.write(toFile: folder + "/lab.md", atomically: true, encoding: .utf8)
    // Two students, so that the folder is a class rather than one student.
    try lab.write(toFile: folder + "/subs/ann.md", atomically: true, encoding: .utf8)
    try lab.replacingOccurrences(of: "return 1", with: "return undefinedName")
      .write(toFile: folder + "/subs/bob.md", atomically: true, encoding: .utf8)
    let result = try labbook([
      "grade", folder + "/lab.md", folder + "/subs/", "-o", folder + "/out", "-j", "1",
    ])
    #expect(result.status == 0)
    let feedback = try String(
      contentsOfFile: folder + "/out/students/bob/feedback.html", encoding: .utf8)
    #expect(feedback.contains("bob.md:4:"), "the compile error names bob.md's line")
    #expect(!feedback.contains("/bob.md"), "no folder, not even a bare slash, before the name")
  }

  /// A TA's class: a front matter naming another student, a student folder
  /// with a notes file given directly, a script and an empty file.
  @Test func idsComeFromFilesAndFoldersAndUnusableFilesAreReported() throws {
    let folder = NSTemporaryDirectory() + "labbook-cli-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/subs/kim", withIntermediateDirectories: true)
    let lab = Self.lab
    func write(_ text: String, _ path: String) throws {
      try text.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8)
    }
    try write(lab, "lab.md")
    try write("---\nstudent: zoe\n---\n" + lab, "subs/aaron.md")
    try write(lab.replacingOccurrences(of: "return 1", with: "return 2"), "subs/zoe.md")
    try write(lab, "subs/kim/lab.md")
    try write("my notes", "subs/kim/notes.txt")
    try write("print(1)\n", "subs/gen.py")
    try write("", "subs/empty.md")
    let subs = ["aaron.md", "zoe.md", "kim", "gen.py", "empty.md"].map { folder + "/subs/" + $0 }
    let result = try labbook(
      ["grade", folder + "/lab.md"] + subs + ["-o", folder + "/out"])
    #expect(result.status == 0)
    let csv = try String(contentsOfFile: folder + "/out/grades.csv", encoding: .utf8)
    #expect(csv == "student,t,total,max\naaron,2,2,2\nempty,0,0,2\nkim,2,2,2\nzoe,0,0,2\n")
    #expect(result.stderr.contains("gen.py is not a .md file"))
    #expect(result.stderr.contains("names student zoe in its front matter"))
    #expect(result.stderr.contains("empty: cannot read the submission"))
    #expect(result.stderr.contains("1 submission(s) name another student"))
    let json = try String(
      contentsOfFile: folder + "/out/students/empty/result.json", encoding: .utf8)
    #expect(json.contains("empty file"))
    // What the student reads names their file, not the TA's folders.
    let results = try String(
      contentsOfFile: folder + "/out/students/aaron/results.json", encoding: .utf8)
    #expect(results.contains("aaron.md:1:1: warning"))
    #expect(!results.contains(folder))
  }

  /// Two zoe.md in different folders, and a student really named zoe-2.
  @Test func clashingIdsStayDistinctAndTheWarningNamesBothFiles() throws {
    let folder = NSTemporaryDirectory() + "labbook-cli-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for sub in ["a", "b"] {
      try FileManager.default.createDirectory(
        atPath: folder + "/" + sub, withIntermediateDirectories: true)
    }
    let lab = Self.lab
    let wrong = lab.replacingOccurrences(of: "return 1", with: "return 2")
    try lab.write(toFile: folder + "/lab.md", atomically: true, encoding: .utf8)
    try lab.write(toFile: folder + "/a/zoe.md", atomically: true, encoding: .utf8)
    try wrong.write(toFile: folder + "/b/zoe.md", atomically: true, encoding: .utf8)
    try lab.write(toFile: folder + "/a/zoe-2.md", atomically: true, encoding: .utf8)
    let result = try labbook([
      "grade", folder + "/lab.md", folder + "/a/zoe.md", folder + "/b/zoe.md",
      folder + "/a/zoe-2.md", "-o", folder + "/out",
    ])
    #expect(result.status == 0)
    let csv = try String(contentsOfFile: folder + "/out/grades.csv", encoding: .utf8)
    #expect(csv == "student,t,total,max\nzoe,2,2,2\nzoe-2,2,2,2\nzoe-3,0,0,2\n")
    #expect(
      result.stderr.contains(
        "\(folder)/b/zoe.md and \(folder)/a/zoe.md are both student zoe; the second is "
          + "graded as zoe-3"))
  }
}
