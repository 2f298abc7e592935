/// Suggestions for misspelt names: the known name closest to what was written.
enum Spelling {
  /// The entry of `known` nearest to `word` by edit distance (insertions,
  /// deletions, substitutions and swaps of neighbours each cost 1), if that
  /// distance is at most `max(1, word.count / 3)`; ties go to the earlier
  /// entry. Words longer than 64 bytes get no suggestion.
  static func closest(to word: String, in known: [String]) -> String? {
    // Names are short; a long word is no misspelling and would cost O(n·m).
    guard word.utf8.count <= 64 else { return nil }
    let limit = max(1, word.count / 3)
    var best: (name: String, distance: Int)?
    for name in known {
      let distance = editDistance(Array(word.lowercased()), Array(name))
      if distance <= limit, distance < (best?.distance ?? .max) {
        best = (name, distance)
      }
    }
    return best?.name
  }

  /// Hint text: "did you mean `x`? " when one is close, then the known names
  /// (a hint starts in lower case, as every hint does).
  static func hint(for word: String, known: [String], what: String) -> String {
    let list = "\(what): \(known.joined(separator: ", "))."
    guard let match = closest(to: word, in: known) else { return "known " + list }
    return "did you mean \"\(match)\"? Known " + list
  }

  /// Edit distance counting a swap of two neighbouring characters as one
  /// edit, like an insertion, deletion or substitution ("optimal string
  /// alignment", Damerau 1964): `titel` is one edit from `title`.
  /// O(|a|·|b|) time, three rows of O(|b|) space.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
