import Foundation
import Testing

/// `labbook run` and friends, end to end through the real executable.
@Suite struct RunCommandTests {
  @Test func helpAndVersionGoToStdoutAndSucceed() throws {
    let help = try labbook(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Usage: labbook <command>"))
    let runHelp = try labbook(["run", "--help"])
    #expect(runHelp.status == 0)
    #expect(runHelp.stdout.contains("--set KEY=VALUE"))
    let version = try labbook(["--version"])
    #expect(version.stdout.hasPrefix("labbook "))
  }

  @Test func misuseExits64WithTheUsage() throws {
    for arguments in [
      [], ["run"], ["run", "weight-init", "--seed", "abc"], ["run", "weight-init", "--bogus"],
      ["run", "weight-init", "--set", "novalue"], ["frobnicate"],
    ] {
      let result = try labbook(arguments)
      #expect(result.status == 64, "labbook \(arguments)")
      #expect(result.stdout.isEmpty, "labbook \(arguments) wrote to stdout")
      #expect(!result.stderr.isEmpty, "labbook \(arguments) said nothing")
    }
  }

  @Test func unknownLabNameSuggestsTheCloseMatch() throws {
    let result = try labbook(["run", "weight-inti"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("no lab named 'weight-inti'"))
    #expect(result.stderr.contains("did you mean 'weight-init'"))
  }

  /// A student's copy of a handout, `dropout.md` in the current folder, is
  /// what `labbook run dropout` runs there, not the installed lab; the
  /// instructor's commands still take the installed lab.
  @Test func aLabInTheCurrentFolderComesFirst() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("labbook-own-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "---\ntitle: My copy\n---\n\n```swift\nrecord(\"mine\", 1)\n```\n".write(
      to: folder.appendingPathComponent("dropout.md"), atomically: true, encoding: .utf8)
    let result = try labbook(["run", "dropout"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let report = try String(
      contentsOf: folder.appendingPathComponent("out/dropout.html"), encoding: .utf8)
    #expect(report.contains("My copy"))
    // The instructor's commands never take the copy for the lab.
    let exported = try labbook(["autograder", "dropout", "-o", "ag.zip"], in: folder)
    #expect(exported.status == 0, "\(exported.stderr)")
    let zip = try Data(contentsOf: folder.appendingPathComponent("ag.zip"))
    #expect(zip.range(of: Data("lab/data/digits.csv".utf8)) != nil, "the shipped lab's data")
  }

  /// A student who deletes a solution marker still gets a working run, but
  /// grading would take the handout's stub: run says so, at the marker.
  @Test func aDeletedSolutionMarkerIsWarnedAbout() throws {
    let lab = """
      ---
      title: Markers
      ---

      ```swift id=f solution
      func f() -> Int {
        // BEGIN SOLUTION
        return 1
        // END SOLUTION
      }
      ```

      ```swift id=g solution
      let g: Int = 2
      ```

      """
    let cases = [
      ("noend", lab.replacingOccurrences(of: "  // END SOLUTION\n", with: ""), "is never closed"),
      (
        "nobegin", lab.replacingOccurrences(of: "  // BEGIN SOLUTION\n", with: ""),
        "has no BEGIN SOLUTION"
      ),
      ("none", lab, "cell \"g\" is marked solution but has no"),
    ]
    for (name, text, message) in cases {
      let folder = try temporaryLab(name, text)
      defer { try? FileManager.default.removeItem(at: folder) }
      let result = try labbook(["run", name], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stderr.contains("warning: ") && result.stderr.contains(message)
          && result.stderr.contains("when graded"), "\(name): \(result.stderr)")
    }
  }

  @Test func listShowsTheShippedLab() throws {
    let result = try labbook(["list"])
    #expect(result.status == 0)
    let line = try #require(
      result.stdout.split(separator: "\n").first {
        $0.hasPrefix("weight-init\t")
      })
    #expect(line.contains("cells"))
  }

  @Test func compileErrorIsReportedAtTheLabsLine() throws {
    // Line 6 holds the faulty expression; column 9 is where `undefined` starts.
    let folder = try temporaryLab(
      "broken",
      """
      ---
      title: Broken
      ---

      ```swift
      let y = undefinedName + 1
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "broken"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("labs/broken.md:6:9: error:"), "\(result.stderr)")
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "out/broken.html")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/broken.html"))
  }

  @Test func crashIsReportedOnItsCellAndLine() throws {
    let folder = try temporaryLab(
      "crash",
      """
      ```swift id=first
      print("before")
      ```

      ```swift id=second
      let values = [1, 2, 3]
      print(values[7])
      ```

      ```swift id=third
      print("never")
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "crash"], in: folder)
    #expect(result.status == 1)
    // Line 7 is `print(values[7])`; Swift places the trap at its `[`, column 13.
    #expect(
      result.stderr.contains(
        "labs/crash.md:7:13: error: cell 'second': Fatal error: Index out of range"),
      "\(result.stderr)")
    #expect(result.stderr.contains("1 cell did not run"), "\(result.stderr)")
    let report = try String(contentsOfFile: folder.path + "/out/crash.html", encoding: .utf8)
    #expect(report.contains("<pre class=\"stream stderr\">Fatal error: Index out of range</pre>"))
    #expect(!report.contains("ContiguousArrayBuffer"), "Swift's own file is not shown")
  }

  @Test func crashesWithoutAMessageSayWhatTheyWere() throws {
    let folder = try temporaryLab(
      "traps",
      """
      ```swift id=overflow
      let big = Int.max
      print(big + 1)
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    // `big + 1` is line 3; the `+` is at column 11.
    let overflow = try labbook(["run", "traps"], in: folder)
    #expect(overflow.status == 1)
    #expect(
      overflow.stderr.contains(
        "labs/traps.md:3:11: error: cell 'overflow': Swift runtime failure: arithmetic overflow"),
      "\(overflow.stderr)")

    try """
    ```swift id=recursion
    func depth(_ n: Int) -> Int { depth(n + 1) + 1 }
    print(depth(0))
    ```
    """.write(
      to: folder.appendingPathComponent("labs/traps.md"), atomically: true, encoding: .utf8)
    let recursion = try labbook(["run", "traps"], in: folder)
    #expect(recursion.status == 1)
    #expect(
      recursion.stderr.contains("error: cell 'recursion': crashed (SIGSEGV): stack overflow"),
      "\(recursion.stderr)")
  }

  @Test func labPastItsTimeoutIsStopped() throws {
    let folder = try temporaryLab(
      "loop",
      """
      ---
      timeout: 2
      ---

      ```swift id=forever
      var n = 0
      while true { n &+= 1 }
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let started = Date()
    let result = try labbook(["run", "loop"], in: folder)
    #expect(Date().timeIntervalSince(started) < 60)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cell 'forever'"), "\(result.stderr)")
    #expect(result.stderr.contains("2"), "\(result.stderr)")
  }

  @Test func badParameterOverrideIsAUsageErrorWithAHint() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "labbook-set-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let misspelt = try labbook(["run", "weight-init", "--set", "widht=3", "-o", output.path])
    #expect(misspelt.status == 64)
    #expect(misspelt.stderr.contains("width"), "a close-match hint: \(misspelt.stderr)")
    let mistyped = try labbook(["run", "weight-init", "--set", "width=1.5", "-o", output.path])
    #expect(mistyped.status == 64, "\(mistyped.stderr)")
  }

  @Test func unwritableOutputFolderIsReportedBeforeTheRun() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "labbook-file-\(UUID().uuidString)")
    try "not a folder".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let started = Date()
    let result = try labbook(["run", "weight-init", "-o", file.path + "/sub"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot create the output folder"), "\(result.stderr)")
    #expect(Date().timeIntervalSince(started) < 5, "refused before compiling the lab")
    #expect(try labbook(["run", "weight-init", "-o", ""]).status == 64)
  }

  @Test func failedCheckIsReportedAndFailsTheRun() throws {
    let folder = try temporaryLab(
      "checks",
      """
      ```swift id=sums test
      check("two and two", points: 2, 2 + 2 == 5, "expected 5")
      checkClose("close enough", 0.1 + 0.2, 0.3)
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "checks"], in: folder)
    #expect(result.status == 1)
    // At the failing check's own line, not the fence.
    #expect(
      result.stderr.contains(
        "labs/checks.md:2:1: error: cell 'sums': check 'two and two' failed: expected 5 "
          + "(0/2 points)"), "\(result.stderr)")
    #expect(!result.stderr.contains("close enough"), "a passing check is not reported")
  }

  @Test func rerunWithANewParameterInTheDefaultOutputFolderWorks() throws {
    // The compiled program is cached under the relative `out/.labbook`; the
    // second run reuses it from the program's own working folder.
    let folder = try temporaryLab(
      "twice",
      """
      ---
      params:
        n: 1
      ---

      ```swift
      print(param("n", default: 1) * 10)
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    for n in [2, 3] {
      let result = try labbook(["run", "twice", "--set", "n=\(n)"], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      let json = try String(contentsOfFile: folder.path + "/out/twice.json", encoding: .utf8)
      #expect(json.contains("\(n * 10)\\n"), "run with n=\(n)")
    }
  }

  @Test func proseShowsAParameterAsSetOnTheCommandLine() throws {
    let folder = try temporaryLab(
      "wide",
      """
      ---
      params:
        width: 512
      ---

      Each layer is {{width}} wide.

      ```swift
      print(param("width", default: 512))
      ```
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try labbook(["run", "wide", "--set", "width=64"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("{{width}}"), "no warning: \(result.stderr)")
    let report = try String(contentsOfFile: folder.path + "/out/wide.html", encoding: .utf8)
    #expect(report.contains("Each layer is <span class=\"value-ref\" data-name=\"width\">64<"))
    #expect(!report.contains("no value"))
  }
}
