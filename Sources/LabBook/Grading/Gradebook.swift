import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The class's gradebooks, made from the students' grades (docs/grading.md):
/// `grades.csv` (a row per student, a column per test and answer, the
/// total), `canvas.csv` (Canvas's import layout) and, per student,
/// Gradescope's `results.json`. Every file is written whole, through a
/// temporary file and a rename.
public enum Gradebook {
  /// `grades.csv`: `student,<item ids…>,total,max`, rows sorted by student.
  public static func csv(_ grades: [StudentGrade]) -> String {
    let columns = itemColumns(grades)
    var text = (["student"] + columns + ["total", "max"]).map(field).joined(separator: ",") + "\n"
    for grade in grades.sorted(by: { $0.student < $1.student }) {
      var row = [grade.student]
      for column in columns {
        row.append(grade.items.first { $0.id == column }.map { number($0.score) } ?? "")
      }
      row += [number(grade.score), number(grade.maxScore)]
      text += row.map(field).joined(separator: ",") + "\n"
    }
    return text
  }

  /// Canvas's gradebook import: `Student,ID,SIS User ID,SIS Login ID,Section`,
  /// then one column named `<assignment> (<max>)`; the student id is the
  /// SIS Login ID, the rest left for Canvas to match.
  public static func canvas(_ grades: [StudentGrade], assignment: String) -> String {
    let maximum = grades.map(\.maxScore).max() ?? 0
    var text =
      [
        "Student", "ID", "SIS User ID", "SIS Login ID", "Section",
        "\(assignment) (\(number(maximum)))",
      ]
      .map(field).joined(separator: ",") + "\n"
    text += "Points Possible,,,,,\(number(maximum))\n"
    for grade in grades.sorted(by: { $0.student < $1.student }) {
      text +=
        ["", "", "", grade.student, "", number(grade.score)].map(field)
        .joined(separator: ",") + "\n"
    }
    return text
  }

  /// Gradescope's `results.json` for one student: `score`, `execution_time`,
  /// `output`, and `tests` with `name`, `score`, `max_score`, `status`
  /// (`passed`/`failed`), `visibility` and `output`.
  public static func gradescope(_ grade: StudentGrade, hiddenVisibility: String) -> Data {
    let tests: [[String: Any]] = grade.items.map { item in
      var output = item.explanation.joined(separator: "\n")
      if let location = item.location { output += "\n(at \(location))" }
      return [
        "name": item.name, "score": item.score, "max_score": item.maxScore,
        "status": item.status == .passed ? "passed" : "failed",
        "visibility": item.hidden ? hiddenVisibility : "visible", "output": output,
      ]
    }
    var summary = grade.problems.map(\.description).joined(separator: "\n")
    if summary.isEmpty { summary = "Graded \(grade.items.count) tests." }
    let object: [String: Any] = [
      "score": grade.score, "execution_time": grade.compileSeconds + grade.runSeconds,
      "output": summary, "tests": tests,
    ]
    return
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
  }

  /// Writes `data` to `path` whole: a temporary file beside it, then a rename.
  public static func writeAtomically(_ data: Data, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try data.write(to: URL(fileURLWithPath: temporary))
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw GradingError.sandbox(reason: "cannot write \(path): \(reason)")
    }
  }

  /// Item ids in first-seen order across the grades.
  static func itemColumns(_ grades: [StudentGrade]) -> [String] {
    var seen: Set<String> = []
    var columns: [String] = []
    for grade in grades {
      for item in grade.items where seen.insert(item.id).inserted { columns.append(item.id) }
    }
    return columns
  }

  /// A score with at most 4 decimals, no trailing zeros.
  static func number(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// A CSV field, quoted when needed (RFC 4180); a leading `=`, `+`, `-` or
  /// `@` gets a `'` so spreadsheets do not read a student id as a formula.
  static func field(_ text: String) -> String {
    var text = text
    if let first = text.first, "=+-@".contains(first), Double(text) == nil {
      text = "'" + text
    }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
