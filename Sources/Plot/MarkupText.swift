/// Escaping for text placed in HTML or SVG, shared by the charts and the
/// pages they are embedded in.
public enum MarkupText {
  /// `text` with `& < > " '` replaced by entities; safe in content and in
  /// quoted attribute values. Control characters other than tab, line feed
  /// and carriage return (which XML forbids) are shown as their Unicode
  /// control pictures (NUL as `␀`, U+2400 + code; DEL as `␡`; C1 controls as
  /// U+FFFD), and bidi embeddings, overrides and isolates (U+202A–U+202E,
  /// U+2066–U+2069) as `[U+202E]`, so untrusted text cannot reorder what
  /// surrounds it.
  public static func escape(_ text: String) -> String {
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
}
