import Foundation
import Testing

/// `labbook handout` and `labbook check`, run as a user would.
@Suite struct HandoutCommandTests {
  /// A small lab that is ready to hand out, with a data file.
  static let cleanLab = """
    ---
    title: Means
    data:
      - data/values.csv
    ---

    Write the mean of a list of numbers.

    ```swift id=mean solution
    func mean(_ values: [Double]) -> Double {
      // BEGIN SOLUTION
      return values.reduce(0, +) / Double(values.count)
      // END SOLUTION
    }
    ```

    ```swift id=visible test points=1
    checkClose("mean of 1, 2, 3", mean([1, 2, 3]), 2)
    ```

    ```swift id=hidden test hidden points=1
    checkClose("big values", mean([1e9, -1e9, 3]), 1)
    ```

    What does the mean do?

    ```answer id=why text points=1
    key: the mean divides the sum by the count
    ```

    """

  /// The same lab, leaking three ways: the solution as a hint in the prose,
  /// the hidden test pasted into a visible cell, and the text answer's key
  /// repeated in the prose.
  static let leakyLab =
    cleanLab
    .replacingOccurrences(
      of: "Write the mean of a list of numbers.\n",
      with: "Write the mean of a list of numbers.\n\n```text\n"
        + "return values.reduce(0, +) / Double(values.count)\n```\n"
    )
    .replacingOccurrences(
      of: "checkClose(\"mean of 1, 2, 3\"",
      with: "// grader: checkClose(\"big values\", mean([1e9, -1e9, 3]), 1)\n"
        + "checkClose(\"mean of 1, 2, 3\""
    )
    .replacingOccurrences(
      of: "What does the mean do?", with: "Hint: the mean divides the sum by the count.")

  /// A folder with `labs/NAME.md` and the lab's data file.
  static func labFolder(_ name: String, _ text: String) throws -> URL {
    let folder = try temporaryLab(name, text)
    let data = folder.appendingPathComponent("labs/data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try "x\n1\n2\n".write(
      to: data.appendingPathComponent("values.csv"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func helpDescribesBothCommands() throws {
    let handout = try labbook(["handout", "--help"])
    #expect(handout.status == 0)
    #expect(handout.stdout.contains("Usage: labbook handout NAME|PATH"))
    #expect(handout.stdout.contains("handout: {figures: true}"))
    let check = try labbook(["help", "check"])
    #expect(check.status == 0)
    #expect(check.stdout.contains("Usage: labbook check NAME|PATH"))
    let overview = try labbook(["--help"])
    #expect(overview.stdout.contains("handout LAB") && overview.stdout.contains("check LAB"))
  }

  @Test func missingLabIsAUsageError() throws {
    let result = try labbook(["handout"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("no lab given: give a lab's name or path"))
  }

  @Test func handoutWritesTheStudentFilesAndCopiesData() throws {
    let folder = try Self.labFolder("means", Self.cleanLab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["handout", "means", "-o", "out-h", "--no-pdf"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let written = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      written == [
        "out-h/means/means.md", "out-h/means/means.html", "out-h/means/data/values.csv",
      ])
    let markdown = try String(
      contentsOf: folder.appendingPathComponent("out-h/means/means.md"), encoding: .utf8)
    #expect(!markdown.contains("values.reduce"))
    #expect(!markdown.contains("1e9"))
    #expect(!markdown.contains("key:"))
    #expect(markdown.contains("fatalError(\"Not implemented"))
    let data = try String(
      contentsOf: folder.appendingPathComponent("out-h/means/data/values.csv"), encoding: .utf8)
    #expect(data == "x\n1\n2\n")
  }

  @Test func studentVersionRunsToAClearNotImplemented() throws {
    let folder = try Self.labFolder("means", Self.cleanLab)
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try labbook(["handout", "means", "--no-pdf"], in: folder)
    let run = try labbook(["run", "handouts/means/means.md", "-o", "report"], in: folder)
    #expect(run.status == 1)
    #expect(run.stderr.contains("cell 'visible': Fatal error: Not implemented"))
    let html = try String(
      contentsOf: folder.appendingPathComponent("report/means.html"), encoding: .utf8)
    #expect(html.contains("Not implemented: write solution 1 of cell &quot;mean&quot;"))
  }

  @Test func handoutPrintsAPDFWhenChromiumIsInstalled() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
      print("skipped: /usr/bin/chromium is absent")
      return
    }
    let folder = try Self.labFolder("means", Self.cleanLab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(
      ["handout", "means"], in: folder, environment: ["LABBOOK_CHROMIUM": "/usr/bin/chromium"])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try Data(contentsOf: folder.appendingPathComponent("handouts/means/means.pdf"))
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
  }

  @Test func badMarkersFailNamingTheLines() throws {
    let broken = Self.cleanLab.replacingOccurrences(of: "  // END SOLUTION\n", with: "")
    let folder = try Self.labFolder("means", broken)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["handout", "means", "--no-pdf"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("labs/means.md:11:1: error: BEGIN SOLUTION on line 11"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/handouts/means/means.md"))
  }

  @Test func checkPassesACleanLabAndCatchesAStaleRelease() throws {
    let folder = try Self.labFolder("means", Self.cleanLab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = try labbook(["check", "means"], in: folder)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout == "ok: labs/means.md is ready to hand out\n")

    // Someone released the instructor's file by mistake.
    let released = folder.appendingPathComponent("handouts/means")
    try FileManager.default.createDirectory(at: released, withIntermediateDirectories: true)
    try Self.cleanLab.write(
      to: released.appendingPathComponent("means.md"), atomically: true, encoding: .utf8)
    let stale = try labbook(["check", "means"], in: folder)
    #expect(stale.status == 1)
    // No line of the lab repeats them: reported at the secret's own line.
    #expect(
      stale.stderr.contains(
        "labs/means.md:12:1: error: solution line 12 (\"return values.reduce(0, +) / "
          + "Double(values.count)\") shows in handouts/means/means.md (its line 12)"))
    #expect(
      stale.stderr.contains(
        "labs/means.md:22:1: error: hidden test line 22 (\"checkClose(\"big values\", "
          + "mean([1e9, -1e9, 3]), 1)\") shows in handouts/means/means.md (its line 22)"))
    #expect(
      stale.stderr.contains(
        "labs/means.md:28:1: error: answer key line 28 (\"key: the mean divides the sum by "
          + "the count\") shows in handouts/means/means.md (its line 28)"))
    #expect(
      stale.stderr.contains(
        "labs/means.md:27:1: error: answer block \"why\" still has its key in "
          + "handouts/means/means.md"))
  }

  @Test func checkCatchesEveryLeakOfTheLeakyLab() throws {
    let folder = try Self.labFolder("leaky", Self.leakyLab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["check", "leaky"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let errors = result.stderr.split(separator: "\n").filter { $0.contains("error: ") }
    // One problem per leak, at the lab's line that repeats the secret, naming
    // both student files it shows in, and never their temporary paths.
    let lines = Self.leakyLab.split(separator: "\n", omittingEmptySubsequences: false)
    for (kind, repeated) in [
      ("solution", "return values.reduce"), ("hidden test", "// grader:"),
      ("answer key", "Hint: the mean"),
    ] {
      let line = try #require(lines.firstIndex { $0.hasPrefix(repeated) }) + 1
      let found = errors.filter { $0.contains("error: this line repeats \(kind) line ") }
      #expect(found.count == 1, "\(kind): \(found)")
      #expect(found.first?.hasPrefix("labs/leaky.md:\(line):1: ") == true, "\(found)")
      #expect(
        found.first?.contains("the student's leaky.md (its line ") == true
          && found.first?.contains("the student's leaky.html (its line ") == true)
    }
    #expect(!result.stderr.contains(NSTemporaryDirectory()), "\(result.stderr)")
    #expect(!result.stderr.contains("/tmp/"), "\(result.stderr)")
    #expect(errors.count == 3, "\(result.stderr)")
    #expect(result.stderr.contains("labs/leaky.md: 3 problems"))
  }

  @Test func shippedWeightInitLabIsReadyToHandOut() throws {
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("labbook-wi-handout-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try labbook(["check", "weight-init", "--set", "width=256", "-o", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "ok: labs/weight-init.md is ready to hand out\n")
  }
}
