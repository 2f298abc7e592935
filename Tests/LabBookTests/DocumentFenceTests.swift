import Testing

@testable import LabBook

@Suite struct DocumentFenceTests {
  @Test func unclosedCellIsAnError() {
    let errors = labErrors("Intro\n\n```swift id=a\nlet x = 1\n\nMore prose\n")
    let error = errors.first(containing: "never closed")
    #expect(position(error) == "3:1")
    #expect(error?.hint.contains("```") == true)
  }

  @Test func cellFenceOnTheLastLineIsUnclosed() {
    #expect(position(labErrors("```swift").first(containing: "never closed")) == "1:1")
  }

  @Test func shorterClosingFenceDoesNotClose() {
    #expect(labErrors("````swift\nx\n```\n").first(containing: "never closed") != nil)
  }

  @Test func unclosedOtherBlockWarnsAndPointsAtSwallowedCells() throws {
    let document = try parseLab("```text\nnotes\n\n```swift\nx\n")
    #expect(position(document.warnings.first(containing: "never closed")) == "1:1")
    #expect(position(document.warnings.first(containing: "start of a new swift")) == "4:1")
    #expect(document.cells.isEmpty)
  }

  @Test func forgottenCloseIsFlaggedWhereTheNextCellStarts() throws {
    // Cell 1 is never closed, so "```swift" on line 4 is code and line 6 closes it.
    let source = "```swift\nlet a = 1\n\n```swift\nlet b = 2\n```\n"
    let document = try parseLab(source)
    #expect(document.cells.count == 1)
    #expect(position(document.warnings.first(containing: "start of a new swift")) == "4:1")
  }

  @Test func backtickInInfoStringIsNotAFenceAndWarns() throws {
    let document = try parseLab("Prose.\n\n```swift id=`x`\nlet x = 1\n")
    #expect(document.cells.isEmpty)
    let warning = document.warnings.first(containing: "not a code fence")
    #expect(position(warning) == "3:1")
  }

  @Test func tildeFenceMayHoldBackticksInItsInfo() throws {
    let document = try parseLab("~~~swift title=\"`x`\"\nlet x = 1\n~~~\n")
    #expect(document.cells.first?.title == "`x`")
  }

  @Test func fenceIndentedFourSpacesIsIndentedCodeAndWarns() throws {
    let document = try parseLab("Text\n\n    ```swift\n    x\n    ```\n")
    #expect(document.cells.isEmpty)
    #expect(position(document.warnings.first(containing: "indented by 4")) == "3:1")
  }

  @Test func fenceInsideHTMLBlockWarns() throws {
    let document = try parseLab("<div>\n```swift\nx\n```\n</div>\n")
    #expect(document.cells.isEmpty)
    #expect(position(document.warnings.first(containing: "looks like a code fence")) == "2:1")
  }

  @Test func otherBlockClosedByASwallowedCellsFenceWarns() throws {
    // The python block is left open; the cell's own closing fence closes it.
    let backticks = try parseLab("```python\nx = 1\n\n```swift id=two\nprint(2)\n```\n")
    #expect(backticks.cells.isEmpty)
    let warning = backticks.warnings.first(containing: "start of a new swift")
    #expect(position(warning) == "4:1")
    let tildes = try parseLab("~~~python\nx = 1\n~~~swift\nprint(2)\n~~~\n")
    #expect(position(tildes.warnings.first(containing: "start of a new swift")) == "3:1")
  }

  @Test func fencesShownInsideOtherCodeBlocksAreQuiet() throws {
    let document = try parseLab("````markdown\n```swift\nx\n```\n````\n")
    #expect(document.cells.isEmpty)
    #expect(document.warnings.isEmpty)
  }
}
