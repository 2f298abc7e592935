import Foundation

/// Escaping for text that must not be read as HTML: everything a student or
/// a program wrote (output, errors, values, code).
enum HTML {
  /// `text` with `& < > " '` replaced by entities; safe in content and in
  /// quoted attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The text of an HTML fragment: tags removed, the five basic entities
  /// decoded (enough for headings cmark rendered).
  static func text(of fragment: String) -> String {
    var out = ""
    var inTag = false
    for character in fragment {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        out.append(character)
      }
    }
    return
      out
      .replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
