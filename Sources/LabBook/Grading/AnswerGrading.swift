/// Scores answer blocks against the instructor's keys (docs/lab-format.md):
/// choices by their set of letters, numbers within the key's tolerance,
/// written answers left for a person (`manual`, 0 until graded).
enum AnswerGrading {
  /// One item per answer block that has `points`.
  static func items(
    _ answers: [AnswerBlock], responses: [String: String]
  ) -> [StudentGrade.Item] {
    answers.compactMap { answer in
      guard let points = answer.points else { return nil }
      let name = answer.attributes.first { $0.name == "title" }?.value ?? answer.id
      func item(_ score: Double, _ status: StudentGrade.Status, _ message: String)
        -> StudentGrade.Item
      {
        StudentGrade.Item(
          id: answer.id, name: name, kind: "answer", hidden: false, score: score,
          maxScore: points, status: status, message: message)
      }
      guard let response = responses[answer.id], !response.isEmpty else {
        return item(0, .failed, "no answer given (block id \"\(answer.id)\")")
      }
      switch answer.kind {
      case .text:
        return item(0, .manual, "to be graded by hand")
      case .choice:
        guard let key = answer.key else { return item(0, .manual, "no key: graded by hand") }
        let expected = choiceLetters(key) ?? letters(key)
        guard let given = choiceLetters(response) else {
          let example = expected.count > 1 ? "X, Y" : "X"
          return item(
            0, .failed,
            "could not read \"\(response)\" as a choice: write the letter of your choice, "
              + "e.g. \(example)")
        }
        let right = given == expected
        return item(right ? points : 0, right ? .passed : .failed, right ? "" : "not the answer")
      case .number:
        guard let key = answer.key.flatMap(Double.init) else {
          return item(0, .manual, "no key: graded by hand")
        }
        guard let value = Double(response.trimmingBlanksAndNewlines) else {
          return item(0, .failed, "\"\(response)\" is not a number")
        }
        let right = value.isFinite && abs(value - key) <= (answer.tolerance ?? 0)
        return item(right ? points : 0, right ? .passed : .failed, right ? "" : "not the answer")
      }
    }
  }

  /// The choice letters a response names, or nil when it cannot be read as a choice.
  ///
  /// After trimming and an optional leading `Answer:` / `answer` (any case), either
  /// every part separated by commas, semicolons, slashes, `&`, `and` or blanks is one
  /// letter (optionally written `(B)`, `B)`, `B.` or `B:`) — `"c, a"`, `"(A) (C)"` →
  /// `["A", "C"]` — or the response starts with one such letter followed by `)`, `.`,
  /// `:` or a blank and then any text: `"B) 1/2"`, `"(B) Xavier"` → `["B"]`.
  static func choiceLetters(_ response: String) -> Set<String>? {
    var text = Substring(response.trimmingBlanksAndNewlines)
    if text.lowercased().hasPrefix("answer") {
      text = text.dropFirst("answer".count)
      if text.first == ":" { text = text.dropFirst() }
      text = text.drop { $0 == " " || $0 == "\t" }
    }
    let parts = text.split { ",;/&".contains($0) || $0.isWhitespace }
      .filter { $0.lowercased() != "and" }
    let listed = parts.map(letter(in:))
    if !listed.isEmpty, listed.allSatisfy({ $0 != nil }) {
      return Set(listed.compactMap { $0 })
    }
    // One leading letter followed by text.
    var rest = text
    let wrapped = rest.first == "("
    if wrapped { rest = rest.dropFirst() }
    guard let first = rest.first, first.isASCII, first.isLetter else { return nil }
    rest = rest.dropFirst()
    if wrapped {
      guard rest.first == ")" else { return nil }
      rest = rest.dropFirst()
      guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
    } else {
      guard let next = rest.first, ").:".contains(next) || next.isWhitespace else { return nil }
    }
    return [first.uppercased()]
  }

  /// The letter in one part of a choice list: `B`, `(B)`, `B)`, `B.` or `B:`.
  private static func letter(in part: Substring) -> String? {
    var part = part
    if part.first == "(" {
      guard part.last == ")" else { return nil }
      part = part.dropFirst().dropLast()
    } else if let last = part.last, part.count == 2, ").:".contains(last) {
      part = part.dropLast()
    }
    guard part.count == 1, let c = part.first, c.isASCII, c.isLetter else { return nil }
    return c.uppercased()
  }

  /// The choice letters in `text`, e.g. `"a, C"` → `["A", "C"]`.
  static func letters(_ text: String) -> Set<String> {
    Set(
      text.uppercased().split { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" }
        .map(String.init))
  }
}
