import Foundation

/// A lab's run as one self-contained HTML page: title block, contents, the
/// prose with maths and `{{name}}` values filled in, and each cell's code
/// followed by its outputs (text, figures as inline SVG, values, checks,
/// errors). Nothing is fetched from the network; no script is needed to
/// read it (KaTeX, when inlined, only typesets the maths).
public struct Report {
  public var document: LabDocument
  public var result: RunResult
  public var options: ReportOptions

  public init(document: LabDocument, result: RunResult, options: ReportOptions = .init()) {
    self.document = document
    self.result = result
    self.options = options
  }

  /// The page, deterministic for the same inputs and KaTeX files.
  public func html() -> String {
    let cellIDs = Set(document.cells.map { "cell-" + $0.id })
    var prose = ProseRenderer(values: result.proseValues, usedIDs: cellIDs.union(["contents"]))
    prose.titleToDrop = title
    var body = ""
    var failedBefore: String?
    for block in document.blocks {
      switch block {
      case .prose(let text):
        body += prose.render(text.markdown)
      case .cell(let cell):
        let cellResult = result.cell(cell.id)
        body += renderCell(cell, cellResult, failedBefore: failedBefore)
        if failedBefore == nil,
          let status = cellResult?.status, status == .failed || status == .timedOut
        {
          failedBefore = cell.id
        }
      case .answer(let answer):
        body += renderAnswer(answer)
      }
    }

    let katex =
      options.inlineKaTeX && !prose.tex.isEmpty
      ? KaTeXAssets(directory: options.katexDirectory, tex: prose.tex) : nil
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<meta name=\"generator\" content=\"LabBook \(HTML.escape(LabBookInfo.version))\">\n"
    page += "<title>\(HTML.escape(title))</title>\n"
    page += "<style>\n\(ReportStyle.css)\n</style>\n"
    if let katex { page += "<style>\n\(katex.stylesheet)\n</style>\n" }
    page += "</head>\n<body>\n<main>\n"
    page += titleBlock()
    page += runDiagnostics()
    page += tableOfContents(prose.headings)
    page += body
    page += "<footer>Made by LabBook \(HTML.escape(LabBookInfo.version)) from "
    page += "<code>\(HTML.escape(document.path))</code>.</footer>\n"
    page += "</main>\n"
    if let katex {
      page += "<script>\n\(katex.script)\n</script>\n"
      page += "<script>\n\(KaTeXAssets.renderScript)\n</script>\n"
    }
    page += "</body>\n</html>\n"
    return page
  }

  /// The lab's title: the run's, the front matter's, or the file's name.
  var title: String {
    if !result.title.isEmpty { return result.title }
    if let title = document.frontMatter.title, !title.isEmpty { return title }
    return document.path
  }

  private func titleBlock() -> String {
    var rows: [(String, String)] = [
      ("Lab", "<code>\(HTML.escape(document.path))</code>"),
      ("Run", HTML.escape(result.startedAt)),
      ("Seed", "<code>\(result.seed)</code>"),
    ]
    if !result.params.isEmpty {
      let params = result.params.keys.sorted().map { key in
        "<code>\(HTML.escape(key))=\(HTML.escape(result.params[key]!.description))</code>"
      }
      rows.append(("Params", params.joined(separator: ", ")))
    }
    var time = seconds(result.totalSeconds)
    if result.compileSeconds > 0 { time += " (compile \(seconds(result.compileSeconds)))" }
    rows.append(("Time", time))
    // The version that rendered the page; the run's own when a cached run differs.
    var version = HTML.escape(LabBookInfo.version)
    if !result.labbookVersion.isEmpty && result.labbookVersion != LabBookInfo.version {
      version += " (run with \(HTML.escape(result.labbookVersion)))"
    }
    rows.append(("LabBook", version))
    rows.append(("Cells", cellSummary()))
    if let checks = checkSummary() { rows.append(("Checks", checks)) }

    var html = "<header class=\"title-block\">\n<h1>\(HTML.escape(title))</h1>\n"
    html += "<dl class=\"meta\">\n"
    for (name, value) in rows { html += "<dt>\(name)</dt><dd>\(value)</dd>\n" }
    return html + "</dl>\n</header>\n"
  }

  /// "5 cells: 2 ok, 1 check failed, 1 failed, 1 not run — failed: …"; a
  /// cell that ran but failed a check is counted apart from "ok".
  private func cellSummary() -> String {
    var counts: [CellResult.Status: Int] = [:]
    var checkFailed = 0
    var failed: [String] = []
    for cell in document.cells {
      let run = result.cell(cell.id)
      let status = run?.status ?? .notRun
      if status == .ok && Self.hasFailedCheck(run) {
        checkFailed += 1
        failed.append(cell.id)
        continue
      }
      counts[status, default: 0] += 1
      if status == .failed || status == .timedOut { failed.append(cell.id) }
    }
    var parts = counts[.ok].map { ["\($0) ok"] } ?? []
    if checkFailed > 0 { parts.append("\(checkFailed) check failed") }
    let order: [(CellResult.Status, String)] = [
      (.failed, "failed"), (.timedOut, "timed out"), (.notRun, "not run"), (.skipped, "skipped"),
    ]
    parts += order.compactMap { status, name in
      counts[status].map { "\($0) \(name)" }
    }
    let total = document.cells.count
    var text = "\(total) cell\(total == 1 ? "" : "s")"
    if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
    if !failed.isEmpty {
      let links = failed.map { id in
        "<a href=\"#cell-\(HTML.escape(id))\">\(HTML.escape(id))</a>"
      }
      text +=
        " — <span class=\"summary-failed\">failed: "
        + links.joined(separator: ", ") + "</span>"
    }
    return text
  }

  /// "3 of 4 passed, 5/7 points" over every check the run recorded; `nil`
  /// when there is none. Points are left out when no check carries any. A
  /// test cell with `points=` counts as grading counts it: its checks'
  /// share of that many points.
  private func checkSummary() -> String? {
    var checks: [CheckResult] = []
    var score = 0.0
    var points = 0.0
    for cell in result.cells {
      let own = cell.outputs.compactMap { output -> CheckResult? in
        if case .check(let check) = output { return check }
        return nil
      }
      checks += own
      let possible = own.map(\.points).reduce(0, +)
      let earned = own.map(\.score).reduce(0, +)
      if let scale = document.cells.first(where: { $0.id == cell.id })?.points, possible > 0 {
        score += scale * earned / possible
        points += scale
      } else {
        score += earned
        points += possible
      }
    }
    guard !checks.isEmpty else { return nil }
    let passed = checks.filter(\.passed).count
    var text = "\(passed) of \(checks.count) passed"
    if points > 0 {
      text += ", \(formatNumber(score))/\(formatNumber(points)) points"
    }
    if passed < checks.count { text = "<span class=\"summary-failed\">\(text)</span>" }
    return text
  }

  private func runDiagnostics() -> String {
    guard !result.diagnostics.isEmpty else { return "" }
    var html = "<section class=\"diagnostics\">\n"
    for diagnostic in result.diagnostics {
      let cls = diagnostic.severity == .error ? "error" : "notice"
      html += "<div class=\"\(cls)\"><span class=\"where\">"
      if let location = diagnostic.location { html += HTML.escape(location.description) + ": " }
      html += HTML.escape(diagnostic.severity.rawValue) + "</span>"
      html += "<pre>\(HTML.escape(diagnostic.message))"
      if !diagnostic.hint.isEmpty { html += "\nhint: " + HTML.escape(diagnostic.hint) }
      html += "</pre></div>\n"
    }
    return html + "</section>\n"
  }

  private func tableOfContents(_ headings: [ProseRenderer.Heading]) -> String {
    let entries = headings.filter { $0.level <= 3 }
    guard !entries.isEmpty else { return "" }
    let top = entries.map(\.level).min() ?? 1
    var html = "<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n"
    html += "<h2>Contents</h2>\n<ol>\n"
    for heading in entries {
      let depth = heading.level - top + 2
      html += "<li class=\"toc-\(depth)\"><a href=\"#\(HTML.escape(heading.id))\">"
      html += HTML.escape(heading.text) + "</a></li>\n"
    }
    return html + "</ol>\n</nav>\n"
  }

  private func seconds(_ value: Double) -> String {
    guard value.isFinite, value >= 0 else { return "–" }
    return value < 10 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
  }
}
