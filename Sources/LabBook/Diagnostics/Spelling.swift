/// Suggestions for misspelt names: the known name closest to what was written.
enum Spelling {
  /// The entry of `known` nearest to `word` by Levenshtein distance (insertions,
  /// deletions and substitutions each cost 1), if that distance is at most
  /// `max(1, word.count / 3)`; ties go to the earlier entry. Words longer than
  /// 64 bytes get no suggestion.
  static func closest(to word: String, in known: [String]) -> String? {
    // Names are short; a long word is no misspelling and would cost O(n·m).
    guard word.utf8.count <= 64 else { return nil }
    let limit = max(1, word.count / 3)
    var best: (name: String, distance: Int)?
    for name in known {
      let distance = levenshtein(Array(word.lowercased()), Array(name))
      if distance <= limit, distance < (best?.distance ?? .max) {
        best = (name, distance)
      }
    }
    return best?.name
  }

  /// Hint text: "did you mean `x`? " when one is close, then the known names.
  static func hint(for word: String, known: [String], what: String) -> String {
    var text = ""
    if let match = closest(to: word, in: known) { text += "did you mean \"\(match)\"? " }
    return text + "Known \(what): \(known.joined(separator: ", "))."
  }

  /// Edit distance with two rows: O(|a|·|b|) time, O(|b|) space.
  static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
