/// What the grader takes from a student's copy of a lab: the code of each
/// solution region, by cell id and region index, and each answer's
/// response, by id. Everything else in the file is ignored.
///
/// The file is read leniently, line by line, so that a submission the lab
/// reader would refuse (a duplicated id, an unclosed fence) still yields
/// what can be found; `problems` says, by line, what was not usable.
// Limitation: a line scanner, not cmark: a fence inside a list item counts as a cell.
public struct Submission: Sendable {
  /// One region's code as the student wrote it.
  public struct Region: Sendable, Equatable {
    /// The lines between `// BEGIN SOLUTION` and `// END SOLUTION`.
    public var code: String
    /// The file line of the region's first code line.
    public var line: Int
  }

  /// The path read, as named; compiler messages about regions name it.
  public var path: String
  /// The student id: the one the grader was given (the file's name without
  /// `.md`, a folder's name when the submission is a folder), never the front
  /// matter's, so that no submission can take another student's row.
  public var studentID: String
  /// The front matter's `student:` value, if any; only reported when it
  /// differs from `studentID`.
  public var declaredStudent: String?
  /// Regions of each `swift` cell, by cell id (first cell with an id wins).
  public var regions: [String: [Region]]
  /// The line of each cell's opening fence, by id.
  public var cellLines: [String: Int]
  /// Each `swift` cell's code outside its solution regions, by id, as
  /// `codeOutsideRegions` gives it.
  public var outsideRegions: [String: [String]] = [:]
  /// Each answer block's response, by id.
  public var answers: [String: String]
  /// Duplicated ids, unclosed fences and regions, as warnings with lines.
  public var problems: [Diagnostic]

  /// Reads `text`, the submission's file at `path`; `defaultID` names the
  /// student.
  public init(text: String, path: String, defaultID: String) {
    self.path = path
    regions = [:]
    cellLines = [:]
    answers = [:]
    problems = []
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .map(String.init)
    studentID = defaultID
    declaredStudent = Self.frontMatterStudent(lines)
    var index = 0
    var cellCount = 0
    var answerCount = 0
    while index < lines.count {
      guard let fence = Fence(lines[index]) else {
        index += 1
        continue
      }
      let fenceLine = index + 1
      var body: [String] = []
      index += 1
      var closed = false
      while index < lines.count {
        if fence.isClosed(by: lines[index]) {
          closed = true
          index += 1
          break
        }
        body.append(fence.stripIndent(lines[index]))
        index += 1
      }
      let language = fence.words.first?.name ?? ""
      guard language == "swift" || language == "answer" else { continue }
      if !closed {
        warn(fenceLine, "this \(language) block is never closed; it runs to the end of the file")
      }
      let id: String
      if language == "swift" {
        cellCount += 1
        id = fence.attribute("id") ?? "cell-\(cellCount)"
      } else {
        answerCount += 1
        id = fence.attribute("id") ?? "answer-\(answerCount)"
      }
      if let first = cellLines[id] {
        warn(
          fenceLine,
          "a second block with id \"\(id)\" (the first is on line \(first)) is ignored; "
            + "keep one copy of each cell")
        continue
      }
      cellLines[id] = fenceLine
      if language == "swift" {
        regions[id] = scanRegions(body, firstLine: fenceLine + 1)
        outsideRegions[id] = Self.codeOutsideRegions(body)
      } else {
        answers[id] = Self.response(body)
      }
    }
  }

  private mutating func warn(_ line: Int, _ message: String) {
    problems.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line), message))
  }

  private mutating func scanRegions(_ body: [String], firstLine: Int) -> [Region] {
    var found: [Region] = []
    var open: (line: Int, code: [String])?
    for (offset, line) in body.enumerated() {
      let marker = SolutionMarker.parse(line)
      if marker == .begin {
        if let open {
          warn(open.line - 1, "this solution region has no `// END SOLUTION` before the next")
        }
        open = (firstLine + offset + 1, [])
      } else if marker == .end, let current = open {
        found.append(Region(code: current.code.joined(separator: "\n"), line: current.line))
        open = nil
      } else if open != nil {
        open!.code.append(line)
      }
    }
    if let open {
      warn(open.line - 1, "this solution region has no `// END SOLUTION`; it is left out")
    }
    return found
  }

  /// The lines of a cell's code outside its solution regions (markers
  /// left out), trimmed, without blank lines: what grading takes from the
  /// lab, not the student, so that an edit there can be pointed out.
  static func codeOutsideRegions<S: StringProtocol>(_ lines: [S]) -> [String] {
    var inside = false
    var kept: [String] = []
    for line in lines {
      switch SolutionMarker.parse(line) {
      case .begin: inside = true
      case .end: inside = false
      default:
        let text = line.trimmingCharacters(in: .whitespaces)
        if !inside && !text.isEmpty { kept.append(text) }
      }
    }
    return kept
  }

  private static func response(_ body: [String]) -> String {
    body.filter {
      let text = $0.drop { $0 == " " || $0 == "\t" }
      return !text.hasPrefix("key:") && !text.hasPrefix("tolerance:")
    }.joined(separator: "\n").trimmingBlanksAndNewlines
  }

  /// The `student:` value in the front matter of `text`, if any.
  public static func declaredStudent(in text: String) -> String? {
    frontMatterStudent(
      text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        .map(String.init))
  }

  private static func frontMatterStudent(_ lines: [String]) -> String? {
    guard lines.first?.trimmingBlanksAndNewlines == "---" else { return nil }
    for line in lines.dropFirst() {
      let text = line.trimmingBlanksAndNewlines
      if text == "---" || text == "..." { break }
      if line.hasPrefix("student:") {
        var value = String(line.dropFirst(8)).trimmingBlanksAndNewlines
        if value.count >= 2, value.first == "\"" || value.first == "'",
          value.last == value.first
        {
          value = String(value.dropFirst().dropLast())
        }
        return value.isEmpty ? nil : value
      }
    }
    return nil
  }
}

/// An opening code fence as CommonMark reads one: up to three spaces, then
/// three or more backticks or tildes, then the info string.
struct Fence {
  var character: Character
  var length: Int
  var indent: Int
  var words: [InfoString.Word]

  init?(_ line: String) {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard let first = rest.first, first == "`" || first == "~" else { return nil }
    let run = rest.prefix { $0 == first }.count
    guard run >= 3 else { return nil }
    let info = rest.dropFirst(run)
    if first == "`" && info.contains("`") { return nil }
    character = first
    length = run
    self.indent = indent
    words = (try? InfoString(Array(info.utf8)[...], column: 1).words) ?? []
  }

  func attribute(_ name: String) -> String? {
    words.dropFirst().first { $0.name == name }.map { $0.value ?? "" }
  }

  func isClosed(by line: String) -> Bool {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return false }
    let rest = line.dropFirst(indent)
    let run = rest.prefix { $0 == character }.count
    return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
  }

  /// Removes up to `indent` leading spaces, as cmark does in fenced code.
  func stripIndent(_ line: String) -> String {
    String(line.dropFirst(min(indent, line.prefix { $0 == " " }.count)))
  }
}

extension StringProtocol {
  /// The text without spaces, tabs and line breaks at either end.
  var trimmingBlanksAndNewlines: String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    let start = firstIndex { !blank($0) } ?? endIndex
    let end = lastIndex { !blank($0) }.map { index(after: $0) } ?? start
    return String(self[start..<end])
  }
}
