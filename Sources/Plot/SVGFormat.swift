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
  static func escape(_ text: String) -> String { MarkupText.escape(text) }

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
