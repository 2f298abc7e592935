/// A light, line-agnostic colouring of Swift code for the report: comments,
/// string literals, numbers, keywords and type names get `<span>` classes
/// (`c`, `s`, `n`, `k`, `t`); everything is HTML-escaped.
///
/// Limitation: a lexer, not a parser; string interpolation is coloured as string.
enum SwiftHighlighter {
  static let keywords: Set<String> = [
    "let", "var", "func", "if", "else", "for", "in", "while", "repeat", "return", "import",
    "struct", "class", "enum", "case", "switch", "default", "guard", "true", "false", "nil",
    "self", "Self", "try", "throw", "throws", "rethrows", "some", "any", "where", "as", "is",
    "inout", "static", "private", "fileprivate", "internal", "public", "mutating", "init",
    "defer", "break", "continue", "protocol", "extension", "typealias", "do", "catch",
    "async", "await", "lazy", "weak", "final", "override", "subscript", "fallthrough",
  ]

  static func html(_ code: String) -> String {
    let chars = Array(code)
    var out = ""
    var i = 0
    func span(_ cls: String, _ text: [Character]) {
      out += "<span class=\"\(cls)\">" + HTML.escape(String(text)) + "</span>"
    }
    while i < chars.count {
      let c = chars[i]
      let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
      if c == "/" && next == "/" {
        var j = i
        while j < chars.count && chars[j] != "\n" { j += 1 }
        span("c", Array(chars[i..<j]))
        i = j
      } else if c == "/" && next == "*" {
        var j = i + 2
        while j + 1 < chars.count && !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
        j = min(j + 2, chars.count)
        span("c", Array(chars[i..<j]))
        i = j
      } else if c == "\"" {
        let triple = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
        var j = i + (triple ? 3 : 1)
        while j < chars.count {
          if chars[j] == "\\" {
            j += 2
            continue
          }
          if triple {
            if j + 2 < chars.count && chars[j] == "\"" && chars[j + 1] == "\""
              && chars[j + 2] == "\""
            {
              j += 3
              break
            }
          } else if chars[j] == "\"" || chars[j] == "\n" {
            j += 1
            break
          }
          j += 1
        }
        j = min(j, chars.count)
        span("s", Array(chars[i..<j]))
        i = j
      } else if c.isNumber && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_")) {
        var j = i
        while j < chars.count
          && (chars[j].isNumber || chars[j].isLetter || chars[j] == "." || chars[j] == "_")
        {
          // Stop before `..` ranges and member access on a literal.
          if chars[j] == "." && (j + 1 >= chars.count || !chars[j + 1].isNumber) { break }
          j += 1
        }
        span("n", Array(chars[i..<j]))
        i = j
      } else if c.isLetter || c == "_" {
        var j = i
        while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") {
          j += 1
        }
        let word = String(chars[i..<j])
        // `default:` after `(` or `,` is an argument label, not the keyword.
        let isLabel =
          j < chars.count && chars[j] == ":" && word != "default"
          || (word == "default" && j < chars.count && chars[j] == ":"
            && chars[..<i].last(where: { $0 != " " }).map { $0 == "(" || $0 == "," } == true)
        if keywords.contains(word) && !isLabel {
          span("k", Array(word))
        } else if word.first!.isUppercase {
          span("t", Array(word))
        } else {
          out += HTML.escape(word)
        }
        i = j
      } else {
        out += HTML.escape(String(c))
        i += 1
      }
    }
    return out
  }
}
