import Foundation
import Testing

@testable import LabBook

/// Submissions saved in another encoding than UTF-8 are graded, with a
/// warning; only what is not text at all is refused.
@Suite struct GradingEncodingTests {
  @Test func latin1AndUTF16SubmissionsAreGradedWithAWarning() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let grader = try fixture.grader()
    // A correct submission with an `é` (0xE9 in Latin-1) in a comment.
    let entry = try fixture.submission("accent", attack: "  // résumé\n  return 42")
    let text = try String(contentsOfFile: entry.path, encoding: .utf8)
    let accentLine =
      try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("é") }) + 1

    let latin1 = fixture.folder + "/subs/latin1.md"
    try #require(text.data(using: .isoLatin1)).write(to: URL(fileURLWithPath: latin1))
    let fromLatin1 = grader.grade(path: latin1, studentID: "latin1", slot: 0)
    #expect(fromLatin1.score == fromLatin1.maxScore, "\(fromLatin1.items)")
    let warning = try #require(fromLatin1.problems.first)
    #expect(warning.severity == .warning)
    #expect(warning.location?.line == accentLine)
    #expect(warning.message.contains("not valid UTF-8") && warning.message.contains("0xE9"))

    let utf16 = fixture.folder + "/subs/utf16.md"
    // `.utf16` writes a byte-order mark first.
    try #require(text.data(using: .utf16)).write(to: URL(fileURLWithPath: utf16))
    let fromUTF16 = grader.grade(path: utf16, studentID: "utf16", slot: 0)
    #expect(fromUTF16.score == fromUTF16.maxScore, "\(fromUTF16.items)")
    #expect(fromUTF16.problems.map(\.message) == ["the file is UTF-16 text; it was read as such"])

    let binary = fixture.folder + "/subs/binary.md"
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary))
    let fromBinary = grader.grade(path: binary, studentID: "binary", slot: 0)
    #expect(fromBinary.score == 0)
    #expect(fromBinary.problems.first?.message.contains("it is not a text file") == true)
  }
}
