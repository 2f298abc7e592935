import Foundation
import Testing

/// `labbook run` names its report after the lab's file; a report made from
/// another file of the same name is never replaced silently.
@Suite struct RunReportSourceTests {
  static let lab = """
    ---
    title: Twins
    ---

    ```swift id=a
    record("which", WHICH)
    ```

    """

  @Test func runRefusesToReplaceAnotherLabFilesReport() throws {
    let folder = try temporaryLab("twins", Self.lab.replacingOccurrences(of: "WHICH", with: "1"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let student = folder.appendingPathComponent("handouts/twins")
    try FileManager.default.createDirectory(at: student, withIntermediateDirectories: true)
    try Self.lab.replacingOccurrences(of: "WHICH", with: "2").write(
      to: student.appendingPathComponent("twins.md"), atomically: true, encoding: .utf8)

    let instructor = try labbook(["run", "twins"], in: folder)
    #expect(instructor.status == 0, "\(instructor.stderr)")
    let json = folder.appendingPathComponent("out/twins.json")
    let before = try Data(contentsOf: json)

    let refused = try labbook(["run", "handouts/twins/twins.md"], in: folder)
    #expect(refused.status == 1)
    #expect(refused.stdout.isEmpty)
    let owner = folder.appendingPathComponent("labs/twins.md").resolvingSymlinksInPath().path
    #expect(
      refused.stderr.contains(
        "error: out/twins.html is the report of \(owner); this run of "
          + "handouts/twins/twins.md would replace it\n"
          + "  hint: write this report elsewhere with -o DIR (e.g. -o handouts/twins/out)"),
      "\(refused.stderr)")
    #expect(try Data(contentsOf: json) == before)
    #expect(Self.which(in: before) == 1)

    // Elsewhere with -o, it runs; the same lab by another spelling replaces its own.
    let beside = try labbook(
      ["run", "handouts/twins/twins.md", "-o", "handouts/twins/out"], in: folder)
    #expect(beside.status == 0, "\(beside.stderr)")
    #expect(beside.stdout == "handouts/twins/out/twins.html\n")
    let again = try labbook(["run", "./labs/../labs/twins.md"], in: folder)
    #expect(again.status == 0, "\(again.stderr)")

    // Deleting the report lets the other file take the name.
    try FileManager.default.removeItem(at: folder.appendingPathComponent("out/twins.html"))
    let replaced = try labbook(["run", "handouts/twins/twins.md"], in: folder)
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(Self.which(in: try Data(contentsOf: json)) == 2)
  }

  /// The value recorded as "which" in a run's JSON.
  static func which(in data: Data) -> Int? {
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    let cells = object?["cells"] as? [[String: Any]] ?? []
    let outputs = cells.flatMap { $0["outputs"] as? [[String: Any]] ?? [] }
    return outputs.first { $0["name"] as? String == "which" }?["value"] as? Int
  }
}
