import Foundation

/// A student's feedback page: the score per test and answer with what went
/// wrong, problems found in the submission, and the outputs and figures of
/// the cells they may see. Everything from the student or their program is
/// escaped; hidden tests show their name and score only.
public struct Feedback {
  public var grade: StudentGrade
  public var title: String

  public init(grade: StudentGrade, title: String) {
    self.grade = grade
    self.title = title
  }

  /// The page, self-contained (inline CSS and SVG, no script).
  public func html() -> String {
    let e = HTML.escape
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<title>\(e(title)): \(e(grade.student))</title>\n<style>\n\(Self.css)</style>\n"
    page += "</head>\n<body>\n<main>\n"
    page += "<h1>\(e(title))</h1>\n"
    page += "<p class=\"total\">\(e(grade.student)): <strong>"
    page += "\(Gradebook.number(grade.score)) / \(Gradebook.number(grade.maxScore))</strong></p>\n"
    page += "<table>\n<tr><th>test</th><th>score</th><th>result</th></tr>\n"
    for item in grade.items {
      page += "<tr class=\"\(item.status.rawValue)\"><td>\(e(item.name))"
      if item.hidden { page += " <span class=\"tag\">hidden</span>" }
      page += "</td><td>\(Gradebook.number(item.score)) / \(Gradebook.number(item.maxScore))</td>"
      page += "<td>\(e(item.status.rawValue))"
      if !item.message.isEmpty { page += "<br><span class=\"msg\">\(e(item.message))</span>" }
      if let location = item.location { page += "<br><code>\(e(location.description))</code>" }
      for check in item.checks where !check.passed && !check.message.isEmpty {
        page += "<br><span class=\"msg\">\(e(check.name)): \(e(check.message))</span>"
      }
      page += "</td></tr>\n"
    }
    page += "</table>\n"
    if !grade.problems.isEmpty {
      page += "<h2>Problems in your submission</h2>\n<ul>\n"
      for problem in grade.problems { page += "<li><pre>\(e(problem.description))</pre></li>\n" }
      page += "</ul>\n"
    }
    page += "<h2>Your lab's outputs</h2>\n"
    for cell in grade.cells where !cell.outputs.isEmpty || cell.error != nil {
      page += "<section><h3>\(e(cell.id)) <span class=\"tag\">\(cell.status.rawValue)</span></h3>\n"
      for output in cell.outputs {
        switch output {
        case .text(_, let text): page += "<pre>\(e(text))</pre>\n"
        case .figure(let figure): page += FigureRenderer.chart(for: figure).svg() + "\n"
        case .value(let name, let value):
          page += "<p><code>\(e(name)) = \(e(value.display))</code></p>\n"
        case .check: break
        }
      }
      if let error = cell.error { page += "<pre class=\"error\">\(e(error.message))</pre>\n" }
      page += "</section>\n"
    }
    page += "<footer>Graded by LabBook \(e(LabBookInfo.version)).</footer>\n"
    page += "</main>\n</body>\n</html>\n"
    return page
  }

  static let css = """
    body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #222; }
    main { max-width: 800px; margin: 0 auto; padding: 1em 40px; }
    table { border-collapse: collapse; width: 100%; }
    td, th { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
    tr.passed td:nth-child(3) { color: #1a7f37; }
    tr.failed td:nth-child(3), .error { color: #b42318; }
    tr.partial td:nth-child(3) { color: #9a6700; }
    .msg { color: #555; font-size: 90%; }
    .tag { font-size: 75%; background: #eee; border-radius: 3px; padding: 0 4px; }
    pre { background: #f6f8fa; padding: 6px; overflow-x: auto; white-space: pre-wrap; }
    svg { max-width: 100%; height: auto; }

    """
}
