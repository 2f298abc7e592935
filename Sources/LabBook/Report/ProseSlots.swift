/// Markdown prose with its maths and `{{name}}` value references taken out
/// before cmark sees it, each replaced by a plain-letter slot token that
/// cmark passes through unchanged; `restore` puts HTML back in their place.
///
/// Maths follows pandoc's rules: `$$…$$` is display maths; `$…$` is inline
/// maths only when the opening `$` is not followed by a space, the closing
/// `$` is not preceded by one nor followed by a digit, so "$5 and $6" stays
/// text. `\$` is a literal dollar. Code spans and fenced code blocks are
/// left exactly as written.
struct ProseSlots {
  enum Slot: Equatable {
    case inlineMath(String)
    case displayMath(String)
    case value(String)
  }

  /// The markdown with slots in place of maths and references.
  private(set) var markdown = ""
  /// What each slot held, indexed by the number in its token.
  private(set) var slots: [Slot] = []

  init(_ source: String) {
    var run: [Character] = []
    var fence: (character: Character, length: Int)?
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = String(line)
      if let open = fence {
        markdown += text + "\n"
        if Self.closes(text, fence: open) { fence = nil }
      } else if let open = Self.opensFence(text) {
        scan(run)
        run = []
        markdown += text + "\n"
        fence = open
      } else {
        run += Array(text) + ["\n"]
      }
    }
    scan(run)
    // split adds a newline after the last line that the source did not have.
    if !source.hasSuffix("\n") && markdown.hasSuffix("\n") { markdown.removeLast() }
  }

  /// The token that stands for slot `index` in the markdown cmark renders.
  static func token(_ index: Int) -> String { "LBKSLOT\(index)X" }

  // Limitation: a slot inside a link destination or title lands in an attribute;
  // references and maths belong in running text.
  /// `html` with every slot token replaced by `render(slot)`.
  func restore(_ html: String, render: (Slot) -> String) -> String {
    guard !slots.isEmpty else { return html }
    var out = ""
    var rest = Substring(html)
    while let range = rest.range(of: "LBKSLOT") {
      out += rest[..<range.lowerBound]
      let digits = rest[range.upperBound...].prefix { $0.isNumber }
      let after = rest[range.upperBound...].dropFirst(digits.count)
      if let index = Int(digits), index < slots.count, after.first == "X" {
        out += render(slots[index])
        rest = after.dropFirst()
      } else {
        out += "LBKSLOT"
        rest = rest[range.upperBound...]
      }
    }
    return out + rest
  }

  /// A fence opener: up to 3 spaces, then 3+ backticks or tildes.
  private static func opensFence(_ line: String) -> (character: Character, length: Int)? {
    let trimmed = line.drop { $0 == " " }
    guard line.count - trimmed.count <= 3, let first = trimmed.first,
      first == "`" || first == "~"
    else { return nil }
    let length = trimmed.prefix { $0 == first }.count
    guard length >= 3 else { return nil }
    // A backtick fence's info string may not contain backticks.
    if first == "`" && trimmed.dropFirst(length).contains("`") { return nil }
    return (first, length)
  }

  private static func closes(_ line: String, fence: (character: Character, length: Int)) -> Bool {
    let trimmed = line.drop { $0 == " " }
    guard line.count - trimmed.count <= 3 else { return false }
    let length = trimmed.prefix { $0 == fence.character }.count
    return length >= fence.length
      && trimmed.dropFirst(length).allSatisfy { $0 == " " || $0 == "\t" }
  }

  private mutating func add(_ slot: Slot) {
    markdown += Self.token(slots.count)
    slots.append(slot)
  }

  // Limitation: indented (4-space) code blocks are scanned like text.
  /// Copies text outside fences, replacing maths and references by slots.
  ///
  /// A search for a closer stops at a fixed boundary (line end for `}}`,
  /// blank line for maths); when it fails, every later opener before that
  /// boundary would fail too, so it is not repeated: linear time even for
  /// thousands of unclosed `{{` or `$`.
  private mutating func scan(_ chars: [Character]) {
    var i = 0
    let n = chars.count
    var noValueCloserBefore = 0
    var noDisplayCloserBefore = 0
    var noInlineCloserBefore = 0
    while i < n {
      let c = chars[i]
      let next: Character? = i + 1 < n ? chars[i + 1] : nil
      if c == "\\" && next != nil {
        markdown.append(c)
        markdown.append(chars[i + 1])
        i += 2
        continue
      }
      if c == "`" {
        let length = Self.run(of: "`", in: chars, from: i)
        if let close = Self.findRun(of: "`", length: length, in: chars, from: i + length) {
          markdown += String(chars[i..<(close + length)])
          i = close + length
        } else {
          markdown += String(repeating: "`", count: length)
          i += length
        }
        continue
      }
      if c == "{" && next == "{" && i >= noValueCloserBefore {
        switch Self.find("}}", in: chars, from: i + 2, stopAtBlankLine: false) {
        case .found(let close):
          let name = String(chars[(i + 2)..<close]).trimmingSpaces
          if !name.isEmpty {
            add(.value(name))
            i = close + 2
            continue
          }
        case .notFound(let boundary):
          noValueCloserBefore = boundary
        }
      }
      if c == "$" && next == "$" && i >= noDisplayCloserBefore {
        switch Self.find("$$", in: chars, from: i + 2, stopAtBlankLine: true) {
        case .found(let close):
          let tex = String(chars[(i + 2)..<close]).trimmingSpaces
          if !tex.isEmpty {
            add(.displayMath(tex))
            i = close + 2
            continue
          }
        case .notFound(let boundary):
          noDisplayCloserBefore = boundary
        }
      }
      if c == "$" && i >= noInlineCloserBefore {
        switch Self.inlineMathEnd(chars, open: i) {
        case .found(let close):
          add(.inlineMath(String(chars[(i + 1)..<close])))
          i = close + 1
          continue
        case .notFound(let boundary):
          noInlineCloserBefore = boundary
        }
      }
      markdown.append(c)
      i += 1
    }
  }

  /// A closer's position, or how far the fruitless search looked.
  private enum Search {
    case found(Int)
    case notFound(boundary: Int)
  }

  /// Where the `$` closing inline maths opened at `open` is, pandoc-style.
  private static func inlineMathEnd(_ chars: [Character], open: Int) -> Search {
    // `$$` is never empty inline maths.
    guard open + 1 < chars.count, !chars[open + 1].isWhitespace, chars[open + 1] != "$" else {
      return .notFound(boundary: open + 1)
    }
    var j = open + 1
    while j < chars.count {
      let c = chars[j]
      if c == "\\" {
        j += 2
        continue
      }
      // A blank line ends the paragraph, and maths never runs into a code span.
      if c == "\n" && j + 1 < chars.count && chars[j + 1] == "\n" { return .notFound(boundary: j) }
      if c == "`" { return .notFound(boundary: j) }
      if c == "$" && !chars[j - 1].isWhitespace
        && !(j + 1 < chars.count && chars[j + 1].isNumber)
      {
        return .found(j)
      }
      j += 1
    }
    return .notFound(boundary: chars.count)
  }

  private static func run(of c: Character, in chars: [Character], from i: Int) -> Int {
    var j = i
    while j < chars.count && chars[j] == c { j += 1 }
    return j - i
  }

  /// The start of the next run of exactly `length` characters `c`.
  private static func findRun(
    of c: Character, length: Int, in chars: [Character], from start: Int
  ) -> Int? {
    var j = start
    while j < chars.count {
      if chars[j] == c {
        let l = run(of: c, in: chars, from: j)
        if l == length { return j }
        j += l
      } else {
        j += 1
      }
    }
    return nil
  }

  /// The next `pattern` from `start`, skipping backslash escapes; the search
  /// ends at a newline, or with `stopAtBlankLine` at a blank line only.
  private static func find(
    _ pattern: String, in chars: [Character], from start: Int, stopAtBlankLine: Bool
  ) -> Search {
    let p = Array(pattern)
    var j = start
    while j + p.count <= chars.count {
      if chars[j] == "\\" {
        j += 2
        continue
      }
      if chars[j] == "\n" && (!stopAtBlankLine || (j + 1 < chars.count && chars[j + 1] == "\n")) {
        return .notFound(boundary: j)
      }
      if Array(chars[j..<(j + p.count)]) == p { return .found(j) }
      j += 1
    }
    return .notFound(boundary: chars.count)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  fileprivate var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
