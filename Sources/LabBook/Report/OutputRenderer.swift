import Foundation

/// Renders a cell's outputs as HTML, for the report and for students'
/// feedback pages alike: text (consecutive chunks of one stream merged, cut
/// after `maxStreamCharacters`), figures as inline SVG, named values,
/// checks and errors. Everything a program wrote is escaped.
struct OutputRenderer {
  /// Characters of one stream chunk shown before the rest is cut.
  var maxStreamCharacters: Int

  /// Outputs in order; consecutive text on the same stream is merged.
  func outputs(_ outputs: [CellOutput]) -> String {
    var html = ""
    var pending: (stream: CellOutput.Stream, text: String)?
    func flush() {
      guard let chunk = pending else { return }
      html += stream(chunk.stream, chunk.text)
      pending = nil
    }
    for output in outputs {
      switch output {
      case .text(let stream, let text):
        if pending?.stream == stream {
          pending!.text += text
        } else {
          flush()
          pending = (stream, text)
        }
      case .figure(let spec):
        flush()
        html += "<figure class=\"figure\">\n"
        html += FigureRenderer.chart(for: spec).svg() + "\n</figure>\n"
      case .value(let name, let value):
        flush()
        html += "<div class=\"value\"><span class=\"name\">\(HTML.escape(name))</span> = "
        html += "<span class=\"shown\">\(HTML.escape(value.display))</span></div>\n"
      case .check(let check):
        flush()
        html += self.check(check)
      }
    }
    flush()
    return html
  }

  private func stream(_ stream: CellOutput.Stream, _ text: String) -> String {
    var shown = text
    var note = ""
    // The engine's own cut, when it made one: its note is the last line.
    var engineNote: Substring?
    if let start = shown.range(of: "\n[… ", options: .backwards),
      shown[start.upperBound...].contains(RunTranscript.capNotePhrase)
    {
      engineNote = shown[shown.index(after: start.lowerBound)...]
    }
    if shown.count > maxStreamCharacters {
      let rest = shown.count - maxStreamCharacters - (engineNote?.count ?? 0)
      shown = String(shown.prefix(maxStreamCharacters))
      let json =
        engineNote == nil
        ? "the run's JSON has them all"
        : "the run's JSON has them, but the engine kept only the start of this output: "
          + HTML.escape(
            String(engineNote!.trimmingCharacters(in: .newlines).dropFirst().dropLast()))
      note =
        "\n<span class=\"truncated\">… \(rest) more characters not shown (\(json))</span>"
    }
    if shown.hasSuffix("\n") { shown.removeLast() }
    var html = ""
    if stream == .stderr { html += "<div class=\"stream-label\">stderr</div>\n" }
    html += "<pre class=\"stream \(stream.rawValue)\">\(HTML.escape(shown))\(note)</pre>\n"
    return html
  }

  private func check(_ check: CheckResult) -> String {
    let cls = check.passed ? "pass" : "fail"
    var html = "<div class=\"check \(cls)\"><span class=\"mark\">"
    html += check.passed ? "✓ passed" : "✗ failed"
    html += "</span> \(HTML.escape(check.name))"
    if check.points > 0 {
      html += "<span class=\"points\">\(formatNumber(check.score))/"
      html += "\(formatNumber(check.points)) pts</span>"
    }
    if !check.message.isEmpty {
      html += "<span class=\"message\">\(HTML.escape(check.message))</span>"
    }
    return html + "</div>\n"
  }

  func error(_ error: CellError) -> String {
    var html = "<div class=\"error\" role=\"alert\"><span class=\"where\">Error"
    if let location = error.location { html += " at " + HTML.escape(location.description) }
    if let signal = error.signal { html += " (" + HTML.escape(signal) + ")" }
    html += "</span>\n<pre>\(HTML.escape(error.message))</pre></div>\n"
    return html
  }
}
