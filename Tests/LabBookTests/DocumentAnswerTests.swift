import Testing

@testable import LabBook

@Suite struct DocumentAnswerTests {
  @Test func choiceAnswerSeparatesResponseFromKey() throws {
    let source = """
      Which init keeps tanh activations stable?

      ```answer id=q1 choice points=1
      B
      key: B
      ```
      """
    let answer = try #require(try parseLab(source).answers.first)
    #expect(answer.id == "q1")
    #expect(answer.kind == .choice)
    #expect(answer.response == "B")
    #expect(answer.key == "B")
    #expect(answer.points == 1)
    #expect(answer.tolerance == nil)
    #expect(answer.location == SourceLocation(file: "lab.md", line: 3))
  }

  @Test func numberAnswerReadsKeyAndTolerance() throws {
    let source = "```answer number id=ln10\n2.30\n  key: 2.302585\ntolerance: 0.01\n```\n"
    let answer = try #require(try parseLab(source).answers.first)
    #expect(answer.kind == .number)
    #expect(answer.response == "2.30")
    #expect(answer.key == "2.302585")
    #expect(answer.tolerance == 0.01)
  }

  @Test func textIsTheDefaultKindAndResponsesKeepTheirLines() throws {
    let source = "```answer\n\nAll hidden units\nget the same gradient.\n\n```\n"
    let answer = try #require(try parseLab(source).answers.first)
    #expect(answer.kind == .text)
    #expect(answer.id == "answer-1")
    #expect(answer.response == "All hidden units\nget the same gradient.")
    #expect(answer.key == nil)
  }

  @Test func answersAndCellsAreNumberedSeparately() throws {
    let source = "```swift\nx\n```\n```answer\na\n```\n```swift\ny\n```\n```answer\nb\n```\n"
    let document = try parseLab(source)
    #expect(document.cells.map(\.id) == ["cell-1", "cell-2"])
    #expect(document.answers.map(\.id) == ["answer-1", "answer-2"])
  }

  @Test func answerIDsShareTheNamespaceOfCells() {
    let source = "```swift id=q1\nx\n```\n\n```answer id=q1\na\n```\n"
    #expect(position(labErrors(source).first(containing: "used twice")) == "5:1")
  }

  @Test func keyProblemsAreErrorsOnTheirLine() {
    let number = "```answer number\n1\nkey: about two\n```\n"
    #expect(position(labErrors(number).first(containing: "not a number")) == "3:1")
    let choice = "```answer choice\nB\nkey: 42\n```\n"
    #expect(position(labErrors(choice).first(containing: "choice letters")) == "3:1")
    let twice = "```answer\na\nkey: x\nkey: y\n```\n"
    #expect(position(labErrors(twice).first(containing: "second key")) == "4:1")
    let tolerance = "```answer text\na\ntolerance: 0.1\n```\n"
    #expect(position(labErrors(tolerance).first(containing: "tolerance")) == "3:1")
  }

  @Test func severalKindsAreAnError() {
    #expect(labErrors("```answer choice number\n1\n```\n").first(containing: "kinds") != nil)
  }

  @Test func cellFlagsAreUnknownOnAnswers() throws {
    let document = try parseLab("```answer solution\na\n```\n")
    #expect(position(document.warnings.first(containing: "\"solution\"")) == "1:11")
  }

  @Test func nestedAnswerBlockWarnsAndStaysProse() throws {
    let document = try parseLab("1. Question\n\n   ```answer id=q\n   a\n   ```\n")
    #expect(document.answers.isEmpty)
    #expect(position(document.warnings.first(containing: "answer block is inside")) == "3:4")
  }
}
