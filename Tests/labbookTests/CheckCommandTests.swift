import Foundation
import Testing

/// `labbook check` refuses every lab that `labbook grade` would refuse, and
/// what would show broken in the student's handout.
@Suite struct CheckCommandTests {
  /// `HandoutCommandTests.cleanLab` with a misspelt `needs=`, a cell that
  /// uses a test's declaration, and a `{{name}}` no cell records.
  static let faultyLab = HandoutCommandTests.cleanLab
    .replacingOccurrences(
      of: "```swift id=hidden test hidden", with: "```swift id=hidden test hidden needs=meen"
    )
    .replacingOccurrences(
      of: "checkClose(\"mean of 1, 2, 3\", mean([1, 2, 3]), 2)\n```\n",
      with: "let expected = 2.0\ncheckClose(\"mean of 1, 2, 3\", mean([1, 2, 3]), expected)\n"
        + "```\n\n```swift id=later\nprint(expected)\n```\n"
    )
    .replacingOccurrences(of: "What does the mean do?", with: "It is {{mystery}}. Why?")

  /// The 1-based line of `faultyLab` that starts with `prefix`.
  static func line(_ prefix: String) throws -> Int {
    let lines = faultyLab.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
  }

  @Test func checkFailsOnEveryRuleGradeChecksAndOnUnrecordedValues() throws {
    let folder = try HandoutCommandTests.labFolder("faulty", Self.faultyLab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["check", "faulty"], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let hidden = try Self.line("```swift id=hidden")
    #expect(
      result.stderr.contains(
        "labs/faulty.md:\(hidden):1: error: test \"hidden\" needs \"meen\", which is not a "
          + "solution cell\n  hint: did you mean \"mean\"? name solution cells' ids: needs=mean"),
      "\(result.stderr)")
    let later = try Self.line("```swift id=later")
    #expect(
      result.stderr.contains(
        "labs/faulty.md:\(later):1: error: cell \"later\" uses \"expected\", which test cell "
          + "\"visible\" declares"), "\(result.stderr)")
    let prose = try Self.line("It is {{mystery}}")
    #expect(
      result.stderr.contains(
        "labs/faulty.md:\(prose):7: error: {{mystery}} has no recorded value"),
      "\(result.stderr)")
    #expect(result.stderr.contains("labs/faulty.md: 3 problems"), "\(result.stderr)")
  }

  @Test func gradeRefusesTheMisspeltNeedsWithTheSameMessage() throws {
    let lab = HandoutCommandTests.cleanLab.replacingOccurrences(
      of: "```swift id=hidden test hidden", with: "```swift id=hidden test hidden needs=meen")
    let folder = try HandoutCommandTests.labFolder("needs", lab)
    defer { try? FileManager.default.removeItem(at: folder) }
    try lab.write(
      to: folder.appendingPathComponent("alice.md"), atomically: true, encoding: .utf8)
    let message =
      "error: test \"hidden\" needs \"meen\", which is not a solution cell\n"
      + "  hint: did you mean \"mean\"? name solution cells' ids: needs=mean"
    let check = try labbook(["check", "needs"], in: folder)
    #expect(check.status == 1)
    #expect(check.stderr.contains(message), "\(check.stderr)")
    let grade = try labbook(["grade", "needs", "alice.md"], in: folder)
    #expect(grade.status == 1)
    #expect(grade.stderr.contains(message), "\(grade.stderr)")
  }

  /// `run` only warns about an unknown attribute; before a release a
  /// misspelt `hidden` would hand the test to the students.
  @Test func aWarningReadingTheLabIsAProblem() throws {
    let lab = HandoutCommandTests.cleanLab.replacingOccurrences(
      of: "```swift id=hidden test hidden", with: "```swift id=hidden test hiden")
    let folder = try HandoutCommandTests.labFolder("typo", lab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["check", "typo"], in: folder)
    #expect(result.status == 1)
    let fence =
      try #require(
        lab.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.hasPrefix("```swift id=hidden")
        }) + 1
    #expect(
      result.stderr.contains("labs/typo.md:\(fence):")
        && result.stderr.contains("unknown cell attribute \"hiden\""), "\(result.stderr)")
  }

  @Test func parameterInProseNeedsNoRecordedValue() throws {
    let lab = HandoutCommandTests.cleanLab
      .replacingOccurrences(of: "title: Means\n", with: "title: Means\nparams:\n  count: 3\n")
      .replacingOccurrences(
        of: "Write the mean of a list of numbers.", with: "Write the mean of {{count}} numbers.")
    let folder = try HandoutCommandTests.labFolder("params", lab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["check", "params"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("{{count}}"), "\(result.stderr)")
  }
}
