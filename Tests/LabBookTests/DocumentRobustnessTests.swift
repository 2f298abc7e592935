import Foundation
import Testing

@testable import LabBook

@Suite struct DocumentRobustnessTests {
  /// Writes `bytes` to a fresh temporary file and returns its path.
  private func temporaryLab(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "labbook-\(UUID().uuidString).md"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func readingAMissingFileNamesThePath() {
    #expect {
      try LabDocument.read(path: "/nonexistent/lab.md")
    } throws: { error in
      let text = "\(error)"
      return text.contains("\"/nonexistent/lab.md\"") && text.contains("No such file")
        && text.contains("hint:")
    }
  }

  @Test func readingADirectoryIsAClearError() {
    let directory = NSTemporaryDirectory()
    #expect {
      try LabDocument.read(path: directory)
    } throws: { error in
      "\(error)".contains("is a directory")
    }
  }

  @Test func readingAFileParsesIt() throws {
    let path = try temporaryLab(Array("```swift id=a\nlet x = 1\n```\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let document = try LabDocument.read(path: path)
    #expect(document.path == path)
    #expect(document.cells.first?.id == "a")
  }

  @Test func invalidUTF8IsReplacedWithAWarningAtTheFirstBadByte() throws {
    // Line 2 is "ab" then 0xFF: the bad byte is at column 3.
    let bytes =
      Array("# T\nab".utf8) + [0xFF] + Array(" c \u{e9}\n```swift\nx\n```\n".utf8)
      + [0xC3]
    let path = try temporaryLab(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let document = try LabDocument.read(path: path)
    let warning = try #require(document.warnings.first(containing: "not valid UTF-8"))
    #expect(warning.location?.line == 2 && warning.location?.column == 3)
    #expect(warning.message.contains("2 invalid"))
    #expect(document.source.contains("ab\u{FFFD} c"))
    #expect(document.cells.first?.fenceLocation.line == 3)
  }

  @Test func nulBytesWarn() throws {
    let document = try parseLab("a\u{0}b\n")
    #expect(position(document.warnings.first(containing: "NUL")) == "1:2")
  }

  @Test func emptyAndBlankFilesHaveNoBlocks() throws {
    #expect(try parseLab("").blocks.isEmpty)
    #expect(try parseLab("\n\n  \r\n").blocks.isEmpty)
    #expect(try parseLab("\u{FEFF}").blocks.isEmpty)
  }

  @Test func tenMegabyteLabIsRead() throws {
    let chunk = """
      ## Step

      Prose with *emphasis*, `code` and a [link](https://example.org) about $\\sigma$.
      More prose to make the file large, with enough words to need a few lines here.

      ```swift
      let w = xavierNormal(fanIn: 4096, fanOut: 4096)
      ```

      """
    let copies = 10_000_000 / chunk.utf8.count + 1
    let source = String(repeating: chunk, count: copies)
    let document = try parseLab(source)
    #expect(document.cells.count == copies)
    #expect(document.cells.last?.id == "cell-\(copies)")
    #expect(document.blocks.count == 2 * copies)
  }

  @Test(arguments: [
    String(repeating: ">", count: 100_000) + " deep\n",
    String(repeating: "[", count: 100_000) + "\n",
    String(repeating: "*", count: 100_000) + " a\n",
    String(repeating: "- ", count: 50_000) + "item\n",
    String(repeating: "`", count: 100_000) + "\n",
    String(repeating: "a *b ", count: 50_000) + "\n",
  ])
  func pathologicalMarkdownIsReadAsProse(_ source: String) throws {
    let document = try parseLab(source)
    #expect(document.cells.isEmpty)
    #expect(document.blocks.count == 1)
  }

  @Test func deepQuoteAroundACellWarnsOnce() throws {
    let source = String(repeating: ">", count: 100_000) + " ```swift\nx\n"
    let document = try parseLab(source)
    #expect(document.cells.isEmpty)
    #expect(document.warnings.count == 1)
  }
}
