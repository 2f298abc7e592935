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
        let right = letters(key) == letters(response)
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

  /// The choice letters in `text`, e.g. `"a, C"` → `["A", "C"]`.
  static func letters(_ text: String) -> Set<String> {
    Set(
      text.uppercased().split { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" }
        .map(String.init))
  }
}
