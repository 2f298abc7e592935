import Foundation
import Testing

/// Mistakes a lab's author makes, reported through the real `labbook run`
/// at the place in the lab that needs the fix.
@Suite struct AuthorErrorTests {
  @Test func useOfALaterCellsVariableIsAnErrorAtTheUse() throws {
    // A `Tensor` read before its cell ran crashed the program; an `Int` read 0.
    let folder = try temporaryLab(
      "later",
      """
      ---
      title: Later
      ---

      ```swift id=first
      print(later * 2, w.sum())
      ```

      ```swift id=second
      let later = 21
      let w = Tensor.ones([3])
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "later"], in: folder)
    #expect(result.status == 1)
    // `print(` is 6 bytes: `later` starts in column 7 of line 6, `w` in 18.
    #expect(
      result.stderr.contains(
        "labs/later.md:6:7: error: cell 'first' uses \"later\", which is declared only further "
          + "down, in cell 'second' (labs/later.md:10:5)"), "\(result.stderr)")
    #expect(result.stderr.contains("labs/later.md:6:18: error: cell 'first' uses \"w\""))
    #expect(result.stderr.contains("hint: cells run top to bottom"))
    #expect(!result.stderr.contains("SIGSEGV"))
  }

  @Test func uncaughtTopLevelErrorIsReportedAtItsTry() throws {
    let folder = try temporaryLab(
      "missing",
      """
      ```swift id=load
      print("loading")
      let d = try Dataset(csvAt: labPath("data/nothere.csv"))
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "missing"], in: folder)
    #expect(result.status == 1)
    // Line 3 holds the only `try`; `let d = ` is 8 bytes.
    #expect(
      result.stderr.contains("labs/missing.md:3:9: error: cell 'load': an error was thrown"),
      "\(result.stderr)")
    #expect(result.stderr.contains("nothere.csv"))
  }

  @Test func failureWithoutAKnownStatementNamesTheCellsLines() throws {
    let folder = try temporaryLab(
      "mem",
      """
      ---
      memory: 256M
      ---

      ```swift id=big
      let big = Tensor.zeros([20000, 20000])
      print(big.count)
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "mem"], in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("labs/mem.md:5:1: error: cell 'big' (lines 6–7): the lab used more"),
      "\(result.stderr)")
  }

  @Test func aCrashInAClosureOnItsOwnLineIsNamedOnce() throws {
    let folder = try temporaryLab(
      "stub",
      """
      ```swift id=stub
      let k: Double = { fatalError("Not implemented") }()
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "stub"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("labs/stub.md:2:"), "\(result.stderr)")
    #expect(!result.stderr.contains("called from"), "\(result.stderr)")
  }

  @Test func missingValueAfterAFailedBuildBlamesTheBuildNotTheRecording() throws {
    let folder = try temporaryLab(
      "nobuild",
      """
      ```swift id=setup
      record("train size", 60)
      print(undefinedName)
      ```

      We train on {{train size}} points.
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "nobuild"], in: folder)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "labs/nobuild.md:6:13: warning: {{train size}} has no value: the lab did not build"),
      "\(result.stderr)")
    #expect(!result.stderr.contains("call record("))
  }

  @Test func aFolderHoldingTheLabNamedAfterItIsTheLab() throws {
    let folder = try temporaryLab("plain", "```swift\nprint(1)\n```\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let labs = folder.appendingPathComponent("labs")
    try FileManager.default.createDirectory(
      at: labs.appendingPathComponent("mylab"), withIntermediateDirectories: true)
    try "# Mine\n\n```swift\nprint(2)\n```\n".write(
      to: labs.appendingPathComponent("mylab/mylab.md"), atomically: true, encoding: .utf8)
    for lab in ["labs/mylab", "labs/mylab/", "mylab"] {
      let result = try labbook(["run", lab], in: folder)
      #expect(result.status == 0, "\(lab): \(result.stderr)")
      #expect(result.stdout == "out/mylab.html\n", "\(lab)")
    }
    let list = try labbook(["list"], in: folder)
    #expect(list.stdout.contains("mylab\t(untitled)\t1 cell\tlabs/mylab/mylab.md\n"))
    #expect(list.stdout.contains("plain\t"))
  }

  @Test func aFolderWithoutItsLabListsTheFilesItHolds() throws {
    let folder = try temporaryLab("plain", "```swift\nprint(1)\n```\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let course = folder.appendingPathComponent("labs/course")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    for name in ["b.md", "a.md", "notes.txt"] {
      try "x\n".write(to: course.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    for lab in ["labs/course", "course"] {
      let result = try labbook(["run", lab], in: folder)
      #expect(result.status == 1, "\(lab)")
      #expect(
        result.stderr.contains(
          "labs/course is a folder, and it holds no lab named after it "
            + "(labs/course/course.md); its .md files: a.md, b.md"), "\(result.stderr)")
      #expect(result.stderr.contains("hint: run one of them (`labbook run labs/course/a.md`)"))
    }
    let nowhere = try labbook(["run", "labs/nothere"], in: folder)
    #expect(nowhere.stderr.contains("no such file or folder: labs/nothere"))
  }

  @Test func frontMatterTyposAreWarnedOnTheConsole() throws {
    let folder = try temporaryLab(
      "typo",
      """
      ---
      titel: Typos
      param:
        lr: 0.1
      ---

      ```swift id=a
      let lr = param("lr", default: 0.5)
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "typo"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("hint: did you mean \"title\"?"), "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "labs/typo.md:8:10: warning: param \"lr\" is not declared under the front matter's "
          + "`params:`"), "\(result.stderr)")
    #expect(result.stderr.contains("\"param:\" on line 3 is not \"params:\""))
  }

  @Test func booleanSetTakesOnlyTrueOrFalse() throws {
    let folder = try temporaryLab(
      "flags",
      """
      ---
      params:
        use_dropout: true
      ---

      ```swift
      print(param("use_dropout", default: true))
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    for value in ["yes", "1", "on"] {
      let result = try labbook(["run", "flags", "--set", "use_dropout=\(value)"], in: folder)
      #expect(result.status == 64, "\(value)")
      #expect(result.stderr.contains("\"\(value)\" is not a boolean"), "\(result.stderr)")
      #expect(result.stderr.contains("`--set use_dropout=false`"))
    }
    let accepted = try labbook(["run", "flags", "--set", "use_dropout=false"], in: folder)
    #expect(accepted.status == 0, "\(accepted.stderr)")
  }
}
