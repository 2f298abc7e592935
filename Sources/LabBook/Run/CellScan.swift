/// What a cell declares at its top level, found by a light scan of its
/// code (comments and string literals skipped, braces counted), so the
/// program can give a cell that re-declares an earlier cell's name a scope
/// of its own, and lift `import`s to the top of the file.
// Limitation: a heuristic, not a Swift parser: a declaration spelled across
// lines (`let\n x`) or behind a `#if` is not seen.
struct CellScan {
  /// Names declared at the cell's top level: `let`/`var` (also tuple
  /// patterns), `func`, and type declarations.
  var names: Set<String> = []
  /// 0-based lines at the top level that are `import` declarations.
  var importLines: [Int] = []
  /// Identifiers the cell's code uses anywhere (comments, string literals,
  /// member names after `.`, argument labels before `:` and names being
  /// declared, at any depth, left out).
  // Limitation: names used only inside string interpolation are not seen.
  var identifiers: Set<String> = []

  private static let declarationKeywords: Set<Substring> = [
    "let", "var", "func", "struct", "class", "enum", "actor", "typealias",
  ]
  private static let modifiers: Set<Substring> = [
    "private", "fileprivate", "internal", "public", "static", "lazy", "final", "weak",
    "unowned", "nonisolated", "mutating", "override", "indirect", "@MainActor", "@inlinable",
  ]

  init(_ code: String) {
    let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
    var state = LexState()
    for (index, line) in lines.enumerated() {
      if state.isTopLevel { record(line, at: index) }
      collectIdentifiers(state.advance(over: line))
    }
  }

  /// Adds the identifiers of `code` (one line, strings and comments blanked).
  private mutating func collectIdentifiers(_ code: [Character]) {
    var i = 0
    var previous: String?
    while i < code.count {
      guard code[i].isLetter || code[i] == "_" else {
        i += 1
        continue
      }
      let start = i
      while i < code.count, code[i].isLetter || code[i].isNumber || code[i] == "_" { i += 1 }
      let word = String(code[start..<i])
      let isMember = start > 0 && code[start - 1] == "."
      let isLabel = i < code.count && code[i] == ":"
      let isDeclared = previous.map { Self.declarationKeywords.contains($0[...]) } ?? false
      if !isMember && !isLabel && !isDeclared { identifiers.insert(word) }
      previous = word
    }
  }

  private mutating func record(_ line: Substring, at index: Int) {
    var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
    while let first = words.first, Self.modifiers.contains(first) || first.hasPrefix("@") {
      words = words.dropFirst()
    }
    guard let keyword = words.first else { return }
    if keyword == "import" {
      importLines.append(index)
      return
    }
    guard Self.declarationKeywords.contains(keyword), let rest = words.dropFirst().first else {
      return
    }
    if rest.hasPrefix("(") {
      // `let (a, b) = …`: every name in the pattern, up to `)`.
      let pattern = line[rest.startIndex...].prefix { $0 != ")" }
      for part in pattern.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }) {
        names.insert(String(part))
      }
    } else {
      let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      if !name.isEmpty { names.insert(String(name)) }
    }
  }
}

/// Where a scan is between lines: brace depth, and whether it is inside a
/// block comment or a multi-line string.
private struct LexState {
  var depth = 0
  var blockComments = 0
  var inMultilineString = false

  var isTopLevel: Bool { depth == 0 && blockComments == 0 && !inMultilineString }

  /// Moves past `line` and returns its code: the line with comments and
  /// string literals blanked out.
  @discardableResult
  mutating func advance(over line: Substring) -> [Character] {
    let characters = Array(line)
    var code = [Character](repeating: " ", count: characters.count)
    var i = 0
    var inString = false
    while i < characters.count {
      let c = characters[i]
      let next = i + 1 < characters.count ? characters[i + 1] : "\0"
      let isTripleQuote =
        c == "\"" && next == "\"" && i + 2 < characters.count && characters[i + 2] == "\""
      if blockComments > 0 {
        if c == "*" && next == "/" {
          blockComments -= 1
          i += 1
        } else if c == "/" && next == "*" {
          blockComments += 1
          i += 1
        }
      } else if inMultilineString {
        if isTripleQuote {
          inMultilineString = false
          i += 2
        } else if c == "\\" {
          i += 1
        }
      } else if inString {
        if c == "\\" {
          i += 1
        } else if c == "\"" {
          inString = false
        }
      } else if c == "/" && next == "/" {
        return code
      } else if c == "/" && next == "*" {
        blockComments += 1
        i += 1
      } else if isTripleQuote {
        inMultilineString = true
        i += 2
      } else if c == "\"" {
        inString = true
      } else {
        code[i] = c
        if c == "{" {
          depth += 1
        } else if c == "}" {
          depth = max(0, depth - 1)
        }
      }
      i += 1
    }
    return code
  }
}
