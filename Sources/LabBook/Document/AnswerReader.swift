/// Reads the body of an `answer` block: the response and the key lines.
///
/// A line whose first non-blank text is `key:` holds the instructor's key; for
/// `number` answers a `tolerance:` line may follow. Every other line is the
/// response, trimmed of blank lines and spaces at both ends.
struct AnswerReader {
  var kind: AnswerBlock.Kind
  /// The file line of the block's first body line, and its column.
  var firstLine: Int
  var column: Int

  struct Body {
    var response: String
    var key: String?
    var tolerance: Double?
  }

  func read(_ literal: String, log: inout DiagnosticLog) -> Body {
    var body = Body(response: "")
    var response: [Substring] = []
    var keyLine = 0
    var toleranceLine = 0
    let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, line) in lines.enumerated() {
      let fileLine = firstLine + offset
      let indent = line.prefix { $0 == " " || $0 == "\t" }
      let text = line.dropFirst(indent.count)
      let at = column + indent.utf8.count

      if text.hasPrefix("key:") {
        let key = text.dropFirst(4).trimmingBlanks
        if keyLine > 0 {
          log.error(
            fileLine, at, "the answer has a second key (the first is on line \(keyLine))",
            hint: "keep one \"key:\" line; for several correct choices write \"key: A, C\"")
        } else if key.isEmpty {
          log.error(fileLine, at, "the key is empty", hint: "write the answer after \"key:\"")
        } else if let problem = problem(with: key) {
          log.error(fileLine, at, problem.message, hint: problem.hint)
        } else {
          body.key = key
        }
        keyLine = fileLine
      } else if text.hasPrefix("tolerance:") {
        let value = text.dropFirst(10).trimmingBlanks
        if kind != .number {
          log.error(
            fileLine, at, "a tolerance is only for number answers, not \(kind.rawValue) ones",
            hint: "remove the line, or mark the block \"number\"")
        } else if toleranceLine > 0 {
          log.error(fileLine, at, "the answer has a second tolerance", hint: "keep one")
        } else if let tolerance = FrontMatterReader.number(value), tolerance >= 0 {
          body.tolerance = tolerance
        } else {
          log.error(
            fileLine, at, "tolerance \"\(value)\" is not a non-negative number",
            hint: "write e.g. \"tolerance: 0.01\"")
        }
        toleranceLine = fileLine
      } else {
        response.append(line)
      }
    }
    body.response = response.joined(separator: "\n").trimmingBlanks
    return body
  }

  /// Why `key` does not suit the answer's kind, if it does not.
  private func problem(with key: String) -> (message: String, hint: String)? {
    switch kind {
    case .text:
      return nil
    case .number:
      guard FrontMatterReader.number(key) == nil else { return nil }
      return (
        "the key \"\(key)\" of a number answer is not a number",
        "write e.g. \"key: 0.5\", and \"tolerance: 0.01\" on the next line"
      )
    case .choice:
      let choices = key.split { $0 == "," || $0 == " " }
      guard choices.isEmpty || choices.contains(where: { !$0.allSatisfy(\.isLetter) }) else {
        return nil
      }
      return (
        "the key \"\(key)\" of a choice answer is not a list of choice letters",
        "write e.g. \"key: B\" or \"key: A, C\""
      )
    }
  }
}
