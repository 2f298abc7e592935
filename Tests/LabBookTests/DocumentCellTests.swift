import Testing

@testable import LabBook

@Suite struct DocumentCellTests {
  @Test func swiftBlocksBecomeCellsAndOtherBlocksStayProse() throws {
    let source = """
      # Weight init

      ```swift
      let x = 1
      ```

      ```python
      print(1)
      ```

          indented code

      ```swift id=two
      let y = 2
      ```
      """
    let document = try parseLab(source)
    #expect(document.cells.map(\.id) == ["cell-1", "two"])
    #expect(document.cells[0].code == "let x = 1\n")
    #expect(document.cells[0].fenceLocation == SourceLocation(file: "lab.md", line: 3))
    #expect(document.cells[0].codeLine == 4)
    #expect(document.cells[1].codeLine == 14)
    guard case .prose(let first) = document.blocks[0], case .prose(let middle) = document.blocks[2]
    else {
      Issue.record("expected prose, cell, prose, cell; got \(document.blocks.count) blocks")
      return
    }
    #expect(first.markdown == "# Weight init\n\n")
    #expect(first.location.line == 1)
    #expect(middle.location.line == 6)
    #expect(middle.markdown.contains("```python\nprint(1)\n```"))
    #expect(middle.markdown.contains("    indented code"))
    #expect(document.blocks.count == 4)
    #expect(document.warnings.isEmpty)
  }

  @Test func generatedIDsCountOnlyCellsAndSurviveProseEdits() throws {
    let cells = "```swift\na\n```\n", more = "```swift\nb\n```\n"
    let before = cells + "```text\nt\n```\n" + more
    let after = "Intro.\n\nMore.\n\n" + cells + "Prose.\n```text\nu\nv\n```\n" + more
    #expect(try parseLab(before).cells.map(\.id) == ["cell-1", "cell-2"])
    #expect(try parseLab(after).cells.map(\.id) == ["cell-1", "cell-2"])
  }

  @Test func attributesAreReadWithFlagsNumbersAndQuotes() throws {
    let source =
      "```swift id=xavier solution\tpoints=2.5 title=\"Xavier \\\"init\\\"\" hide\n"
      + "x\n```\n"
    let cell = try #require(try parseLab(source).cells.first)
    #expect(cell.id == "xavier")
    #expect(cell.isSolution && cell.hidesCode)
    #expect(!cell.isTest && !cell.isHidden && !cell.isSkipped && !cell.isInstructorOnly)
    #expect(cell.points == 2.5)
    #expect(cell.title == "Xavier \"init\"")
    #expect(cell.attributes.map(\.name) == ["id", "solution", "points", "title", "hide"])
  }

  @Test func everyFlagIsKnown() throws {
    let source = "```swift solution test hidden hide skip instructor\nx\n```\n"
    let document = try parseLab(source)
    #expect(document.warnings.isEmpty)
    let cell = try #require(document.cells.first)
    #expect(cell.isSolution && cell.isTest && cell.isHidden)
    #expect(cell.hidesCode && cell.isSkipped && cell.isInstructorOnly)
  }

  @Test func unknownAttributeWarnsWithPositionAndCloseMatch() throws {
    // Column: "```swift " is 9 bytes, so "soluton" starts at column 10.
    let document = try parseLab("Text\n\n```swift soluton\nx\n```\n")
    let warning = try #require(document.warnings.first(containing: "soluton"))
    #expect(warning.severity == .warning)
    #expect(position(warning) == "3:10")
    #expect(warning.hint.contains("did you mean \"solution\""))
    #expect(warning.hint.contains("instructor"))
  }

  @Test func badIDIsAnErrorAtItsColumn() {
    let errors = labErrors("```swift  id=a.b\nx\n```\n")
    let error = errors.first(containing: "\"a.b\"")
    #expect(error?.severity == .error)
    #expect(position(error) == "1:11")
  }

  @Test func negativeOrNonNumericPointsAreErrors() {
    #expect(position(labErrors("```swift points=-1\nx\n```\n").first(containing: "-1")) == "1:10")
    #expect(labErrors("```swift points=two\nx\n```\n").first(containing: "\"two\"") != nil)
    #expect(labErrors("```swift points\nx\n```\n").first(containing: "needs a value") != nil)
  }

  @Test func flagWithValueIsAnError() {
    let errors = labErrors("```swift hide=false\nx\n```\n")
    #expect(position(errors.first(containing: "takes no value")) == "1:10")
  }

  @Test func unterminatedQuoteIsAnError() {
    // The quote follows `title=` at column 10 + 6 = 16.
    let errors = labErrors("```swift title=\"Open\nx\n```\n")
    #expect(position(errors.first(containing: "no closing quote")) == "1:16")
  }

  @Test func duplicateIDsAreAnErrorNamingBothLines() {
    let source = "```swift id=a\nx\n```\n\ntext\n\n```swift id=a\ny\n```\n"
    let error = labErrors(source).first(containing: "used twice")
    #expect(position(error) == "7:1")
    #expect(error?.message.contains("lab.md:1:1") == true)
  }

  @Test func explicitIDClashingWithAGeneratedOneIsAnError() {
    let source = "```swift\nx\n```\n```swift id=cell-1\ny\n```\n"
    #expect(position(labErrors(source).first(containing: "\"cell-1\" is used twice")) == "4:1")
  }

  @Test func nestedSwiftBlocksWarnAndStayProse() throws {
    let source = "- item\n\n  ```swift\n  x\n  ```\n\n> ```swift\n> y\n> ```\n"
    let document = try parseLab(source)
    #expect(document.cells.isEmpty)
    #expect(document.warnings.map(position) == ["3:3", "7:3"])
    #expect(document.warnings.allSatisfy { $0.message.contains("list or block quote") })
  }

  @Test func crlfLineEndingsKeepPositionsAndCodeUsesNewlines() throws {
    let source = "Intro\r\n\r\n```swift id=a\r\nlet x = 1\r\nlet y = 2\r\n```\r\nEnd\r\n"
    let document = try parseLab(source)
    let cell = try #require(document.cells.first)
    #expect(cell.fenceLocation.line == 3)
    #expect(cell.codeLine == 4)
    #expect(cell.code == "let x = 1\nlet y = 2\n")
    guard case .prose(let end) = document.blocks.last else {
      Issue.record("expected trailing prose")
      return
    }
    #expect(end.location.line == 7)
    #expect(end.markdown == "End\r\n")
  }

  @Test func loneCarriageReturnsEndLinesAsInCommonMark() throws {
    let cell = try #require(try parseLab("a\r\r```swift\rx\r```\r").cells.first)
    #expect(cell.fenceLocation.line == 3)
    #expect(cell.code == "x\n")
  }

  @Test func byteOrderMarkIsDroppedAndDoesNotShiftColumns() throws {
    let document = try parseLab("\u{FEFF}```swift bogus\nx\n```\n")
    #expect(!document.source.hasPrefix("\u{FEFF}"))
    #expect(document.cells.first?.fenceLocation.column == 1)
    #expect(position(document.warnings.first(containing: "bogus")) == "1:10")
  }

  @Test func tildeFencesAndLongerFencesWork() throws {
    let source = "~~~swift id=t\n```\nnot a close\n~~~\n````swift\n```\n````\n"
    let cells = try parseLab(source).cells
    #expect(cells.map(\.id) == ["t", "cell-2"])
    #expect(cells[0].code == "```\nnot a close\n")
    #expect(cells[1].code == "```\n")
  }

  @Test func indentedFenceRecordsItsIndentation() throws {
    // Three spaces before the fence: cmark strips up to three from each line.
    let source = "   ```swift id=i\n     let x = 1\n   ```\n"
    let cell = try #require(try parseLab(source).cells.first)
    #expect(cell.fenceLocation.column == 4)
    #expect(cell.codeColumn == 4)
    #expect(cell.code == "  let x = 1\n")
  }

  @Test func tabsInInfoStringSeparateAttributes() throws {
    // "```swift\t" is 9 bytes, so "id" is at column 10; "\tbad" puts "bad" at 15.
    let document = try parseLab("```swift\tid=a\tbad\nx\n```\n")
    #expect(document.cells.first?.id == "a")
    #expect(position(document.warnings.first(containing: "\"bad\"")) == "1:15")
  }

  @Test func capitalisedSwiftIsNotACellButWarns() throws {
    let document = try parseLab("```Swift\nx\n```\n")
    #expect(document.cells.isEmpty)
    #expect(position(document.warnings.first(containing: "\"Swift\"")) == "1:4")
  }

  @Test func languageMustBeTheWholeFirstWord() throws {
    #expect(try parseLab("```swiftly\nx\n```\n").cells.isEmpty)
    #expect(try parseLab("```swift-ish\nx\n```\n").cells.isEmpty)
  }
}
