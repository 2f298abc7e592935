import Foundation

extension Report {
  /// One cell: a header (id, tags, status, time), its code unless the cell
  /// hides it, then its outputs in order, or why it has none.
  func renderCell(_ cell: Cell, _ run: CellResult?, failedBefore: String?) -> String {
    let status = run?.status ?? .notRun
    let id = HTML.escape(cell.id)
    // A cell that ran to its end but failed a check is not plain "ok".
    let failedCheck = status == .ok && Self.hasFailedCheck(run)
    let kind = failedCheck ? "checkFailed" : status.rawValue
    var html = "<section class=\"cell cell-\(kind)\" id=\"cell-\(id)\">\n"
    html += "<div class=\"cell-head\"><a class=\"cell-id\" href=\"#cell-\(id)\">[\(id)]</a>"
    if let title = cell.title { html += "<span class=\"cell-title\">\(HTML.escape(title))</span>" }
    for tag in ["solution", "test", "hidden", "instructor"] where cell.has(tag) {
      html += "<span class=\"tag\">\(tag)</span>"
    }
    if let points = cell.points {
      html += "<span class=\"tag\">\(formatNumber(points)) pt\(points == 1 ? "" : "s")</span>"
    }
    html +=
      "<span class=\"status status-\(kind)\">"
      + (failedCheck ? "check failed" : status.label) + "</span>"
    if let run, status == .ok || status == .failed || status == .timedOut {
      html += "<span class=\"time\">\(String(format: "%.2f s", run.seconds))</span>"
    }
    html += "</div>\n"
    if !cell.hidesCode {
      html += "<pre class=\"code\"><code class=\"language-swift\">"
      html += SwiftHighlighter.html(cell.code) + "</code></pre>\n"
    }

    switch status {
    case .notRun:
      html += "<p class=\"notice\">" + notRunReason(failedBefore) + "</p>\n"
    case .skipped:
      html += "<p class=\"notice\">Skipped: the cell is marked <code>skip</code>.</p>\n"
    case .timedOut:
      html +=
        "<p class=\"notice\">Timed out: the lab's time limit ran out while this cell"
        + " ran.</p>\n"
    case .ok, .failed:
      break
    }
    if let run {
      html += renderOutputs(run.outputs)
      if let error = run.error { html += renderError(error) }
    }
    return html + "</section>\n"
  }

  /// Whether `run` recorded a check that did not pass.
  static func hasFailedCheck(_ run: CellResult?) -> Bool {
    run?.outputs.contains {
      if case .check(let check) = $0 { return !check.passed }
      return false
    } ?? false
  }

  private func notRunReason(_ failedBefore: String?) -> String {
    // A compile error fails the cell it names; the others did not run
    // because nothing was built, not because that cell failed.
    let buildFailed = result.diagnostics.contains { $0.severity == .error && $0.location != nil }
    if let failedBefore, !buildFailed {
      let id = HTML.escape(failedBefore)
      return "Not run: an earlier cell failed (<a href=\"#cell-\(id)\">\(id)</a>)."
    }
    if buildFailed || result.diagnostics.contains(where: { $0.severity == .error }) {
      return "Not run: the lab program did not build (see the errors above)."
    }
    return "Not run."
  }

  /// Outputs in order; consecutive text on the same stream is merged.
  func renderOutputs(_ outputs: [CellOutput]) -> String {
    OutputRenderer(maxStreamCharacters: options.maxStreamCharacters).outputs(outputs)
  }

  private func renderError(_ error: CellError) -> String {
    OutputRenderer(maxStreamCharacters: options.maxStreamCharacters).error(error)
  }

  func renderAnswer(_ answer: AnswerBlock) -> String {
    var html = "<div class=\"answer\" id=\"answer-\(HTML.escape(answer.id))\">"
    html += "<div class=\"answer-head\">Answer \(HTML.escape(answer.id))"
    html += " (\(answer.kind.rawValue))</div>\n"
    let response = answer.response.trimmingCharacters(in: .whitespacesAndNewlines)
    html +=
      response.isEmpty
      ? "<p class=\"notice\">No answer written.</p>"
      : "<pre class=\"stream\">\(HTML.escape(response))</pre>"
    return html + "</div>\n"
  }
}
