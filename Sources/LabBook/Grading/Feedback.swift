import Foundation

/// A student's feedback page: the score per test and answer with what went
/// wrong, problems found in the submission, and the outputs and figures of
/// the cells they may see. Everything from the student or their program is
/// escaped; hidden tests show their name and score only.
///
/// With `reference` (the lab's `feedback-reference: true`), each cell shows
/// the student's outputs beside the instructor's, in a box labelled
/// "Reference". Outputs render as in the report (`OutputRenderer`); checks
/// are left out of both (the score table is what counts).
public struct Feedback {
  public var grade: StudentGrade
  public var title: String
  /// The instructor's run of the cells a student may see, or nil to show
  /// the student's outputs alone.
  public var reference: [CellResult]?

  /// A page for `grade`; `reference` must hold no hidden test's or
  /// instructor-only cell's result (`Grader.referenceCells` holds none).
  public init(grade: StudentGrade, title: String, reference: [CellResult]? = nil) {
    self.grade = grade
    self.title = title
    self.reference = reference
  }

  /// The page, self-contained (inline CSS and SVG, no script).
  public func html() -> String {
    let e = HTML.escape
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<title>\(e(title)): \(e(grade.student))</title>\n"
    page += "<style>\n\(ReportStyle.css)\n\(Self.css)</style>\n"
    page += "</head>\n<body>\n<main>\n"
    page += "<h1>\(e(title))</h1>\n"
    page += "<p class=\"total\">\(e(grade.student)): <strong>"
    page += "\(Gradebook.number(grade.score)) / \(Gradebook.number(grade.maxScore))</strong>"
    let pending = grade.items.filter { $0.status == .manual }.map(\.maxScore).reduce(0, +)
    if pending > 0 {
      page += ", plus up to \(Gradebook.number(pending)) still to be graded by hand"
    }
    page += "</p>\n"
    page += "<table>\n<tr><th>test</th><th>score</th><th>result</th></tr>\n"
    for item in grade.items {
      page += "<tr class=\"\(item.status.rawValue)\"><td>\(e(item.name))"
      if item.hidden { page += " <span class=\"tag\">hidden</span>" }
      // A written answer waits for a person: no score yet, not a failure.
      let pending = item.status == .manual
      let score = pending ? "–" : Gradebook.number(item.score)
      page += "</td><td>\(score) / \(Gradebook.number(item.maxScore))</td>"
      page += "<td>\(pending ? "pending" : e(item.status.rawValue))"
      let lines = item.explanation
      if let first = lines.first { page += "<br><span class=\"msg\">\(e(first))</span>" }
      if let location = item.location { page += "<br><code>\(e(location.description))</code>" }
      for line in lines.dropFirst() { page += "<br><span class=\"msg\">\(e(line))</span>" }
      page += "</td></tr>\n"
    }
    page += "</table>\n"
    if !grade.problems.isEmpty {
      page += "<h2>Problems in your submission</h2>\n<ul>\n"
      for problem in grade.problems { page += "<li><pre>\(e(problem.description))</pre></li>\n" }
      page += "</ul>\n"
    }
    page += "<h2>Your lab's outputs</h2>\n"
    page += outputSections()
    page += "<footer>Graded by LabBook \(e(LabBookInfo.version)).</footer>\n"
    page += "</main>\n</body>\n</html>\n"
    return page
  }

  /// One section per cell with outputs: the student's, and beside them the
  /// reference's when there is one.
  private func outputSections() -> String {
    let e = HTML.escape
    let renderer = OutputRenderer(maxStreamCharacters: ReportOptions().maxStreamCharacters)
    var references: [String: CellResult] = [:]
    for cell in reference ?? [] where references[cell.id] == nil { references[cell.id] = cell }
    var html = ""
    for cell in grade.cells {
      let mine = Self.shown(cell.outputs)
      let theirs = references[cell.id].map { Self.shown($0.outputs) } ?? []
      guard !mine.isEmpty || cell.error != nil || !theirs.isEmpty else { continue }
      html += "<section><h3>\(e(cell.id)) <span class=\"tag\">\(cell.status.label)</span></h3>\n"
      var yours = renderer.outputs(mine)
      if let error = cell.error { yours += renderer.error(error) }
      if reference == nil {
        html += yours
      } else {
        // The reference's errors are left out: they may quote the
        // instructor's solution or paths.
        if yours.isEmpty { yours = "<p class=\"notice\">No output.</p>\n" }
        let shown =
          theirs.isEmpty ? "<p class=\"notice\">No output.</p>\n" : renderer.outputs(theirs)
        html += "<div class=\"compare\">\n<div class=\"yours\"><h4>Your run</h4>\n\(yours)</div>\n"
        html += "<div class=\"reference\"><h4>Reference</h4>\n\(shown)</div>\n</div>\n"
      }
      html += "</section>\n"
    }
    return html
  }

  /// `outputs` without checks: the score table reports those.
  static func shown(_ outputs: [CellOutput]) -> [CellOutput] {
    outputs.filter {
      if case .check = $0 { return false }
      return true
    }
  }

  static let css = """
    body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #222; }
    main { max-width: 800px; margin: 0 auto; padding: 1em 40px; }
    table { border-collapse: collapse; width: 100%; }
    td, th { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left;
      vertical-align: top; }
    tr.passed td:nth-child(3) { color: #1a7f37; }
    tr.failed td:nth-child(3), .error { color: #b42318; }
    tr.partial td:nth-child(3) { color: #9a6700; }
    .msg { color: #555; font-size: 90%; }
    .tag { font-size: 75%; background: #eee; border-radius: 3px; padding: 0 4px; }
    pre { background: #f6f8fa; padding: 6px; overflow-x: auto; white-space: pre-wrap; }
    svg { max-width: 100%; height: auto; }
    .compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 12px; }
    .compare h4 { font: 600 12.5px system-ui, sans-serif; margin: 4px 0; color: #555; }
    .compare .reference { background: #f3f8fc; border: 1px solid #b8d3e8; border-radius: 6px;
      padding: 4px 10px; }

    """
}
