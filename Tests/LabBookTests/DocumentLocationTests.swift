import Testing

@testable import LabBook

@Suite struct DocumentLocationTests {
  @Test func codePositionsMapToFileColumnsUnderAnIndentedFence() throws {
    // Fence indented 2; line 2 lost 2 spaces, line 3 lost 1 (it had only one).
    let source = "  ```swift\n    let a = 1\n b\n  ```\n"
    let document = try parseLab(source)
    let cell = try #require(document.cells.first)
    #expect(cell.code == "  let a = 1\nb\n")
    // "let" is at column 3 of the code's first line and column 5 of file line 2.
    #expect(document.sourceLocation(in: cell, line: 1, column: 3).description == "lab.md:2:5")
    #expect(document.sourceLocation(in: cell, line: 2, column: 1).description == "lab.md:3:2")
  }

  @Test func codePositionsUnderAnUnindentedFenceAreUnchanged() throws {
    let document = try parseLab("text\n```swift\nlet a = 1\n```\n")
    let cell = try #require(document.cells.first)
    #expect(document.sourceLocation(in: cell, line: 1, column: 5).description == "lab.md:3:5")
  }

  @Test func frontMatterIsFoundAfterAByteOrderMark() throws {
    let document = try parseLab("\u{FEFF}---\ntitle: T\n---\n```swift\nx\n```\n")
    #expect(document.frontMatter.title == "T")
    #expect(document.cells.first?.fenceLocation.line == 4)
  }

  @Test func tabsInCodeAreKeptUnderAnUnindentedFence() throws {
    let document = try parseLab("```swift\n\tlet x = 1\n```\n")
    let cell = try #require(document.cells.first)
    #expect(cell.code == "\tlet x = 1\n")
    // swiftc counts the tab as one column, so "let" is at column 2 in both.
    #expect(document.sourceLocation(in: cell, line: 1, column: 2).description == "lab.md:2:2")
  }

  @Test func errorsListEveryDiagnosticInFileOrder() {
    let source = "```swift bogus\nx\n```\n\n```swift id=bad!\ny\n```\n"
    do {
      _ = try LabDocument.parse(source, path: "labs/x.md")
      Issue.record("expected a LabError")
    } catch {
      #expect(error.diagnostics.map(\.severity) == [.warning, .error])
      let lines = error.description.split(separator: "\n")
      #expect(lines.first?.hasPrefix("labs/x.md:1:10: warning: unknown cell attribute") == true)
      #expect(lines.contains { $0.hasPrefix("labs/x.md:5:10: error: cell id \"bad!\"") })
      #expect(lines.contains { $0.hasPrefix("  hint: ") })
    }
  }
}
