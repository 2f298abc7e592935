import Foundation

/// Escaping for text that must not be read as HTML: everything a student or
/// a program wrote (output, errors, values, code).
enum HTML {
  /// `text` with `& < > " '` replaced by entities; safe in content and in
  /// quoted attribute values. Control characters other than tab, line feed
  /// and carriage return are shown as their Unicode control pictures (NUL as
  /// `␀`, U+2400 + code; DEL as `␡`; C1 controls as U+FFFD), and bidi
  /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as
  /// `[U+202E]`, so a program's output cannot reorder the text around it.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x26: out += "&amp;"
      case 0x3C: out += "&lt;"
      case 0x3E: out += "&gt;"
      case 0x22: out += "&quot;"
      case 0x27: out += "&#39;"
      case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(scalar)
      case 0x00..<0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out += "\u{2421}"
      case 0x80..<0xA0: out += "\u{FFFD}"
      case 0x202A...0x202E, 0x2066...0x2069:
        out += "[U+" + String(scalar.value, radix: 16, uppercase: true) + "]"
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
