/// Splits a cell's Swift code into `CodeToken`s: enough of Swift's lexical
/// rules to tell code from comments and string literals, and to find the
/// code inside string interpolations, with each token's line and column.
///
/// Handles `//` and nested `/* */` comments, `"…"`, `"""…"""` and raw
/// `#"…"#` strings with escapes and interpolation at any depth, backticked
/// names, numbers. It never fails: text it does not understand becomes
/// punctuation, an unclosed string or comment ends at the end of the code.
/// Time is linear in the code's length; nesting uses an explicit stack.
// Limitation: regex literals (`/…/`) are read as operators and names.
enum CodeLexer {
  private static let operatorBytes = Set("=-+!*%<>&|^~?./".utf8)
  private static let singleBytes = Set("()[]{},;:\\".utf8)

  /// An open string literal: how it closes and what it holds so far.
  private struct StringFrame {
    var multiline: Bool
    var hashes: Int
    var token: CodeToken
    var content: [UInt8] = []
    var plain = true
  }

  /// An open interpolation: the depth of `(` inside it.
  private enum Frame {
    case string(StringFrame)
    case interpolation(parens: Int)
  }

  /// The tokens of `code`, in order. A string literal's token comes after
  /// the tokens of the code interpolated into it.
  static func tokens(_ code: String) -> [CodeToken] {
    let b = Array(code.utf8)
    var tokens: [CodeToken] = []
    var stack: [Frame] = []
    var i = 0
    var line = 1
    var lineStart = 0
    var spaced = true

    func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }
    func startsWith(_ text: String, _ k: Int) -> Bool {
      var j = k
      for byte in text.utf8 {
        guard at(j) == byte else { return false }
        j += 1
      }
      return true
    }
    func token(_ kind: CodeToken.Kind, _ start: Int, _ end: Int) -> CodeToken {
      CodeToken(
        kind: kind, text: String(decoding: b[start..<end], as: UTF8.self), line: line,
        column: start - lineStart + 1, spaced: spaced)
    }

    while i < b.count {
      // Inside a string literal: look for its end or an interpolation.
      if case .string(var frame) = stack.last {
        stack.removeLast()
        let c = b[i]
        let closing = frame.multiline ? "\"\"\"" : "\""
        if startsWith(closing, i)
          && (0..<frame.hashes).allSatisfy({ at(i + closing.utf8.count + $0) == UInt8(ascii: "#") })
        {
          i += closing.utf8.count + frame.hashes
          frame.token.text = frame.plain ? String(decoding: frame.content, as: UTF8.self) : ""
          tokens.append(frame.token)
          spaced = false
          continue
        }
        if c == UInt8(ascii: "\n") {
          line += 1
          lineStart = i + 1
          i += 1
          if !frame.multiline {
            // An unclosed single-line string ends at the line's end.
            frame.token.text = ""
            tokens.append(frame.token)
            spaced = true
            continue
          }
          frame.content.append(c)
          stack.append(.string(frame))
          continue
        }
        if c == UInt8(ascii: "\\")
          && (0..<frame.hashes).allSatisfy({ at(i + 1 + $0) == UInt8(ascii: "#") })
        {
          let after = i + 1 + frame.hashes
          frame.plain = false
          if at(after) == UInt8(ascii: "(") {
            stack.append(.string(frame))
            stack.append(.interpolation(parens: 0))
            i = after + 1
            spaced = false
            continue
          }
          // An escape: skip the escaped character (not a newline's bookkeeping).
          i = at(after) == UInt8(ascii: "\n") ? after : after + 1
          stack.append(.string(frame))
          continue
        }
        frame.content.append(c)
        i += 1
        stack.append(.string(frame))
        continue
      }

      let c = b[i]
      if c == UInt8(ascii: "\n") {
        line += 1
        lineStart = i + 1
        i += 1
        spaced = true
        continue
      }
      if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
        i += 1
        spaced = true
        continue
      }
      if startsWith("//", i) {
        while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
        spaced = true
        continue
      }
      if startsWith("/*", i) {
        var depth = 0
        while i < b.count {
          if startsWith("/*", i) {
            depth += 1
            i += 2
          } else if startsWith("*/", i) {
            depth -= 1
            i += 2
            if depth == 0 { break }
          } else {
            if b[i] == UInt8(ascii: "\n") {
              line += 1
              lineStart = i + 1
            }
            i += 1
          }
        }
        spaced = true
        continue
      }

      // A string literal, raw (`#"`) or not, single- or multi-line.
      var hashes = 0
      while at(i + hashes) == UInt8(ascii: "#") { hashes += 1 }
      if at(i + hashes) == UInt8(ascii: "\"") {
        let multiline = startsWith("\"\"\"", i + hashes)
        let start = token(.string, i, i)
        i += hashes + (multiline ? 3 : 1)
        stack.append(.string(StringFrame(multiline: multiline, hashes: hashes, token: start)))
        continue
      }

      let start = i
      if isNameStart(c) {
        while i < b.count && isNameByte(b[i]) { i += 1 }
        tokens.append(token(.identifier, start, i))
      } else if c == UInt8(ascii: "`") && isNameStart(at(i + 1)) {
        i += 1
        while i < b.count && isNameByte(b[i]) { i += 1 }
        var name = token(.identifier, start + 1, i)
        name.column -= 1
        tokens.append(name)
        if at(i) == UInt8(ascii: "`") { i += 1 }
      } else if isDigit(c) {
        while i < b.count
          && (isNameByte(b[i]) || (b[i] == UInt8(ascii: ".") && isDigit(at(i + 1))))
        {
          i += 1
        }
        tokens.append(token(.number, start, i))
      } else if c == UInt8(ascii: "$") || c == UInt8(ascii: "#") || c == UInt8(ascii: "@") {
        i += 1
        while i < b.count && isNameByte(b[i]) { i += 1 }
        tokens.append(token(.other, start, i))
      } else if c == UInt8(ascii: "(") || c == UInt8(ascii: ")") {
        i += 1
        if case .interpolation(let parens) = stack.last {
          stack.removeLast()
          if c == UInt8(ascii: ")") && parens == 0 {
            // The interpolation ends; back in its string.
            spaced = false
            continue
          }
          stack.append(.interpolation(parens: parens + (c == UInt8(ascii: "(") ? 1 : -1)))
        }
        tokens.append(token(.punctuation, start, i))
      } else if singleBytes.contains(c) {
        i += 1
        tokens.append(token(.punctuation, start, i))
      } else if operatorBytes.contains(c) {
        i += 1
        while i < b.count && operatorBytes.contains(b[i]) && !startsWith("//", i)
          && !startsWith("/*", i)
        {
          i += 1
        }
        tokens.append(token(.punctuation, start, i))
      } else {
        i += 1
        tokens.append(token(.other, start, i))
      }
      spaced = false
    }
    // Strings left open at the end still count as tokens.
    for case .string(let frame) in stack.reversed() {
      var open = frame.token
      open.text = ""
      tokens.append(open)
    }
    return tokens
  }

  private static func isNameStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_") || c >= 0x80
  }

  private static func isNameByte(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }

  private static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }
}
