import Foundation
import Testing

@testable import LabBook

/// End-to-end runs of tiny labs: generate, compile against LabKit, run,
/// collect. Each test compiles one small program in debug mode.
@Suite struct EngineRunTests {
  @Test func recordsValuesFiguresChecksAndOutputInOrder() throws {
    let fixture = try EngineFixture(
      "basics",
      frontMatter: FrontMatter(title: "Basics", params: [("lr", .double(0.1))]),
      code: [
        """
        print("hello")
        record("answer", 42)
        record("ratio", Float(0.1))
        record("quote", "say \\"hi\\"\\n")
        record("curve", [1.5, Double.nan, -Double.infinity])
        show(bars: ["a", "b"], [1.0, 2.0], title: "Bars")
        print("after")
        """,
        """
        record("lr", param("lr", default: 0.5))
        record("seed", Int(_LabRuntime.seed))
        check("holds", points: 2, true, "never shown")
        checkClose("close", 1.0 + 1e-9, 1.0)
        checkClose("far", 1.0, 2.0, atol: 0.5, rtol: 0)
        """,
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(
      fixture.document, options: RunOptions(seed: 7, params: ["lr": "0.25"]))

    #expect(result.cells.map(\.status) == [.ok, .ok])
    #expect(result.title == "Basics")
    #expect(result.lab == "basics")
    #expect(result.seed == 7)
    #expect(result.params["lr"] == .double(0.25))
    let first = result.cells[0]
    #expect(first.text(.stdout) == "hello\nafter\n")
    // Text before the figure comes before it; text printed after comes after.
    let kinds = first.outputs.map { output -> String in
      switch output {
      case .text(_, let text): "text:\(text)"
      case .figure: "figure"
      case .value(let name, _): "value:\(name)"
      case .check: "check"
      }
    }
    #expect(
      kinds == [
        "text:hello\n", "value:answer", "value:ratio", "value:quote", "value:curve",
        "figure", "text:after\n",
      ])
    #expect(result.values["answer"] == .number(42))
    #expect(result.values["ratio"] == .number(0.1))
    #expect(result.values["quote"] == .text("say \"hi\"\n"))
    guard case .series(let curve) = result.values["curve"] else {
      Issue.record("curve is not a series")
      return
    }
    #expect(curve.count == 3 && curve[0] == 1.5 && curve[1].isNaN && curve[2] == -.infinity)
    let bars = try #require(first.figures.first)
    #expect(bars.kind == .bar && bars.labels == ["a", "b"] && bars.values == [1, 2])
    #expect(bars.title == "Bars")

    #expect(result.values["lr"] == .number(0.25))
    #expect(result.values["seed"] == .number(7))
    let checks = result.cells[1].checks
    #expect(checks.map(\.name) == ["holds", "close", "far"])
    #expect(checks.map(\.passed) == [true, true, false])
    #expect(checks.map(\.score) == [2, 1, 0])
    #expect(checks[2].message.contains("got 1.0"))
  }

  @Test func histogramGridSharesEdgesAndReportsMomentsPerPanel() throws {
    let fixture = try EngineFixture(
      "grid",
      code: [
        """
        show(histograms: [("a", [0, 1, 2, 3] as [Float]), ("b", [4, .nan])], bins: 4,
             title: "Layers")
        show(histogram: [1.0, 1.0], bins: 2)
        show(histograms: [("a", [0.1]), ("b", [0.3])], bins: 2)
        """
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    let figures = result.cells[0].figures
    #expect(figures.count == 3)
    let grid = try #require(figures.first?.panels)
    #expect(figures[0].kind == .histogramGrid)
    // Shared range: the finite minimum 0 to maximum 4, in 4 equal bins.
    #expect(grid[0].edges == [0, 1, 2, 3, 4])
    #expect(grid[1].edges == [0, 1, 2, 3, 4])
    #expect(grid[0].counts == [1, 1, 1, 1])
    #expect(grid[1].counts == [0, 0, 0, 1])
    #expect(grid[0].mean == 1.5)
    // Population std of 0, 1, 2, 3: sqrt(((1.5² + 0.5²) · 2) / 4) = sqrt(1.25).
    #expect(abs((grid[0].std ?? 0) - 1.25.squareRoot()) < 1e-12)
    #expect(grid[1].nonFinite == 1)
    #expect(grid[1].mean == 4 && grid[1].std == 0)
    // A single repeated value gets a unit-wide range around it.
    #expect(figures[1].panels?[0].edges == [0.5, 1, 1.5])
    #expect(figures[1].panels?[0].counts == [0, 2])
    // Doubles are binned as Floats: 0.3 rounds up as a Float, yet stays in.
    #expect(figures[2].panels?.map(\.counts) == [[1, 0], [0, 1]])
  }

  @Test func lineScatterAndHeatmapFiguresCarryTheirData() throws {
    let fixture = try EngineFixture(
      "figures",
      code: [
        """
        show(lines: [("train", [3, 2, 1]), ("val", [4, 3, 3])], title: "Loss",
             xLabel: "epoch", markers: [(x: 1, label: "best")])
        show(line: [1, 2, 4] as [Float], x: [0, 10, 20], logY: true)
        show(line: [("a", [1, 2], [3, 4]), ("b", [5], [6])], title: "Own x")
        show(scatter: [5.0, .nan], movingAverage: 2, yLabel: "loss")
        show(heatmap: [1, 2, 3, 4, 5, 6], rows: 2, cols: 3, title: "Grid")
        record("text", "tab\\tπ\\u{01}")
        """
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    var figures = result.cells[0].figures
    #expect(figures.map(\.kind) == [.line, .line, .line, .scatter, .heatmap])
    let own = try #require(figures[2].series)
    #expect(own.map(\.x) == [[1, 2], [5]] && own.map(\.y) == [[3, 4], [6]])
    figures.remove(at: 2)
    let lines = try #require(figures[0].series)
    #expect(lines.map(\.name) == ["train", "val"])
    #expect(lines[0].x == [0, 1, 2] && lines[1].y == [4, 3, 3])
    #expect(figures[0].xLabel == "epoch" && figures[0].yLabel == nil)
    #expect(figures[0].markers?.first?.x == 1 && figures[0].markers?.first?.label == "best")
    #expect(figures[1].series?.first?.x == [0, 10, 20] && figures[1].logY == true)
    #expect(figures[2].movingAverage == 2 && figures[2].yLabel == "loss")
    #expect(figures[2].series?.first?.y[1].isNaN == true)
    #expect(
      figures[3].rows == 2 && figures[3].cols == 3 && figures[3].values == [1, 2, 3, 4, 5, 6])
    #expect(result.values["text"] == .text("tab\tπ\u{01}"))
  }

  @Test func misuseOfAShowCallFailsAtTheLabsLine() throws {
    let fixture = try EngineFixture(
      "misuse", code: ["print(1)\nshow(bars: [\"a\"], [1.0, 2.0])", "print(2)"])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.failed, .notRun])
    let error = try #require(result.cells[0].error)
    #expect(error.message.contains("1 labels but 2 values"))
    #expect(error.location?.line == fixture.line(cell: 0, offset: 1))
  }

  @Test func laterCellsMayRedeclareNamesAsInANotebook() throws {
    let fixture = try EngineFixture(
      "redeclare",
      code: [
        "let width = 3\nstruct Layer { var size = width }\nvar x = 1",
        "var x = \"two\"\nfunc describe() -> String { x + \"!\" }",
        "print(x, Layer().size, describe())\nlet x = 3.5\nprint(x)",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    try #require(result.cells.map(\.status) == [.ok, .ok, .ok])
    #expect(result.cells[2].text(.stdout) == "two 3 two!\n3.5\n")
  }

  @Test func outputBeyondTheCapIsCutWithANote() throws {
    let fixture = try EngineFixture(
      "chatty", code: ["print(String(repeating: \"a\", count: 1_500_000))", "print(\"ok\")"])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    let text = result.cells[0].text(.stdout)
    #expect(text.prefix(RunTranscript.outputCap).allSatisfy { $0 == "a" })
    // 1_500_000 a's and a newline, of which the cap's worth is kept.
    #expect(text.contains("\(1_500_001 - RunTranscript.outputCap) more bytes left out"))
    #expect(result.cells[1].text(.stdout) == "ok\n")
  }

  @Test func exitInACellFailsItAndStopsTheLab() throws {
    let fixture = try EngineFixture(
      "exits", code: ["import Glibc\nprint(\"bye\")\nexit(3)", "print(\"never\")"])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.failed, .notRun])
    #expect(result.cells[0].error?.message.contains("status 3") == true)
    #expect(result.cells[0].text(.stdout) == "bye\n")
  }

  @Test func parameterReadAsTheWrongTypeFailsWithItsName() throws {
    let fixture = try EngineFixture(
      "wrongtype", frontMatter: FrontMatter(params: [("lr", .double(0.1))]),
      code: ["let lr = param(\"lr\", default: 1)"])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    let error = try #require(result.cells[0].error)
    #expect(error.message.contains("parameter \"lr\" is \"0.1\", not an integer"))
    #expect(error.location?.line == fixture.line(cell: 0))
  }

  @Test func compileErrorFailsTheCellItNamesAtTheLabsLine() throws {
    let fixture = try EngineFixture(
      "broken",
      code: [
        "let x = 1",
        "print(x)\nlet y: Int = \"text\"",
        "print(y)",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.notRun, .failed, .notRun])
    let error = try #require(result.cells[1].error)
    // The string literal starts after `let y: Int = `, 13 characters in.
    #expect(
      error.location
        == SourceLocation(
          file: fixture.document.path, line: fixture.line(cell: 1, offset: 1),
          column: 14))
    #expect(error.message.contains("String"))
    #expect(result.diagnostics.contains { $0.severity == .error })
  }

  @Test func crashFailsTheRunningCellWithSignalMessageAndLine() throws {
    let fixture = try EngineFixture(
      "crash",
      code: [
        "print(\"one\")",
        "print(\"before\")\nfatalError(\"boom\")",
        "print(\"three\")",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.ok, .failed, .notRun])
    #expect(result.cells[1].text(.stdout) == "before\n")
    let error = try #require(result.cells[1].error)
    #expect(error.message.contains("Fatal error: boom"))
    #expect(["SIGILL", "SIGTRAP"].contains(error.signal ?? ""))
    #expect(error.location?.line == fixture.line(cell: 1, offset: 1))
    #expect(result.cells[2].outputs.isEmpty)
    // The runtime's address-only stack trace is left out; the message stays.
    #expect(!result.cells[1].text(.stderr).contains("stack trace"))
    #expect(result.cells[1].text(.stderr).contains("Fatal error: boom"))
  }

  @Test func trapInLibraryCodeIsLocatedAtTheLabLinesThatCalledIt() throws {
    let fixture = try EngineFixture(
      "outofrange",
      code: [
        "let a = [1, 2]\nfunc pick(_ i: Int) -> Int {\n  a[i]\n}",
        "print(\"start\")\nprint(pick(5))",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.ok, .failed])
    let error = try #require(result.cells[1].error)
    #expect(error.message.hasPrefix("Fatal error: Index out of range"))
    // Innermost lab frame: the subscript `[` of `  a[i]`, line 3 of cell 1, column 4.
    #expect(
      error.location
        == SourceLocation(
          file: fixture.document.path, line: fixture.line(cell: 0, offset: 2),
          column: 4))
    #expect(
      error.message.contains(
        "called from \(fixture.document.path):\(fixture.line(cell: 1, offset: 1))"))
    #expect(result.cells[1].text(.stdout) == "start\n")
    #expect(!result.cells[1].text(.stderr).contains("Backtrac"))
  }

  @Test func outputWithoutNewlineStaysWithTheCellThatPrintedIt() throws {
    let fixture = try EngineFixture(
      "unflushed",
      code: [
        "print(\"a\", terminator: \"\")",
        "print(\"b\")",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells[0].text(.stdout) == "a")
    #expect(result.cells[1].text(.stdout) == "b\n")
  }

  @Test func skippedCellsAreLeftOutOfTheProgram() throws {
    let fixture = try EngineFixture(
      "skips",
      cells: [
        ("var n = 1", []),
        ("n = undefinedName", [("skip", "")]),
        ("print(n)", []),
      ])
    defer { fixture.remove() }
    let log = ProgressLog()

    let result = try testEngine().run(fixture.document, options: RunOptions(progress: log.progress))

    #expect(result.cells.map(\.status) == [.ok, .skipped, .ok])
    #expect(result.cells[2].text(.stdout) == "1\n")
    #expect(log.names.filter { $0.hasPrefix("finished") } == ["finished 0 ok", "finished 1 ok"])
  }

  @Test func labWithOnlySkippedCellsRunsToAResultWithoutErrors() throws {
    let fixture = try EngineFixture("empty", cells: [("fatalError()", [("skip", "")])])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.skipped])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func cellPastTheMemoryLimitFailsSayingSo() throws {
    let fixture = try EngineFixture(
      "memory",
      frontMatter: FrontMatter(memory: 256 << 20),
      code: [
        "print(\"small\")",
        """
        // 8 × 64 Mi bytes = 512 MiB, twice the limit.
        let big = [Double](repeating: 1, count: 64 << 20)
        print(big.count)
        """,
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.ok, .failed])
    let message = try #require(result.cells[1].error?.message)
    #expect(message.hasPrefix("the lab used more than its memory limit of 256 MiB"))
    #expect(message.contains("`memory:`"))
  }

  @Test func undeclaredParamWarnsOnceAtItsLabLine() throws {
    let fixture = try EngineFixture(
      "params",
      frontMatter: FrontMatter(params: [("lr", .double(0.1))]),
      code: [
        """
        let lr = param("lr", default: 0.5)
        let typo = param("nothere", default: 3)
        let again = param("nothere", default: 3)
        let name = param("label", default: "x")
        print(lr, typo + again, name)
        """
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.ok])
    #expect(result.cells[0].text(.stdout) == "0.1 6 x\n")
    let lines = result.cells[0].text(.stderr).split(separator: "\n")
    #expect(lines.count == 2, "\(lines)")
    let path = fixture.document.path
    #expect(
      lines.first?.hasPrefix(
        "\(path):\(fixture.line(cell: 0, offset: 1)): warning: param \"nothere\" is not "
          + "declared in the front matter's params; --set cannot change it") == true)
    #expect(
      lines.last?.hasPrefix(
        "\(path):\(fixture.line(cell: 0, offset: 3)): warning: param "
          + "\"label\"") == true)
  }

  @Test func timeoutStopsTheWholeProcessGroup() throws {
    let fixture = try EngineFixture(
      "forever",
      frontMatter: FrontMatter(timeout: 2),
      code: [
        "print(\"fine\")",
        """
        import Glibc
        // A grandchild in the same process group, which must not outlive the run.
        _ = system("sleep 1000 & echo $!")
        while true {}
        """,
        "print(\"never\")",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.ok, .timedOut, .notRun])
    #expect(result.cells[1].error?.message.contains("2 s") == true)
    #expect(result.cells[1].seconds > 0, "the stopped cell ran until it was stopped")
    let pid = try #require(Int32(result.cells[1].text(.stdout).trimmingCharacters(in: .newlines)))
    #expect(!isAlive(pid))
  }

  /// A time-out asks Swift's backtracer where the cell was: the error names
  /// the loop's line, and the crash report stays out of the cell's output.
  @Test func aTimedOutCellIsPlacedAtTheLineItWasRunning() throws {
    let fixture = try EngineFixture(
      "spin",
      frontMatter: FrontMatter(timeout: 2),
      code: [
        """
        print("started")
        do {
          var x = 1
          while x > 0 { x = (x &* 3) & 0xFFFF | 1 }
          print(x)
        }
        """
      ])
    defer { fixture.remove() }

    // The signal lands wherever the loop is; now and then the unwinder
    // misses the frame (the error is then at the fence): up to three tries.
    var placed: [Int?] = []
    for _ in 0..<3 {
      let cell = try testEngine().run(fixture.document, options: RunOptions()).cells[0]
      #expect(cell.status == .timedOut)
      #expect(cell.text(.stdout) == "started\n")
      #expect(!cell.text(.stderr).contains("Backtrac"), "\(cell.text(.stderr))")
      placed.append(cell.error?.location?.line)
      if cell.error?.location?.line == fixture.line(cell: 0, offset: 3) {
        #expect(cell.error?.message.contains("it was running line") == true)
        break
      }
    }
    #expect(placed.last == fixture.line(cell: 0, offset: 3), "\(placed)")
  }

  /// An element updated in place past the end (`out[i] /= 2`): the frame
  /// has no line, so the function's own line is named, with the caller.
  @Test func aCrashInAnInPlaceUpdateIsPlacedAtItsFunction() throws {
    let fixture = try EngineFixture(
      "inplace",
      code: [
        """
        func halve(_ x: [Float]) -> [Float] {
          var out = x
          for i in 0...out.count { out[i] /= 2 }
          return out
        }
        """,
        "print(halve([1, 2]))",
      ])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    let error = try #require(result.cells[1].error)
    #expect(error.message.hasPrefix("Fatal error: Index out of range"), "\(error.message)")
    // Either the update's own line, when the debug info has it, or `func halve`.
    let line = try #require(error.location?.line)
    #expect(
      [fixture.line(cell: 0, offset: 0), fixture.line(cell: 0, offset: 2)].contains(line),
      "\(error)")
    #expect(error.message.contains("called from"), "\(error.message)")
  }

  @Test func installedLayoutIsFoundBesideTheBinary() throws {
    // The layout `make install PREFIX=…` makes, built from this build's files.
    let built = try Toolchain.locate()
    let fixture = try EngineFixture("installed", code: ["record(\"x\", 1)"])
    defer { fixture.remove() }
    let prefix = fixture.folder + "/prefix"
    let files = FileManager.default
    for folder in ["bin", "lib/labbook", "share/labbook/shims"] {
      try files.createDirectory(atPath: prefix + "/" + folder, withIntermediateDirectories: true)
    }
    try files.createSymbolicLink(
      atPath: prefix + "/lib/labbook/libLabKit.so",
      withDestinationPath: built.libraryDirectory + "/libLabKit.so")
    try files.copyItem(
      atPath: built.moduleDirectory + "/LabKit.swiftmodule",
      toPath: prefix + "/lib/labbook/LabKit.swiftmodule")
    for shim in built.includeDirectories {
      let name = (shim as NSString).lastPathComponent
      try files.copyItem(atPath: shim, toPath: prefix + "/share/labbook/shims/" + name)
    }

    let toolchain = try Toolchain.locate(
      executable: prefix + "/bin/labbook", environment: ["LABBOOK_SWIFTC": built.swiftc])

    #expect(toolchain.libraryDirectory == prefix + "/lib/labbook")
    #expect(toolchain.moduleDirectory == prefix + "/lib/labbook")
    #expect(toolchain.includeDirectories.contains(prefix + "/share/labbook/shims/CBLAS"))
    let result = try Engine(toolchain: toolchain).run(fixture.document, options: RunOptions())
    #expect(result.values["x"] == .number(1))
  }

  @Test func backgroundProcessesDoNotOutliveANormalRun() throws {
    let fixture = try EngineFixture(
      "background", code: ["import Glibc\n_ = system(\"sleep 1000 & echo $!\")"])
    defer { fixture.remove() }

    let result = try testEngine().run(fixture.document, options: RunOptions())

    #expect(result.cells.map(\.status) == [.ok])
    let pid = try #require(Int32(result.cells[0].text(.stdout).trimmingCharacters(in: .newlines)))
    #expect(!isAlive(pid))
  }

  @Test func parsedLabRunsWithItsFrontMatterAndMapsErrorsToItsLines() throws {
    let fixture = try EngineFixture("unused", code: [])
    defer { fixture.remove() }
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let source = try String(
      contentsOf: fixtures.appendingPathComponent("Fixtures/Engine/parsed.md"), encoding: .utf8)
    let path = fixture.folder + "/labs/parsed.md"
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    let document = try LabDocument.parse(source, path: path)
    let engine = try testEngine()

    let broken = try engine.run(document, options: RunOptions())

    // `let bad: Int = rate` is line 24, indented 2 by its fence: `rate` is at
    // column 2 + 16. `let oops: Int = losses` is line 30, `losses` at 17.
    try #require(broken.cells.map(\.status) == [.notRun, .failed, .failed])
    #expect(broken.cells[1].error?.location == SourceLocation(file: path, line: 24, column: 18))
    #expect(broken.cells[2].error?.location == SourceLocation(file: path, line: 30, column: 17))

    let fixed = try LabDocument.parse(
      source.replacingOccurrences(of: "let oops: Int = losses\n", with: "")
        .replacingOccurrences(of: "  let bad: Int = rate\n", with: ""), path: path)
    let result = try engine.run(fixed, options: RunOptions(params: ["steps": "4"]))

    try #require(result.cells.map(\.status) == [.ok, .ok, .ok])
    #expect(result.title == "Parsed end to end" && result.seed == 5)
    #expect(result.values["losses"] == .series([1, 0.5, 0.25, 0.125]))
    #expect(result.cells[2].checks.first?.passed == false)
  }

  /// Whether `pid` names a live process (a zombie waiting for its parent
  /// to reap it counts as gone).
  private func isAlive(_ pid: Int32) -> Bool {
    for _ in 0..<50 {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      let state = stat[stat.index(close, offsetBy: 2)]
      if state == "Z" || state == "X" { return false }
      usleep(20_000)
    }
    return true
  }
}
