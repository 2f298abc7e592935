import Foundation
import Testing

/// The example lab in docs/lab-format.md runs as the guide says it does.
@Suite struct DocsExampleTests {
  /// The text of the first ````markdown block after `heading` in the guide.
  func example(after heading: String) throws -> String {
    let guide = try String(
      contentsOf: packageRoot.appendingPathComponent("docs/lab-format.md"), encoding: .utf8)
    let section = try #require(guide.range(of: heading)).upperBound
    let start = try #require(guide.range(of: "````markdown\n", range: section..<guide.endIndex))
    let end = try #require(guide.range(of: "\n````", range: start.upperBound..<guide.endIndex))
    return String(guide[start.upperBound..<end.lowerBound]) + "\n"
  }

  @Test func guidesExampleLabRunsAndPassesItsTest() throws {
    let folder = try temporaryLab("example", try example(after: "## An example lab"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "example"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let report = try String(contentsOfFile: folder.path + "/out/example.html", encoding: .utf8)
    #expect(!report.contains("no value:"), "every {{name}} in the prose has a value")
    let json = try String(contentsOfFile: folder.path + "/out/example.json", encoding: .utf8)
    #expect(json.contains("\"passed\" : true"), "the hidden test passes")
  }

  @Test func guidesExampleLabIsReadyToHandOut() throws {
    let folder = try temporaryLab("example", try example(after: "## An example lab"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["check", "example"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("ready to hand out"))
  }
}
