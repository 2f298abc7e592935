import Foundation

/// The lab's parameters after `--set`: each override checked against the
/// front matter's declared parameters and typed like its default.
enum ParamBinding {
  /// The front matter's defaults with `overrides` applied, in declared order.
  static func resolve(
    _ overrides: [String: String], declared: [(name: String, value: ParamValue)], lab: String
  ) throws(EngineError) -> [(name: String, value: ParamValue)] {
    let names = declared.map(\.name)
    for name in overrides.keys.sorted() where !names.contains(name) {
      if name.isEmpty { throw .malformedParam(text: "=" + (overrides[name] ?? "")) }
      throw .unknownParam(
        name: name, suggestion: closest(to: name, in: names), known: names, lab: lab)
    }
    var resolved: [(name: String, value: ParamValue)] = []
    for (name, value) in declared {
      guard let raw = overrides[name] else {
        resolved.append((name, value))
        continue
      }
      resolved.append((name, try typed(raw, like: value, name: name, lab: lab)))
    }
    return resolved
  }

  /// `raw` read as the type of `value`.
  static func typed(
    _ raw: String, like value: ParamValue, name: String, lab: String
  ) throws(EngineError) -> ParamValue {
    let text = raw.trimmingCharacters(in: .whitespaces)
    switch value {
    case .int:
      if let number = Int(text) { return .int(number) }
      throw .invalidParam(name: name, value: raw, expected: "an integer", lab: lab)
    case .double:
      if let number = Double(text), number.isFinite { return .double(number) }
      throw .invalidParam(name: name, value: raw, expected: "a finite number", lab: lab)
    case .bool:
      // As in front matter: only `true`/`false` (any case), no yes/no or 1/0.
      switch text.lowercased() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      default:
        throw .invalidParam(name: name, value: raw, expected: "true or false", lab: lab)
      }
    case .string:
      return .string(raw)
    }
  }

  /// `LABBOOK_PARAMS` as LabKit reads it: `name=value` lines, `\` and
  /// newlines in values escaped as `\\` and `\n`.
  static func environmentText(_ params: [(name: String, value: ParamValue)]) -> String {
    params.map { name, value in
      let text = value.description.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\n", with: "\\n")
      return "\(name)=\(text)"
    }.joined(separator: "\n")
  }

  /// The declared name nearest to `name` by edit distance, if it is within
  /// a third of the name's length (at least 1), or shares a prefix of 3.
  static func closest(to name: String, in names: [String]) -> String? {
    let scored = names.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    if best.1 <= max(1, name.count / 3) { return best.0 }
    return names.first { $0.count >= 3 && name.count >= 3 && $0.prefix(3) == name.prefix(3) }
  }

  /// Levenshtein distance over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}
