import Foundation
import Testing

@testable import LabBook

/// The examples in docs/lab-format.md must read as the guide says they do.
@Suite struct DocumentFormatGuideTests {
  /// The body of the first ````markdown block after `heading` in the guide.
  private func example(after heading: String) throws -> String {
    let guide = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/lab-format.md")
    let text = try String(contentsOf: guide, encoding: .utf8)
    let section = try #require(text.range(of: heading)).upperBound
    let open = try #require(text.range(of: "````markdown\n", range: section..<text.endIndex))
    let close = try #require(text.range(of: "\n````\n", range: open.upperBound..<text.endIndex))
    return String(text[open.upperBound..<close.lowerBound]) + "\n"
  }

  @Test func exampleLabReadsWithoutWarnings() throws {
    let document = try parseLab(try example(after: "## An example lab"))
    #expect(document.warnings.isEmpty)
    #expect(document.frontMatter.title == "Weight initialisation")
    #expect(document.frontMatter.param("width") == .int(512))
    #expect(document.cells.map(\.id) == ["small-std", "kaiming", "kaiming-test"])
    #expect(document.cells[2].isTest && document.cells[2].isHidden)
    #expect(document.cells[2].points == 2)
    #expect(document.answers.map(\.id) == ["why"])
  }

  @Test func answerExamplesReadAsDescribed() throws {
    let document = try parseLab(try example(after: "## Answer blocks"))
    let answers = document.answers
    #expect(answers.map(\.kind) == [.choice, .number, .text])
    #expect(answers[0].key == "B" && answers[0].response.isEmpty)
    #expect(answers[1].key == "2.302585" && answers[1].tolerance == 0.01)
    #expect(answers[2].response == "Explain why all-zero weights fail.")
    #expect(answers[2].key?.hasPrefix("every hidden unit") == true)
  }
}
