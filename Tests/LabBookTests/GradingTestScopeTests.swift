import Foundation
import Testing

@testable import LabBook

/// Test cells' declarations are local to the test when grading; `labbook
/// check` and `labbook grade` warn about later cells that use them.
@Suite struct GradingTestScopeTests {
  static let lab = """
    ```swift id=t-first test points=1
    func helper() -> Int { 1 }
    let computed = helper()
    checkEqual("one", computed, 1)
    ```

    ```swift id=uses
    print(helper())
    ```

    ```swift id=mentions
    // helper() is only named in this comment
    print("helper")
    struct Box { var helper = 0 }
    print(Box().helper, Box(helper: 2).helper)
    ```

    ```swift id=redeclares
    let computed = 5
    ```

    ```swift id=after
    print(computed)
    ```

    ```swift id=t-second test points=1
    checkEqual("two", helper() + 1, 2)
    ```

    """

  @Test func laterCellsUsingATestCellsNameAreWarnedAbout() throws {
    let warnings = TestScope.uses(in: try parseLab(Self.lab))
    // `uses` and `t-second` call helper(); `mentions` only names it in a
    // comment, a string, a member and a label; `after` reads the ordinary
    // cell's `computed`.
    #expect(warnings.count == 2)
    #expect(warnings.allSatisfy { $0.severity == .warning })
    #expect(warnings.map { $0.location?.line } == [7, 26])
    #expect(warnings.first?.message.contains("\"helper\", which test cell \"t-first\"") == true)
  }

  @Test func aLabWithoutSuchUsesHasNoWarnings() throws {
    let lab = """
      ```swift id=helpers
      func helper() -> Int { 1 }
      ```

      ```swift id=t test points=1
      let local = helper()
      checkEqual("one", local, 1)
      ```

      ```swift id=t-again test points=1
      let local = helper() + 1
      checkEqual("two", local, 2)
      ```

      """
    #expect(TestScope.uses(in: try parseLab(lab)).isEmpty)
  }

  @Test func gradingRefusesALabWhoseLaterCellUsesATestsDeclaration() throws {
    let lab = """
      ```swift id=s solution
      func f() -> Int {
        // BEGIN SOLUTION
        return 1
        // END SOLUTION
      }
      ```

      ```swift id=t test points=1
      let shared = f()
      checkEqual("f is 1", shared, 1)
      ```

      ```swift id=later
      print(shared)
      ```

      """
    let fixture = try GradingFixture(lab: lab)
    defer { fixture.remove() }
    // The same lab runs with `labbook run`; grading scopes the test.
    #expect(TestScope.uses(in: fixture.document).count == 1)
    // Calibration refuses it: `later` does not compile (`shared` not in scope).
    let error = #expect(throws: (any Error).self) { try fixture.grader() }
    let message = error.map { "\($0)" } ?? ""
    #expect(message.contains("shared"), "\(message)")
  }
}
