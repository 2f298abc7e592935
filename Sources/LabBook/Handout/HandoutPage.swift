import Foundation

/// The printable handout of a student lab as one self-contained HTML page:
/// the title, the prose with its maths, every cell's starter code (solution
/// cells marked "your code"), visible tests, the answer blocks as empty
/// boxes, and — only when the lab's front matter says `handout: {figures:
/// true}` and a reference run is given — the reference run's figures.
public struct HandoutPage {
  /// The student version of the lab (parsed from `Handout.markdown`).
  public var student: LabDocument
  /// The instructor's run, whose figures and values the page may show.
  public var reference: RunResult?
  public var options: ReportOptions

  public init(student: LabDocument, reference: RunResult? = nil, options: ReportOptions = .init()) {
    self.student = student
    self.reference = reference
    self.options = options
  }

  /// Whether the lab allows reference figures: `handout: {figures: true}`.
  public static func allowsFigures(_ document: LabDocument) -> Bool {
    document.frontMatter.handout["figures"]?.lowercased() == "true"
  }

  /// The page, deterministic for the same inputs.
  public func html() -> String {
    let figures = Self.allowsFigures(student) ? reference : nil
    // Without a reference run the parameters' defaults are the values.
    var params = Dictionary(
      student.frontMatter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    params.merge(figures?.params ?? [:]) { $1 }
    let values = ProseValues.resolve(params: params, recorded: figures?.values ?? [:])

    let title = student.frontMatter.title ?? Self.labName(student.path)
    var prose = ProseRenderer(
      values: values, usedIDs: Set(student.cells.map { "cell-" + $0.id }))
    prose.titleToDrop = title
    var body = ""
    for block in student.blocks {
      switch block {
      case .prose(let text): body += prose.render(text.markdown)
      case .cell(let cell): body += renderCell(cell, run: figures?.cell(cell.id))
      case .answer(let answer): body += renderAnswer(answer)
      }
    }

    let katex =
      options.inlineKaTeX && !prose.tex.isEmpty
      ? KaTeXAssets(directory: options.katexDirectory, tex: prose.tex) : nil
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<meta name=\"generator\" content=\"LabBook \(HTML.escape(LabBookInfo.version))\">\n"
    page += "<title>\(HTML.escape(title))</title>\n"
    page += "<style>\n\(ReportStyle.css)\n\(Self.printCSS)\n</style>\n"
    if let katex { page += "<style>\n\(katex.stylesheet)\n</style>\n" }
    page += "</head>\n<body>\n<main class=\"handout\">\n"
    page += "<header class=\"title-block\">\n<h1>\(HTML.escape(title))</h1>\n"
    page += "<p class=\"handout-note\">Student handout for <code>"
    page += HTML.escape(Self.labName(student.path)) + ".md</code>: write your code where"
    page += " a cell is marked <span class=\"tag\">your code</span>, between the"
    page += " <code>BEGIN SOLUTION</code> and <code>END SOLUTION</code> lines.</p>\n"
    page += "</header>\n"
    page += body
    page += "<footer>Made by LabBook \(HTML.escape(LabBookInfo.version)).</footer>\n"
    page += "</main>\n"
    if let katex {
      page += "<script>\n\(katex.script)\n</script>\n"
      page += "<script>\n\(KaTeXAssets.renderScript)\n</script>\n"
    }
    return page + "</body>\n</html>\n"
  }

  /// The lab's file name without folders and `.md`.
  static func labName(_ path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
  }

  private func renderCell(_ cell: Cell, run: CellResult?) -> String {
    let id = HTML.escape(cell.id)
    var html = "<section class=\"cell\" id=\"cell-\(id)\">\n<div class=\"cell-head\">"
    html += "<span class=\"cell-id\">[\(id)]</span>"
    if let title = cell.title { html += "<span class=\"cell-title\">\(HTML.escape(title))</span>" }
    if cell.isSolution { html += "<span class=\"tag\">your code</span>" }
    if cell.isTest { html += "<span class=\"tag\">test</span>" }
    if let points = cell.points {
      html += "<span class=\"tag\">\(formatNumber(points)) pt\(points == 1 ? "" : "s")</span>"
    }
    html += "</div>\n<pre class=\"code\"><code class=\"language-swift\">"
    html += SwiftHighlighter.html(cell.code) + "</code></pre>\n"
    for case .figure(let spec) in run?.outputs ?? [] {
      html += "<figure class=\"figure\">\n" + FigureRenderer.chart(for: spec).svg()
      html += "\n<figcaption>Reference figure</figcaption>\n</figure>\n"
    }
    return html + "</section>\n"
  }

  private func renderAnswer(_ answer: AnswerBlock) -> String {
    var html = "<div class=\"answer\" id=\"answer-\(HTML.escape(answer.id))\">"
    html += "<div class=\"answer-head\">Your answer (\(answer.kind.rawValue)"
    if let points = answer.points { html += ", \(formatNumber(points)) pt" }
    html += points(answer.points) + ")</div>\n"
    let response = answer.response.trimmingCharacters(in: .whitespacesAndNewlines)
    if !response.isEmpty { html += "<pre class=\"stream\">\(HTML.escape(response))</pre>\n" }
    html += "<div class=\"answer-box\"></div>\n"
    return html + "</div>\n"
  }

  private func points(_ value: Double?) -> String {
    guard let value else { return "" }
    return value == 1 ? "" : "s"
  }

  /// Room to write answers, and no page break inside a cell when printed.
  static let printCSS = """
    .handout-note { color: #555; font-size: 0.95em; }
    .answer-box { border: 1px dashed #999; min-height: 4em; margin-top: 0.4em; }
    figcaption { color: #666; font-size: 0.85em; }
    .handout-note .tag { font-size: 0.85em; padding: 0 0.3em; border: 1px solid #bbb; }
    @media print {
      pre.code { white-space: pre-wrap; overflow: visible; }
      .cell, .answer, figure { break-inside: avoid; }
      body { background: white; }
    }
    """
}
