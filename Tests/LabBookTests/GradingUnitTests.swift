import Foundation
import Testing

@testable import LabBook

@Suite struct GradingSubmissionTests {
  @Test func regionsAreTakenByCellIDAndIndexWithTheirOwnLines() {
    let text = """
      # Lab

      ```swift id=a solution
      func f() -> Int {
        // BEGIN SOLUTION
        return 1
        // END SOLUTION
      }
      // BEGIN SOLUTION
      let x = 2
      let y = 3
      // END SOLUTION
      ```
      """
    let submission = Submission(text: text, path: "alice.md", defaultID: "alice")
    let regions = submission.regions["a"] ?? []
    #expect(regions.map(\.code) == ["  return 1", "let x = 2\nlet y = 3"])
    // Line 6 is `  return 1`; line 10 is `let x = 2`.
    #expect(regions.map(\.line) == [6, 10])
    #expect(submission.problems.isEmpty)
  }

  @Test func aDuplicatedCellIsReportedByLineAndTheFirstCounts() {
    let text = """
      ```swift id=a solution
      // BEGIN SOLUTION
      first
      // END SOLUTION
      ```

      ```swift id=a solution
      // BEGIN SOLUTION
      second
      // END SOLUTION
      ```
      """
    let submission = Submission(text: text, path: "bob.md", defaultID: "bob")
    #expect(submission.regions["a"]?.map(\.code) == ["first"])
    #expect(submission.problems.count == 1)
    #expect(submission.problems.first?.location?.line == 7)
    #expect(submission.problems.first?.message.contains("line 1") == true)
  }

  @Test func anUnclosedRegionIsLeftOutAndReported() {
    let text = "```swift id=a\n// BEGIN SOLUTION\nlet x = 1\n```\n"
    let submission = Submission(text: text, path: "c.md", defaultID: "c")
    #expect(submission.regions["a"] == [])
    #expect(submission.problems.first?.location?.line == 2)
  }

  @Test func theFrontMatterStudentIsReportedButNeverReplacesTheGivenID() {
    let text = """
      ---
      student: "dana.k"
      ---

      ```answer id=q1 choice
      B
      key: A
      ```
      """
    let submission = Submission(text: text, path: "x/lab.md", defaultID: "x")
    #expect(submission.studentID == "x")
    #expect(submission.declaredStudent == "dana.k")
    #expect(submission.answers["q1"] == "B")
  }

  @Test func tildeFencesAndIndentedFencesAreCells() {
    let text = "  ~~~~swift id=t\n  // BEGIN SOLUTION\n  let a = 1\n  // END SOLUTION\n  ~~~~\n"
    let submission = Submission(text: text, path: "t.md", defaultID: "t")
    #expect(submission.regions["t"]?.map(\.code) == ["let a = 1"])
  }
}

@Suite struct GradingAnswerTests {
  func answer(_ kind: AnswerBlock.Kind, key: String?, tolerance: Double? = nil) -> AnswerBlock {
    AnswerBlock(
      id: "q", kind: kind, response: "", key: key, tolerance: tolerance, points: 2,
      location: SourceLocation(file: "lab.md", line: 1))
  }

  @Test func choicesCompareTheSetOfLetters() {
    let items = AnswerGrading.items(
      [answer(.choice, key: "A, C")], responses: ["q": "c,a"])
    #expect(items.first?.score == 2)
    let wrong = AnswerGrading.items([answer(.choice, key: "A, C")], responses: ["q": "A"])
    #expect(wrong.first?.score == 0)
  }

  @Test func commonWaysOfWritingAChoiceLetterAreAccepted() {
    let key = answer(.choice, key: "B")
    for response in ["B", "(B)", "B.", "B)", "B) 1/2", "Answer: B", " b ", "answer b", "B: Xavier"]
    {
      let item = AnswerGrading.items([key], responses: ["q": response]).first
      #expect(item?.score == 2, "response \(response)")
    }
    #expect(AnswerGrading.items([key], responses: ["q": "(C)"]).first?.score == 0)
  }

  @Test func severalLettersMatchInAnyOrderWithAnySeparator() {
    let key = answer(.choice, key: "A, B, D")
    for response in ["D, B, A", "a b d", "(A) (B) (D)", "B; D; A", "A and B and D", "A/B/D"] {
      let item = AnswerGrading.items([key], responses: ["q": response]).first
      #expect(item?.score == 2, "response \(response)")
    }
    #expect(AnswerGrading.items([key], responses: ["q": "A, B"]).first?.score == 0)
  }

  @Test func anUnreadableChoiceSaysWhatFormToUse() {
    let item = AnswerGrading.items([answer(.choice, key: "B")], responses: ["q": "1/2"]).first
    #expect(item?.score == 0)
    #expect(item?.message.contains("write the letter of your choice, e.g. X") == true)
    #expect(item?.message.contains("not the answer") == false)
  }

  @Test func numbersPassWithinTheTolerance() {
    // |2.31 − 2.302585| = 0.0074 ≤ 0.01; |2.32 − 2.302585| = 0.0174 > 0.01.
    let key = answer(.number, key: "2.302585", tolerance: 0.01)
    #expect(AnswerGrading.items([key], responses: ["q": "2.31"]).first?.score == 2)
    #expect(AnswerGrading.items([key], responses: ["q": "2.32"]).first?.score == 0)
    #expect(AnswerGrading.items([key], responses: ["q": "nan"]).first?.score == 0)
  }

  @Test func textAnswersAreLeftForAPersonAndMissingOnesScoreZero() {
    let items = AnswerGrading.items([answer(.text, key: "why")], responses: ["q": "because"])
    #expect(items.first?.status == .manual)
    let missing = AnswerGrading.items([answer(.text, key: "why")], responses: [:])
    #expect(missing.first?.status == .failed)
  }
}

@Suite struct GradingPathTests {
  @Test func theSubmissionFolderIsTakenOutOfWhatTheStudentReads() {
    var grade = StudentGrade(student: "ann", submission: "/srv/c/ann/lab.md", key: "")
    grade.items = [
      StudentGrade.Item(
        id: "t", name: "t", kind: "test", hidden: false, score: 0, maxScore: 1,
        status: .failed, message: "crashed at /srv/c/ann/lab.md:3:1",
        location: SourceLocation(file: "/srv/c/ann/lab.md", line: 3))
    ]
    grade.problems = [
      Diagnostic(.warning, at: SourceLocation(file: "/srv/c/ann/lab.md", line: 1), "odd")
    ]
    let shown = grade.relative(to: "/srv/c/ann/")
    #expect(shown.items.first?.message == "crashed at lab.md:3:1")
    #expect(shown.items.first?.location?.file == "lab.md")
    #expect(shown.problems.first?.description == "lab.md:1:1: warning: odd")
  }
}

@Suite struct GradingCrashSiteTests {
  @Test func returnAddressesInTheProgramBecomeOffsetsIntoIt() {
    let report = """
      *** Program crashed: Illegal instruction at 0x00007f0dc896df7f ***
      Thread 0 "lab" crashed:

      0      0x00007f0dc896df7f
      1 [ra] 0x000055fcf758ed54
      2 [ra] 0x000055fcf75958a8
      3      ...

      Images (18 omitted):

      0x000055fcf7589000–0x000055fcf7599f00 5928 lab  /tmp/labbook-grade-x/lab
      0x00007f0dc8800000–0x00007f0dc8dd2d40 b521 libswiftCore.so  /opt/libswiftCore.so
      """
    // 0x55fcf758ed54 − 1 − 0x55fcf7589000 = 0x5d53; 0x55fcf75958a8 − 1 − base = 0xc8a7.
    #expect(CrashSite.offsets(inReport: report, imageName: "lab") == [0x5d53, 0xc8a7])
  }

  @Test func theFirstPlaceInTheSubmissionIsTheCrashSite() {
    let output = """
      $s6LabKit6TensorV
      /<compiler-generated>:0:0

      $s10LabProgram1fyS2iF
      /srv/c/ann.md:236:15

      main
      /tmp/build/LAB.lab.md:253:44
      """
    let site = CrashSite.location(inSymbolizerOutput: output, file: "/srv/c/ann.md")
    #expect(site == SourceLocation(file: "/srv/c/ann.md", line: 236, column: 15))
    #expect(CrashSite.location(inSymbolizerOutput: output, file: "/srv/c/bob.md") == nil)
  }

  @Test func aRelativeSubmissionPathMatchesTheFolderSwiftcCompiledIn() {
    // swiftc records `#sourceLocation(file: "subs/ann.md")` under its
    // working folder; the lab's tag likewise.
    let output = """
      $s10LabProgram1fyS2iF
      /tmp/labbook-grade-x/build/subs/ann.md:66:31

      main
      /tmp/labbook-grade-x/build/LAB.lab.md:89:15

      main
      /tmp/labbook-grade-x/build/other/subs/ann.md.bak:3:1
      """
    let frames = CrashSite.locations(
      inSymbolizerOutput: output, files: ["subs/ann.md", "LAB.lab.md"])
    #expect(
      frames == [
        SourceLocation(file: "subs/ann.md", line: 66, column: 31),
        SourceLocation(file: "LAB.lab.md", line: 89, column: 15),
        SourceLocation(file: "/tmp/labbook-grade-x/build/other/subs/ann.md.bak", line: 3),
      ])
    // An absolute path must match exactly, not as a suffix.
    #expect(
      CrashSite.location(inSymbolizerOutput: output, file: "/build/subs/ann.md") == nil)
  }

  @Test func internalPlacesAreDroppedFromErrorText() {
    #expect(Attempt.plain("LabProgram/LAB.x.md:244: Fatal error: boom") == "Fatal error: boom")
    #expect(Attempt.plain("stopped: the cell ran past its limit") == "the cell ran past its limit")
  }
}

@Suite struct GradingRenamedCellTests {
  /// `labbook grade` grades a copy whose solution cell was renamed (stub,
  /// answers count); the Gradescope run must grade it too, not refuse it.
  @Test func aCopyWithARenamedSolutionCellIsStillGradedOnGradescope() throws {
    let lab = """
      ```swift id=s solution
      // BEGIN SOLUTION
      let x = 1
      // END SOLUTION
      ```

      ```answer id=q choice points=1
      key: B
      ```

      """
    let document = try LabDocument.parse(lab, path: "lab.md")
    let renamed = Submission(
      text: lab.replacingOccurrences(of: "id=s", with: "id=mine"), path: "a.md",
      defaultID: "a")
    #expect(GradescopeAutograder.sharesBlocks(renamed, with: document))
    let other = Submission(text: "```swift id=other\nprint(1)\n```\n", path: "b.md", defaultID: "b")
    #expect(!GradescopeAutograder.sharesBlocks(other, with: document))
  }
}

@Suite struct SandboxUserTests {
  @Test func blocksHoldingAnExistingIDAreSkipped() {
    // Every even-numbered block holds a taken id (its 10th).
    let taken: (UInt32) -> Bool = { id in
      let offset = id - Sandbox.baseUID
      return offset / 64 % 2 == 0 && offset % 64 == 9
    }
    for _ in 0..<4 {
      let block = Sandbox.userBlock(isTaken: taken)
      #expect((block - Sandbox.baseUID) % 64 == 0)
      #expect((block - Sandbox.baseUID) / 64 % 2 == 1)
      #expect(!(block..<block + 64).contains(where: taken))
    }
  }

  @Test func theOnlyFreeBlockIsFound() {
    let free = Sandbox.baseUID + 1234 * 64
    let block = Sandbox.userBlock { !(free..<free + 64).contains($0) }
    #expect(block == free)
  }

  @Test func rootIsAnExistingUser() {
    #expect(Sandbox.idIsTaken(0))
  }
}

@Suite struct GradingChannelTests {
  @Test func onlyLinesCarryingTheNonceAreKept() {
    let nonce = "00ff"
    let events = """
      {"e":"check","out":0,"err":0}
      {"e":"begin","i":0,"id":"a","out":0,"err":0,"n":"00ff"}
      {"e":"check","out":0,"err":0,"n":"00fe"}
      garbage{"e":"end","i":0,"out":0,"err":0,"n":"00ff"}

      """
    let kept = String(
      decoding: TestWatcher.genuine(Data(events.utf8), nonce: nonce), as: UTF8.self)
    let lines = kept.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains("\"n\":\"00ff\"") })
  }

  @Test func aTestRunningPastItsLimitIsStopped() {
    var watcher = TestWatcher(nonce: "n1", testPositions: [1], limit: 0)
    let begin = "{\"e\":\"begin\",\"i\":1,\"id\":\"t\",\"out\":0,\"err\":0,\"n\":\"n1\"}\n"
    #expect(watcher.read(Data(begin.utf8)) == .stop)
    var other = TestWatcher(nonce: "n1", testPositions: [2], limit: 0)
    #expect(other.read(Data(begin.utf8)) == .keepRunning)
  }
}

@Suite struct GradingSettingsTests {
  @Test func keysAreReadAndParamsOverrideForGrading() {
    let settings = GradingSettings(
      ["test-timeout": "2.5", "memory": "512", "params.width": "256"], labTimeout: 900)
    #expect(settings.testTimeout == 2.5)
    #expect(settings.memoryMiB == 512)
    #expect(settings.params == ["width": "256"])
    // The lab's timeout is capped at 300 s for grading.
    #expect(settings.timeout == 300)
    #expect(settings.runLimits.memoryBytes == 512 << 20)
  }

  @Test func aBadValueIsReportedWithItsKey() {
    let settings = GradingSettings(
      ["timeout": "-1", "hidden-visibility": "never"], labTimeout: nil)
    #expect(settings.problems.count == 2)
    #expect(settings.problems.contains { $0.contains("timeout is \"-1\"") })
    #expect(settings.timeout == 120)
  }
}

@Suite struct GradebookTests {
  func grade(_ student: String, _ scores: [(String, Double, Double)]) -> StudentGrade {
    var grade = StudentGrade(student: student, submission: student + ".md", key: "k")
    grade.items = scores.map {
      StudentGrade.Item(
        id: $0.0, name: $0.0, kind: "test", hidden: $0.0 == "h", score: $0.1, maxScore: $0.2,
        status: $0.1 == $0.2 ? .passed : .failed, message: $0.1 == $0.2 ? "" : "lost")
    }
    return grade
  }

  @Test func gradesCSVHasARowPerStudentAndAColumnPerTest() {
    let csv = Gradebook.csv([
      grade("zoe", [("a", 1, 1), ("b", 0.5, 2)]), grade("=cmd", [("a", 0, 1), ("b", 2, 2)]),
    ])
    #expect(
      csv == "student,a,b,total,max\n'=cmd,0,2,2,3\nzoe,1,0.5,1.5,3\n")
  }

  @Test func canvasCSVHasThePointsPossibleRow() {
    let csv = Gradebook.canvas([grade("ann", [("a", 1, 2)])], assignment: "Lab, one")
    let lines = csv.split(separator: "\n")
    #expect(lines[0] == "Student,ID,SIS User ID,SIS Login ID,Section,\"Lab, one (2)\"")
    #expect(lines[1] == "Points Possible,,,,,2")
    #expect(lines[2] == ",,,ann,,1")
  }

  @Test func gradescopeResultsCarryTheRequiredFields() throws {
    let data = Gradebook.gradescope(
      grade("ann", [("a", 1, 1), ("h", 0, 2)]), hiddenVisibility: "after_published")
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["score"] as? Double == 1)
    #expect(object["execution_time"] != nil)
    let tests = try #require(object["tests"] as? [[String: Any]])
    #expect(tests.count == 2)
    for test in tests {
      for key in ["name", "score", "max_score", "status", "visibility", "output"] {
        #expect(test[key] != nil, "missing \(key)")
      }
    }
    #expect(tests[1]["visibility"] as? String == "after_published")
    #expect(tests[1]["status"] as? String == "failed")
  }

  @Test func feedbackEscapesWhatTheStudentWrote() {
    var grade = grade("<script>", [("a", 0, 1)])
    grade.cells = [
      CellResult(id: "c", status: .ok, outputs: [.text(stream: .stdout, text: "<b>hi</b>")])
    ]
    let html = Feedback(grade: grade, title: "Lab").html()
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>hi"))
    #expect(html.contains("&lt;b&gt;hi&lt;/b&gt;"))
  }
}
