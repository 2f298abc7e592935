import Foundation
import Testing

@testable import LabBook

/// The whole page: title block, contents, cells and their outputs, escaping,
/// failure marking, KaTeX inlining and size.
@Suite struct ReportTests {
  static let plainOptions = ReportOptions(inlineKaTeX: false)
  static let sample = Report(
    document: ReportSample.document, result: ReportSample.result, options: plainOptions
  ).html()

  @Test func titleBlockNamesTheRun() {
    let html = Self.sample
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<h1>Weight initialisation</h1>"))
    #expect(html.contains("<dt>Seed</dt><dd><code>7</code></dd>"))
    #expect(html.contains("<code>layers=6</code>, <code>std=0.05</code>"))
    #expect(html.contains("<dt>LabBook</dt><dd>\(LabBookInfo.version)</dd>"))
    #expect(html.contains("3.25 s (compile 0.52 s)"))
    #expect(html.contains("2026-12-03T16:40:00Z"))
  }

  @Test func olderRunVersionIsShownBesideTheRenderingOne() {
    var result = ReportSample.result
    result.labbookVersion = "0.0.1-old"
    let html = Report(document: ReportSample.document, result: result, options: Self.plainOptions)
      .html()
    #expect(html.contains("<dd>\(LabBookInfo.version) (run with 0.0.1-old)</dd>"))
  }

  @Test func proseHeadingRepeatingTheTitleIsDropped() {
    #expect(Self.sample.components(separatedBy: "Weight initialisation</h1>").count == 2)
    #expect(!Self.sample.contains("href=\"#weight-initialisation\""))
  }

  @Test func cellSummaryCountsStatusesAndLinksFailures() {
    #expect(
      Self.sample.contains(
        "7 cells: 3 ok, 1 check failed, 1 failed, 1 not run, 1 skipped — "
          + "<span class=\"summary-failed\">failed: <a href=\"#cell-check-std\">check-std</a>, "
          + "<a href=\"#cell-crash\">crash</a></span>"))
  }

  @Test func truncationNoteSaysWhenTheJSONWasCappedToo() {
    var result = ReportSample.result
    let engineNote = "[… 5000\(RunTranscript.capNotePhrase)1 MB per stream]\n"
    result.cells[0].outputs = [.text(stream: .stdout, text: String(repeating: "x", count: 50))]
    result.cells[1].outputs = [
      .text(stream: .stdout, text: String(repeating: "y", count: 50) + "\n" + engineNote)
    ]
    let options = ReportOptions(inlineKaTeX: false, maxStreamCharacters: 20)
    let html = Report(document: ReportSample.document, result: result, options: options).html()
    // 50 − 20 characters of the cell's own text; the engine's note is not one of them.
    #expect(html.contains("… 30 more characters not shown (the run's JSON has them all)"))
    #expect(
      html.contains(
        "… 31 more characters not shown (the run's JSON has them, but the engine kept only "
          + "the start of this output: … 5000 more bytes left out"))
  }

  @Test func failedCheckIsCountedAndMarksItsCell() {
    // The sample's one cell with checks: one of its two 1-point checks passed.
    #expect(
      Self.sample.contains(
        "<dt>Checks</dt><dd><span class=\"summary-failed\">1 of 2 passed, 1/2 points</span>"))
    #expect(Self.sample.contains("class=\"cell cell-checkFailed\" id=\"cell-check-std\""))
    #expect(Self.sample.contains("<span class=\"status status-checkFailed\">check failed</span>"))
  }

  @Test func tableOfContentsLinksProseHeadings() {
    let html = Self.sample
    #expect(html.contains("<nav class=\"toc\""))
    #expect(html.contains("<a href=\"#six-layers-of-tanh\">Six layers of tanh</a>"))
    #expect(html.contains("<h2 id=\"six-layers-of-tanh\">Six layers of tanh</h2>"))
    #expect(html.contains("<a href=\"#loss-curves\">Loss curves</a>"))
  }

  @Test func everyCellHasAnAnchor() {
    for cell in ReportSample.document.cells {
      #expect(Self.sample.contains("id=\"cell-\(cell.id)\""))
    }
  }

  @Test func hiddenCodeIsLeftOutButItsOutputStays() {
    #expect(!Self.sample.contains("secret"))
    #expect(Self.sample.contains(">ready</pre>"))
  }

  @Test func programTextIsEscaped() {
    let html = Self.sample
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("Index out of range &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("warning: &lt;slow&gt; BLAS &amp; co"))
    #expect(html.contains("&lt;boom&gt; &amp; &quot;quote&quot;"))
    #expect(html.contains("got 0.2 &lt;b&gt;"))
  }

  @Test func streamsAreDistinguished() {
    #expect(Self.sample.contains("<pre class=\"stream stdout\">final std: 0.0213</pre>"))
    #expect(Self.sample.contains("<pre class=\"stream stderr\">"))
  }

  @Test func failureShowsItsLocationAndSignal() {
    #expect(
      Self.sample.contains(
        "<span class=\"where\">Error at labs/weight-init.md:60:7 (SIGTRAP)</span>"))
    #expect(Self.sample.contains("class=\"cell cell-failed\" id=\"cell-crash\""))
  }

  @Test func cellsAfterAFailureAreMarkedNotRun() {
    #expect(
      Self.sample.contains(
        "Not run: an earlier cell failed (<a href=\"#cell-crash\">crash</a>)."))
    #expect(Self.sample.contains("Skipped: the cell is marked <code>skip</code>."))
  }

  @Test func cellMissingFromTheResultIsNotRun() {
    var result = ReportSample.result
    result.cells.removeAll { $0.id == "loss" }
    let html = Report(document: ReportSample.document, result: result, options: Self.plainOptions)
      .html()
    #expect(html.contains("class=\"cell cell-notRun\" id=\"cell-loss\""))
  }

  @Test func buildFailureExplainsWhyNothingRan() {
    let result = RunResult(
      lab: "x", title: "X", seed: 1, startedAt: "t", labbookVersion: "0",
      diagnostics: [
        Diagnostic(
          .error, at: SourceLocation(file: "x.md", line: 3, column: 5), "cannot find 'q'")
      ],
      cells: [CellResult(id: "a", status: .notRun)])
    let document = LabDocument(
      path: "x.md", source: "", frontMatter: FrontMatter(),
      blocks: [
        .cell(
          Cell(
            id: "a", code: "q", fenceLocation: SourceLocation(file: "x.md", line: 2), codeLine: 3))
      ])
    let html = Report(document: document, result: result, options: Self.plainOptions).html()
    #expect(html.contains("x.md:3:5: error"))
    #expect(html.contains("Not run: the lab program did not build"))
  }

  /// A test cell's `points=` scales its checks as grading does: one of two
  /// 1-point checks in a 3-point test is 1.5 of 3.
  @Test func theSummaryCountsATestsPointsAsGradingDoes() throws {
    let document = try parseLab("```swift id=t test points=3\ncheck(\"a\", true)\n```\n")
    let result = RunResult(
      lab: "lab", title: "Lab", seed: 0, startedAt: "t", labbookVersion: "0",
      cells: [
        CellResult(
          id: "t", status: .ok,
          outputs: [
            .check(CheckResult(name: "a", passed: true, message: "", points: 1, score: 1)),
            .check(CheckResult(name: "b", passed: false, message: "", points: 1, score: 0)),
          ])
      ])
    let html = Report(document: document, result: result, options: Self.plainOptions).html()
    #expect(html.contains("1 of 2 passed, 1.5/3 points"), "\(html)")
  }

  @Test func cellsAfterACompileErrorSayTheProgramDidNotBuild() {
    let error = Diagnostic(
      .error, at: SourceLocation(file: "x.md", line: 3, column: 5), "cannot find 'q'")
    let result = RunResult(
      lab: "x", title: "X", seed: 1, startedAt: "t", labbookVersion: "0",
      diagnostics: [error],
      cells: [
        CellResult(
          id: "a", status: .failed,
          error: CellError(message: "cannot find 'q'", location: error.location)),
        CellResult(id: "b", status: .notRun),
      ])
    let document = LabDocument(
      path: "x.md", source: "", frontMatter: FrontMatter(),
      blocks: [("a", 2), ("b", 6)].map { id, line in
        .cell(
          Cell(
            id: id, code: "q", fenceLocation: SourceLocation(file: "x.md", line: line),
            codeLine: line + 1))
      })
    let html = Report(document: document, result: result, options: Self.plainOptions).html()
    #expect(html.contains("Not run: the lab program did not build"))
    #expect(!html.contains("an earlier cell failed"))
  }

  @Test func controlAndBidiCharactersInOutputAreShownInert() {
    #expect(HTML.escape("a\u{0}b\u{7}c\td\n") == "a\u{2400}b\u{2407}c\td\n")
    #expect(HTML.escape("x\u{202E}y\u{2066}z\u{7F}") == "x[U+202E]y[U+2066]z\u{2421}")
    var result = ReportSample.result
    result.cells[0].outputs = [.text(stream: .stdout, text: "nul\u{0} \u{202E}reversed\n")]
    let html = Report(document: ReportSample.document, result: result, options: Self.plainOptions)
      .html()
    #expect(html.contains("nul\u{2400} [U+202E]reversed"))
    #expect(!html.unicodeScalars.contains { $0.value == 0 || $0.value == 0x202E })
  }

  @Test func checksShowPassFailAndPoints() {
    #expect(Self.sample.contains("✓ passed</span> std near 0.63"))
    #expect(Self.sample.contains("✗ failed</span> mean near 0"))
    #expect(Self.sample.contains("0/1 pts"))
  }

  @Test func figuresAreInlineSVG() {
    #expect(Self.sample.components(separatedBy: "<figure class=\"figure\">\n<svg ").count == 4)
  }

  @Test func withoutKaTeXTheMathIsReadableCodeAndNoScriptRuns() {
    #expect(!Self.sample.contains("<script"))
    #expect(Self.sample.contains("<code class=\"math\">\\sigma = 1/\\sqrt{D_{in}}</code>"))
    let missing = ReportOptions(katexDirectory: "/nonexistent/katex")
    let html = Report(
      document: ReportSample.document, result: ReportSample.result, options: missing
    ).html()
    #expect(!html.contains("<script"))
  }

  @Test func nothingIsFetchedFromTheNetwork() throws {
    let html = Report(document: ReportSample.document, result: ReportSample.result).html()
    for pattern in ["src=\"http", "href=\"http", "url(http", "url(fonts/", "@import"] {
      #expect(!html.contains(pattern), "found \(pattern)")
    }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/javascript/katex")))
  func katexIsInlinedWithOnlyTheFontsTheMathNeeds() {
    let html = Report(document: ReportSample.document, result: ReportSample.result).html()
    #expect(html.contains("<script>\n!function"))
    #expect(html.contains("font-family:KaTeX_Main;src:url(data:font/woff2;base64,"))
    // No \mathfrak in the sample: no Fraktur face, and no other format.
    #expect(!html.contains("KaTeX_Fraktur;src"))
    #expect(!html.contains(".woff)") && !html.contains(".ttf)"))
  }

  @Test func fontFacesFollowTheCommandsUsed() {
    #expect(KaTeXAssets.faces(for: ["x^2"]) == KaTeXAssets.baseFaces)
    let faces = KaTeXAssets.faces(for: ["\\mathbb{R}", "\\mathcal{L}", "\\left( x \\right)"])
    #expect(faces.isSuperset(of: ["AMS-Regular", "Caligraphic-Regular", "Size3-Regular"]))
  }

  @Test func proseWithoutMathLoadsNoKaTeX() {
    let document = LabDocument(
      path: "p.md", source: "", frontMatter: FrontMatter(title: "P"),
      blocks: [
        .prose(Prose(markdown: "Just text.", location: SourceLocation(file: "p.md", line: 1)))
      ])
    let result = RunResult(lab: "p", title: "P", seed: 0, startedAt: "t", labbookVersion: "0")
    let html = Report(document: document, result: result).html()
    #expect(!html.contains("<script") && !html.contains("KaTeX"))
  }

  @Test func longOutputIsCutWithANote() {
    var result = ReportSample.result
    result.cells[0].outputs = [.text(stream: .stdout, text: String(repeating: "x", count: 150))]
    let options = ReportOptions(inlineKaTeX: false, maxStreamCharacters: 100)
    let html = Report(document: ReportSample.document, result: result, options: options).html()
    #expect(html.contains("… 50 more characters not shown"))
  }

  @Test func weightInitSizedReportStaysUnderOneMegabyte() {
    // About ten figures: eight grids of six 50-bin histograms, two 2000-point charts.
    var outputs: [CellOutput] = []
    let edges = (0...50).map { -1 + Double($0) * 0.04 }
    for figure in 0..<8 {
      var grid = FigureSpec(kind: .histogramGrid, title: "Activations \(figure)")
      var panels: [FigureSpec.HistogramPanel] = []
      for layer in 1...6 {
        var counts: [Double] = []
        for bin in 0..<50 { counts.append(Double((bin * 7919 + layer * 104_729) % 997)) }
        panels.append(
          .init(
            title: "Layer \(layer)", edges: edges, counts: counts,
            mean: 0.001 * Double(layer), std: 0.5 / Double(layer)))
      }
      grid.panels = panels
      outputs.append(.figure(grid))
    }
    var ys: [Double] = []
    for i in 0..<2000 { ys.append(2.3 * exp(-Double(i) / 500) + Double(i % 17) / 100) }
    var scatter = FigureSpec(kind: .scatter, title: "Loss")
    scatter.series = [.init(name: "loss", x: ys.indices.map(Double.init), y: ys)]
    scatter.movingAverage = 50
    var line = FigureSpec(kind: .line, title: "Loss")
    line.series = scatter.series
    outputs += [.figure(scatter), .figure(line)]
    var result = ReportSample.result
    result.cells[0].outputs = outputs
    let html = Report(document: ReportSample.document, result: result, options: Self.plainOptions)
      .html()
    print("weight-init-sized report: \(html.utf8.count) bytes")
    #expect(html.utf8.count < 1_000_000, "\(html.utf8.count) bytes")
  }

  @Test func sameInputGivesSameBytes() {
    let again = Report(
      document: ReportSample.document, result: ReportSample.result, options: Self.plainOptions
    ).html()
    #expect(again == Self.sample)
  }

  /// The sample page compared byte for byte with its golden file;
  /// `LABBOOK_RECORD_GOLDEN=1` re-records it.
  @Test func samplePageMatchesItsGoldenFile() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/Report/sample.html")
    if ProcessInfo.processInfo.environment["LABBOOK_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Self.sample.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let golden = try #require(
      try? String(contentsOf: file, encoding: .utf8),
      "missing \(file.path); run with LABBOOK_RECORD_GOLDEN=1 to record it")
    // Compare as a Bool and name the first differing line: the files are long.
    let same = Self.sample == golden
    let line = Array(zip(Self.sample.split(separator: "\n"), golden.split(separator: "\n")))
      .firstIndex { $0.0 != $0.1 }.map { $0 + 1 }
    #expect(
      same,
      Comment(
        rawValue: "sample.html differs (first at line \(line.map(String.init) ?? "end"));"
          + " LABBOOK_RECORD_GOLDEN=1 re-records it"))
  }
}
