import Foundation

/// Number and text formatting shared by every chart, so that output is
/// deterministic and compact.
enum SVGFormat {
  /// A coordinate rounded to 0.1 px, without trailing zeros ("12", "12.5",
  /// never "12.0" or "-0"). Callers pass finite values only.
  static func coord(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    if tenths % 10 == 0 { return String(tenths / 10) }
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// `value` with `decimals` digits after the point, trailing zeros kept off.
  static func fixed(_ value: Double, decimals: Int) -> String {
    let scale = pow(10, Double(decimals))
    let scaled = (value * scale).rounded()
    if scaled == 0 { return "0" }
    var text = String(format: "%.\(max(decimals, 0))f", scaled / scale)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// Three significant digits for captions: plain between 1e-3 and 1e5,
  /// otherwise `1.23e-05` style.
  static func short(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e-3 && magnitude < 1e5 {
      var text = String(format: "%.3g", value)
      if text.contains(".") && !text.contains("e") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
      }
      return text
    }
    return String(format: "%.2e", value)
  }

  /// Text made safe for SVG/XML content and attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x26: out += "&amp;"
      case 0x3C: out += "&lt;"
      case 0x3E: out += "&gt;"
      case 0x22: out += "&quot;"
      case 0x27: out += "&#39;"
      // XML allows no C0 control but tab and newlines: show its picture.
      case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(scalar)
      case 0x00..<0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out += "\u{2421}"
      case 0x80..<0xA0: out += "\u{FFFD}"
      // Bidi embeddings, overrides and isolates would reorder the label.
      case 0x202A...0x202E, 0x2066...0x2069:
        out += "[U+" + String(scalar.value, radix: 16, uppercase: true) + "]"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The note shown when values had to be left out.
  /// `compact` drops the word "values" for narrow panels.
  static func nonFiniteNote(
    _ count: Int, what: String = "non-finite", compact: Bool = false
  ) -> String? {
    guard count > 0 else { return nil }
    if compact { return "\(count) \(what) left out" }
    return "\(count) \(what) value\(count == 1 ? "" : "s") left out"
  }
}
