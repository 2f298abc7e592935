import Foundation
import Testing

/// What `labbook grade` tells a student about a crash or a time-out, and
/// what it tells the TA about the class folder and the lab, through the
/// real command run in a class folder with relative paths (as a TA runs it).
@Suite struct GradeFeedbackCommandTests {
  /// Cell `s` has two regions: `f` (returns its argument) and `k` (2).
  static let lab = """
    ---
    grading:
      test-timeout: 2
    ---

    ```swift id=s solution
    func f(_ n: Int) -> Int {
      // BEGIN SOLUTION
      return n
      // END SOLUTION
    }

    // BEGIN SOLUTION
    let k: Int = 2
    // END SOLUTION
    ```

    ```swift id=t test points=2
    checkEqual("f(2) is 2", f(2), 2)
    checkEqual("k is 2", k, 2)
    ```

    """

  /// A temporary folder with `labs/lab.md` and `subs/NAME.md` for each
  /// submission; removed by the caller.
  static func classFolder(_ submissions: [String: String]) throws -> URL {
    let folder = try temporaryLab("lab", lab)
    let subs = folder.appendingPathComponent("subs")
    try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
    for (name, text) in submissions {
      try text.write(
        to: subs.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// `out/students/ID/result.json` as a dictionary.
  static func result(_ folder: URL, _ id: String) throws -> [String: Any] {
    let data = try Data(
      contentsOf: folder.appendingPathComponent("out/students/\(id)/result.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// `file:line:col` of a location object in a result.
  static func place(_ value: Any?) -> String? {
    guard let location = value as? [String: Any], let file = location["file"] as? String,
      let line = location["line"] as? Int, let column = location["column"] as? Int
    else { return nil }
    return "\(file):\(line):\(column)"
  }

  /// 1-based line and column of the first `marker` in `text`.
  static func position(of marker: String, in text: String) throws -> (line: Int, column: Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let row = try #require(lines.firstIndex { $0.contains(marker) })
    let range = try #require(lines[row].range(of: marker))
    return (row + 1, lines[row].distance(from: lines[row].startIndex, to: range.lowerBound) + 1)
  }

  @Test func aCrashIsBlamedOnTheRegionItHappenedInAtTheStudentsColumn() throws {
    // ann: `f` is right, the `k` region indexes past the end (Swift reports
    // a subscript at its `[`). bob: `f` itself crashes, called from the test.
    let ann = Self.lab.replacingOccurrences(
      of: "let k: Int = 2", with: "let words = [\"a\"]\nlet w = words[3]\nlet k: Int = 2")
    let bob = Self.lab.replacingOccurrences(
      of: "  return n", with: "  let table = [1]\n  return table[n]")
    let folder = try Self.classFolder(["ann": ann, "bob": bob])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try labbook(["grade", "lab", "subs", "-o", "out", "-j", "2"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")

    let annSite = try Self.position(of: "[3]", in: ann)
    let annResult = try Self.result(folder, "ann")
    let problems = try #require(annResult["problems"] as? [[String: Any]])
    #expect(problems.count == 1, "only the guilty region is stubbed: \(problems)")
    #expect(
      problems.first?["message"] as? String
        == "solution 2 of cell \"s\" stopped the lab (Fatal error: Index out of range)")
    #expect(
      Self.place(problems.first?["location"]) == "subs/ann.md:\(annSite.line):\(annSite.column)")
    let annTest = try #require((annResult["items"] as? [[String: Any]])?.first)
    let annMessage = try #require(annTest["message"] as? String)
    #expect(annMessage.contains("solution 2 of cell \"s\""))
    #expect(!annMessage.contains("solution 1"))

    let bobSite = try Self.position(of: "[n]", in: bob)
    let bobTest = try #require((try Self.result(folder, "bob")["items"] as? [[String: Any]])?.first)
    #expect(bobTest["message"] as? String == "Fatal error: Index out of range")
    #expect(
      Self.place(bobTest["location"]) == "subs/bob.md:\(bobSite.line):\(bobSite.column)")
    let feedback = try String(
      contentsOf: folder.appendingPathComponent("out/students/bob/feedback.html"),
      encoding: .utf8)
    #expect(feedback.contains("bob.md:\(bobSite.line):\(bobSite.column)"))
    // The stderr box keeps Swift's message, not its source file or the shell's word.
    #expect(
      feedback.contains("<pre class=\"stream stderr\">Fatal error: Index out of range</pre>"),
      "\(feedback)")
    #expect(!feedback.contains("ContiguousArrayBuffer"))
    #expect(!feedback.contains("Illegal instruction"))
  }

  @Test func aCrashWithoutAMessageIsExplainedInTheFeedback() throws {
    // cat overflows an Int; dan's `f` recurses without end.
    let cat = Self.lab.replacingOccurrences(of: "  return n", with: "  return Int.max + n")
    let dan = Self.lab.replacingOccurrences(of: "  return n", with: "  return f(n + 1) + 1")
    let folder = try Self.classFolder(["cat": cat, "dan": dan])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try labbook(["grade", "lab", "subs", "-o", "out", "-j", "2"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")

    let catTest = try #require((try Self.result(folder, "cat")["items"] as? [[String: Any]])?.first)
    let catMessage = try #require(catTest["message"] as? String)
    // Symbolicated, Swift names the overflow; in the sandbox it cannot, so the hint stands.
    #expect(
      catMessage == "Swift runtime failure: arithmetic overflow"
        || catMessage.hasPrefix("crashed (SIGILL): a Swift runtime trap — arithmetic overflow"),
      "\(catMessage)")
    let danTest = try #require((try Self.result(folder, "dan")["items"] as? [[String: Any]])?.first)
    let danMessage = try #require(danTest["message"] as? String)
    #expect(danMessage.hasPrefix("crashed (SIGSEGV): "), "\(danMessage)")
    #expect(danMessage.contains("stack overflow"), "\(danMessage)")
    let feedback = try String(
      contentsOf: folder.appendingPathComponent("out/students/dan/feedback.html"),
      encoding: .utf8)
    #expect(feedback.contains("stack overflow"))
    #expect(!feedback.contains("Segmentation fault"))
  }

  @Test func aRegionUsingALaterCellsVariableIsStubbedAtTheUse() throws {
    // eve's `k` reads `offset`, which only the ordinary cell after it
    // declares: built as it is, `offset` would read 0 and `k is 2` would
    // pass. The region is stubbed at the use, as `labbook run` reports it.
    let lab = Self.lab.replacingOccurrences(
      of: "```swift id=t test", with: "```swift id=u\nlet offset = 5\n```\n\n```swift id=t test")
    let eve = lab.replacingOccurrences(of: "let k: Int = 2", with: "let k: Int = 2 + offset")
    let folder = try temporaryLab("lab", lab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let subs = folder.appendingPathComponent("subs")
    try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
    for (name, text) in ["eve": eve, "dora": lab] {
      try text.write(
        to: subs.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }
    let run = try labbook(["grade", "lab", "subs", "-o", "out"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let use = try Self.position(of: "offset", in: eve)
    #expect(use.line < (try Self.position(of: "let offset", in: eve)).line)
    let problems = try #require(try Self.result(folder, "eve")["problems"] as? [[String: Any]])
    let stub = try #require(problems.first, "\(problems)")
    let message = try #require(stub["message"] as? String)
    #expect(message.hasPrefix("solution 2 of cell \"s\" cannot run: "), "\(message)")
    #expect(message.contains("\"offset\""))
    #expect(Self.place(stub["location"]) == "subs/eve.md:\(use.line):\(use.column)")
    let test = try #require((try Self.result(folder, "eve")["items"] as? [[String: Any]])?.first)
    #expect(test["score"] as? Double == 0)
  }

  @Test func aTimeOutIsBlamedOnTheRegionItWasRunning() throws {
    // The program is asked for a backtrace before it is stopped, so the
    // loop is placed in solution 2 like a crash. Now and then the loop's
    // address has no line (compiler-made code): then the whole cell is
    // blamed, as for any stop whose place is not known. Up to three tries.
    let carl = Self.lab.replacingOccurrences(
      of: "let k: Int = 2",
      with: "do {\n  var spins = 1\n  while spins > 0 { spins = (spins &* 3) & 0xFF | 1 }\n}\n"
        + "let k: Int = 2")
    let loop = try Self.position(of: "while spins", in: carl)
    var messages: [String] = []
    for _ in 0..<3 {
      let folder = try Self.classFolder(["carl": carl, "dora": Self.lab])
      defer { try? FileManager.default.removeItem(at: folder) }
      let run = try labbook(["grade", "lab", "subs", "-o", "out", "-j", "2"], in: folder)
      #expect(run.status == 0, "\(run.stderr)")
      let csv = try String(
        contentsOf: folder.appendingPathComponent("out/grades.csv"), encoding: .utf8)
      #expect(csv == "student,t,total,max\ncarl,0,0,2\ndora,2,2,2\n")

      let result = try Self.result(folder, "carl")
      let problems = try #require(result["problems"] as? [[String: Any]])
      #expect(problems.count == 1, "one problem: \(problems)")
      let message = problems.first?["message"] as? String ?? ""
      messages.append(message)
      guard message.hasPrefix("solution 2") else { continue }
      #expect(
        message == "solution 2 of cell \"s\" stopped the lab (the cell ran past its limit of 2 s)")
      #expect(
        Self.place(problems.first?["location"])?.hasPrefix("subs/carl.md:\(loop.line):") == true)
      let test = try #require((result["items"] as? [[String: Any]])?.first)
      #expect(
        test["message"] as? String
          == "not run: your solution 2 of cell \"s\" stopped the lab (the cell ran past its "
          + "limit of 2 s)")
      break
    }
    #expect(messages.last?.hasPrefix("solution 2") == true, "\(messages)")
  }

  @Test func aFolderHoldingOneSubmissionIsOneStudentAndTheConsoleSaysSo() throws {
    let folder = try Self.classFolder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let class5 = folder.appendingPathComponent("class5")
    try FileManager.default.createDirectory(at: class5, withIntermediateDirectories: true)
    try Self.lab.write(
      to: class5.appendingPathComponent("hank.md"), atomically: true, encoding: .utf8)

    let asFolder = try labbook(["grade", "lab", "class5/", "-o", "out"], in: folder)
    #expect(asFolder.status == 0, "\(asFolder.stderr)")
    #expect(
      asFolder.stderr.contains(
        "note: class5 holds one .md file, so it is graded as one student named \"class5\""))
    #expect(asFolder.stderr.contains("pass the file: class5/hank.md"))
    let csv = try String(
      contentsOf: folder.appendingPathComponent("out/grades.csv"), encoding: .utf8)
    #expect(csv == "student,t,total,max\nclass5,2,2,2\n")

    let asFile = try labbook(["grade", "lab", "class5/hank.md", "-o", "out2"], in: folder)
    #expect(asFile.status == 0)
    #expect(!asFile.stderr.contains("holds one .md file"))
    let own = try String(
      contentsOf: folder.appendingPathComponent("out2/grades.csv"), encoding: .utf8)
    #expect(own == "student,t,total,max\nhank,2,2,2\n")
  }

  @Test func theInstructorsBrokenSolutionsAreNamedAtTheLabsOwnLine() throws {
    // The later cell uses a name that is local to the test when grading.
    let compiles =
      Self.lab + """
        ```swift id=later
        print(k + undeclaredHere)
        ```

        """
    let crashes = Self.lab.replacingOccurrences(
      of: "let k: Int = 2", with: "let k: Int = [2][1]")
    let folder = try temporaryLab("broken", compiles)
    defer { try? FileManager.default.removeItem(at: folder) }
    try crashes.write(
      to: folder.appendingPathComponent("labs/crashes.md"), atomically: true, encoding: .utf8)
    try compiles.write(
      to: folder.appendingPathComponent("sub.md"), atomically: true, encoding: .utf8)

    let name = try Self.position(of: "undeclaredHere", in: compiles)
    let built = try labbook(["grade", "broken", "sub.md", "-o", "out"], in: folder)
    #expect(built.status == 1)
    #expect(
      built.stderr.contains(
        "labs/broken.md:\(name.line):\(name.column): error: the instructor's solutions do not "
          + "compile: cannot find 'undeclaredHere' in scope"), "\(built.stderr)")
    #expect(!built.stderr.contains("LAB.") && !built.stderr.contains("LAB-"))

    let site = try Self.position(of: "[1]", in: crashes)
    let ran = try labbook(["grade", "crashes", "sub.md", "-o", "out"], in: folder)
    #expect(ran.status == 1)
    #expect(
      ran.stderr.contains(
        "labs/crashes.md:\(site.line):\(site.column): error: the instructor's solutions do not "
          + "run: cell \"s\" stopped (Fatal error: Index out of range)"), "\(ran.stderr)")
  }
}
