import Foundation

@testable import LabBook

/// A lab for grading tests, written to a private (0700) temporary folder
/// as the instructor keeps it, with three regions: `free` (top level, for
/// imports), `attack` (the body of `attack() -> Int`, which should return
/// 42) and `good` (the body of `double(_:)`). Tests: `t-attack` needs
/// `attack`; `t-good` and the hidden `t-hidden` need `good`.
struct GradingFixture {
  let folder: String
  let labPath: String
  let document: LabDocument

  /// Expected value of the hidden test: must never reach a student.
  static let hiddenExpected = "24690"

  static let lab = """
    ---
    title: Hostile
    seed: 1
    grading:
      test-timeout: 2
      timeout: 20
      memory: 1024
      output: 1
      processes: 16
    ---

    ```swift id=free solution
    // BEGIN SOLUTION
    let freeform = 0
    // END SOLUTION
    ```

    ```swift id=attack solution
    func attack() -> Int {
      // BEGIN SOLUTION
      return 42
      // END SOLUTION
    }
    ```

    ```swift id=good solution
    func double(_ x: Int) -> Int {
      // BEGIN SOLUTION
      return 2 * x
      // END SOLUTION
    }
    ```

    ```swift id=notes instructor
    print("INSTRUCTOR-ONLY")
    ```

    ```swift id=t-attack test points=1 needs=attack
    checkEqual("attack answers 42", attack(), 42)
    ```

    ```swift id=t-good test points=1 needs=good
    checkEqual("double 21", double(21), 42)
    ```

    ```swift id=t-hidden test hidden points=1 needs=good
    checkEqual("double 12345", double(12345), 24690)
    ```

    """

  /// The lab in a private temporary folder; with `readable`, in a folder
  /// under the package's `.build` (outside /tmp) that anyone may read.
  init(lab: String = GradingFixture.lab, readable: Bool = false) throws {
    let root =
      readable ? FileManager.default.currentDirectoryPath + "/.build/" : NSTemporaryDirectory()
    folder = root + "labbook-grading-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/instructor", withIntermediateDirectories: true,
      attributes: [.posixPermissions: readable ? 0o755 : 0o700])
    chmod(folder, readable ? 0o755 : 0o700)
    labPath = folder + "/instructor/hostile.md"
    try lab.write(toFile: labPath, atomically: true, encoding: .utf8)
    chmod(labPath, readable ? 0o644 : 0o600)
    document = try LabDocument.read(path: labPath)
    try FileManager.default.createDirectory(
      atPath: folder + "/subs", withIntermediateDirectories: true)
  }

  /// A submission: the lab with the `attack` body (and optionally the
  /// `free` and `good` bodies) replaced; keys are not in it.
  func submission(
    _ name: String, attack: String, free: String = "let freeform = 0",
    good: String = "return 2 * x"
  ) throws -> ClassGrading.Entry {
    let text = Self.lab.replacingOccurrences(of: "  return 42\n", with: attack + "\n")
      .replacingOccurrences(of: "let freeform = 0\n", with: free + "\n")
      .replacingOccurrences(of: "  return 2 * x\n", with: "  " + good + "\n")
    let path = folder + "/subs/\(name).md"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return ClassGrading.Entry(path: path, studentID: name)
  }

  func grader() throws -> Grader {
    let grader = try Grader(
      document: document, toolchain: try Toolchain.locate(), sandbox: Sandbox(),
      cacheFolder: folder + "/out/.labbook/programs", hiding: [folder + "/subs"])
    try grader.calibrate()
    return grader
  }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

extension StudentGrade {
  /// The score of item `id`, or -1 when there is none.
  func score(_ id: String) -> Double { items.first { $0.id == id }?.score ?? -1 }
}
