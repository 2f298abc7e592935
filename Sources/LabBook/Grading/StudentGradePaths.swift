import Foundation

extension StudentGrade {
  /// This grade as the student may read it: every `folder` prefix taken out
  /// of messages, locations and error texts, so that `/srv/class/ann/lab.md:3:1`
  /// reads `lab.md:3:1`. `folder` ends with `/`.
  public func relative(to folder: String) -> StudentGrade {
    guard !folder.isEmpty else { return self }
    func strip(_ text: String) -> String { text.replacingOccurrences(of: folder, with: "") }
    func strip(_ location: SourceLocation?) -> SourceLocation? {
      location.map { SourceLocation(file: strip($0.file), line: $0.line, column: $0.column) }
    }
    func strip(_ check: CheckResult) -> CheckResult {
      var check = check
      check.message = strip(check.message)
      return check
    }
    var grade = self
    grade.items = items.map { item in
      var item = item
      item.message = strip(item.message)
      item.location = strip(item.location)
      item.checks = item.checks.map(strip)
      return item
    }
    grade.problems = problems.map { problem in
      var problem = problem
      problem.message = strip(problem.message)
      problem.hint = strip(problem.hint)
      problem.location = strip(problem.location)
      return problem
    }
    grade.cells = cells.map { cell in
      var cell = cell
      cell.error = cell.error.map { error in
        var error = error
        error.message = strip(error.message)
        error.location = strip(error.location)
        return error
      }
      cell.outputs = cell.outputs.map { output in
        switch output {
        case .text(let stream, let text): .text(stream: stream, text: strip(text))
        case .check(let check): .check(strip(check))
        default: output
        }
      }
      return cell
    }
    return grade
  }

  /// The folder of the submission file, as named and made absolute, each
  /// ending with `/`: the prefixes `relative(to:)` takes out.
  static func submissionFolders(_ path: String) -> [String] {
    let named = (path as NSString).deletingLastPathComponent
    let absolute = (Grader.absolute(path) as NSString).deletingLastPathComponent
    return Array(Set([absolute, named].filter { !$0.isEmpty }.map { $0 + "/" }))
      .sorted { $0.count > $1.count }
  }
}
