import Foundation
import Plot

/// Escaping for text that must not be read as HTML: everything a student or
/// a program wrote (output, errors, values, code).
enum HTML {
  /// `text` safe in HTML content and quoted attribute values, with control
  /// and bidi characters made inert (see `MarkupText.escape`).
  static func escape(_ text: String) -> String { MarkupText.escape(text) }

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
