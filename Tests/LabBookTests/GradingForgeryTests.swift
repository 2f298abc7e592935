import Foundation
import Testing

@testable import LabBook

/// Submissions that try to pass checks for the lab's tests by changing what
/// the tests' code means (`RegionRules`) or by naming a test's lines: each
/// region that does is graded as its stub, and says why.
@Suite(.serialized) struct GradingForgeryTests {
  /// Grades one submission; returns its grade and the problems' messages.
  static func grade(
    _ fixture: GradingFixture, _ grader: Grader, _ name: String, attack: String,
    free: String = "let freeform = 0"
  ) throws -> (grade: StudentGrade, messages: [String]) {
    let entry = try fixture.submission(name, attack: attack, free: free)
    let grade = grader.grade(path: entry.path, studentID: name, slot: 0)
    return (grade, grade.problems.map(\.message))
  }

  @Test func shadowingEscapingAndNamingTheTestsLinesEarnNothing() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let grader = try fixture.grader()

    // A top-level `checkEqual` that passes whatever it is given.
    let shadow = try Self.grade(
      fixture, grader, "shadow", attack: "  return 0",
      free: "func checkEqual<T>(_ n: String, _ a: T, _ b: T) { LabKit.check(n, true) }")
    // (The stub of `free`, a top-level `let`, then stops the lab.)
    #expect(shadow.grade.score("t-attack") == 0)
    #expect(
      shadow.messages.contains {
        $0.contains("solution 1 of cell \"free\" declares \"checkEqual\", a name the lab's own")
      }, "\(shadow.messages)")

    // Closing `attack()` early to declare `checkEqual` outside it.
    let escape = try Self.grade(
      fixture, grader, "escape",
      attack: """
          return 0
        }
        func checkEqual<T>(_ n: String, _ a: T, _ b: T) { LabKit.check(n, true) }
        func unused() {
        """)
    #expect(escape.grade.score("t-attack") == 0)
    #expect(
      escape.messages.contains { $0.contains("closes a bracket it did not open") },
      "\(escape.messages)")

    // Or taken from a source-location literal.
    let literal = try Self.grade(
      fixture, grader, "literal", attack: "  let here: StaticString = #fileID\n  return 0")
    #expect(literal.grade.score("t-attack") == 0)
    #expect(literal.messages.contains { $0.contains("uses #fileID") }, "\(literal.messages)")
  }

  @Test func operatorsAndExtensionsAtTheTopLevelAreRefused() throws {
    // The test compares with `==` in its own code.
    let lab = GradingFixture.lab.replacingOccurrences(
      of: "checkEqual(\"attack answers 42\", attack(), 42)",
      with: "check(\"attack answers 42\", attack() == 42)")
    let fixture = try GradingFixture(lab: lab)
    defer { fixture.remove() }
    let grader = try fixture.grader()
    // Either would make every `==` on two Ints true, and the test pass.
    let cases = [
      ("operator", "func == (l: Int, r: Int) -> Bool { true }", "declares the operator =="),
      (
        "extension", "extension Int { static func == (l: Int, r: Int) -> Bool { true } }",
        "declares an extension"
      ),
    ]
    for (name, free, message) in cases {
      let result = try Self.grade(fixture, grader, name, attack: "  return 0", free: free)
      #expect(result.grade.score("t-attack") == 0, "\(name)")
      #expect(result.messages.contains { $0.contains(message) }, "\(name): \(result.messages)")
    }
  }

  /// The rules refuse only what could change the lab's code: helpers with
  /// new names, tuple patterns and braces inside the region are fine.
  @Test func ordinarySolutionsAreNotRefused() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let grader = try fixture.grader()
    let result = try Self.grade(
      fixture, grader, "ordinary",
      attack: """
          let parts = [40, 2].map { part in part }
          if parts.isEmpty { return 0 }
          return parts.reduce(0, +)
        """,
      free: "let (tens, ones) = (4, 2)\nfunc helper(_ n: Int) -> Int { n }\nlet freeform = 0")
    #expect(result.grade.score("t-attack") == 1)
    #expect(result.grade.score == result.grade.maxScore, "\(result.grade.items)")
    #expect(result.messages.isEmpty, "\(result.messages)")
  }

  /// Instructor code carries a file name a submission cannot spell: with a
  /// secret kept in the (hidden) program cache, so programs stay reusable.
  @Test func theLabsFileNameInAProgramHoldsAKeptSecret() throws {
    let folder = NSTemporaryDirectory() + "labbook-secret-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/a", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder + "/b", withIntermediateDirectories: true)
    let first = try Grader.secret(in: folder + "/a")
    #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))
    #expect(try Grader.secret(in: folder + "/a") == first)
    #expect(try Grader.secret(in: folder + "/b") != first)
    let mode =
      try FileManager.default.attributesOfItem(atPath: folder + "/a/tag-secret")[
        .posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  /// A hidden test that stops on the handout's stub says so (the stub's
  /// message tells nothing about the test), not just the signal.
  @Test func aHiddenTestStoppedByAStubSaysSo() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let grader = try fixture.grader()
    // The cell renamed: its solution is graded as the handout's stub.
    let path = fixture.folder + "/subs/renamed.md"
    try GradingFixture.lab.replacingOccurrences(
      of: "```swift id=good solution", with: "```swift id=goood solution"
    ).write(toFile: path, atomically: true, encoding: .utf8)
    let grade = grader.grade(path: path, studentID: "renamed", slot: 0)
    let hidden = try #require(grade.items.first { $0.id == "t-hidden" })
    #expect(hidden.score == 0)
    #expect(
      hidden.message.hasPrefix("the hidden test stopped")
        && hidden.message.contains(
          "it reached a stub (Not implemented: write solution 1 of cell \"good\""),
      "\(hidden.message)")
    #expect(!hidden.message.contains("12345"))
  }

  /// A change outside the regions (here, to a test's expected value) is
  /// not used: the feedback says so at the cell, and the score is the lab's.
  @Test func anEditOutsideTheRegionsIsPointedOut() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let grader = try fixture.grader()
    let path = fixture.folder + "/subs/edited.md"
    let text = GradingFixture.lab.replacingOccurrences(
      of: "checkEqual(\"attack answers 42\", attack(), 42)",
      with: "checkEqual(\"attack answers 42\", attack(), 41)"
    ).replacingOccurrences(of: "  return 42\n", with: "  return 41\n")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let grade = grader.grade(path: path, studentID: "edited", slot: 0)
    #expect(grade.score("t-attack") == 0)
    let fence =
      try #require(
        text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("```swift id=t-attack") }) + 1
    #expect(
      grade.problems.map(\.description) == [
        "\(path):\(fence):1: warning: cell \"t-attack\" differs from the lab outside its "
          + "solution regions; grading runs the lab's own code there, so those changes are not "
          + "used\n  hint: keep your work between the // BEGIN SOLUTION and // END SOLUTION lines"
      ])
  }

  @Test func theScanFindsTopLevelDeclarationsOnly() {
    let code = """
      let a = 1, b = f(c, d: 2)
      let (e, _) = (1, 2)
      func g(_ x: Int) -> Int { let inner = x; return inner }
      struct H { var member = 0 }
      """
    let scan = RegionRules.scan(CodeLexer.tokens(code))
    #expect(scan.names.map(\.name) == ["a", "b", "e", "g", "H"])
    #expect(scan.balanced)
    #expect(RegionRules.scan(CodeLexer.tokens("}\nfunc check() {")).unbalancedLine == 1)
    #expect(RegionRules.scan(CodeLexer.tokens("let s = \"}\"\n}")).unbalancedLine == 2)
  }
}
