/// A small JSON writer for the events the runtime sends to LabBook.
///
/// LabKit does not import Foundation (it would add seconds to every lab
/// compile), so events are written by hand. JSON has no NaN or infinity: a
/// non-finite number is written as the string `"nan"`, `"inf"` or `"-inf"`,
/// which LabBook's decoder turns back into the number (docs/run-json.md).
struct JSONText {
  private(set) var text = ""

  /// `"…"` with `"`, `\` and control characters escaped (RFC 8259 §7).
  static func quoted(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A number in the shortest form that reads back to the same `Double`.
  static func number(_ value: Double) -> String {
    if value.isNaN { return "\"nan\"" }
    if value.isInfinite { return value > 0 ? "\"inf\"" : "\"-inf\"" }
    return value.description
  }

  /// A `Float` as the shortest decimal that reads back to the same `Float`,
  /// so `0.1` stays `0.1` rather than `0.10000000149011612`.
  static func number(_ value: Float) -> String {
    if !value.isFinite { return number(Double(value)) }
    return value.description
  }

  static func array(_ values: [Double]) -> String {
    "[" + values.map { number($0) }.joined(separator: ",") + "]"
  }

  static func array(_ values: [String]) -> String {
    "[" + values.map { quoted($0) }.joined(separator: ",") + "]"
  }

  /// Appends `"key":value` to an object under construction.
  mutating func field(_ key: String, raw value: String) {
    if !text.isEmpty { text += "," }
    text += JSONText.quoted(key) + ":" + value
  }

  mutating func field(_ key: String, _ value: String) { field(key, raw: JSONText.quoted(value)) }
  mutating func field(_ key: String, _ value: Double) { field(key, raw: JSONText.number(value)) }
  mutating func field(_ key: String, _ value: Int) { field(key, raw: String(value)) }
  mutating func field(_ key: String, _ value: Bool) { field(key, raw: value ? "true" : "false") }
  mutating func field(_ key: String, _ values: [Double]) {
    field(key, raw: JSONText.array(values))
  }

  /// The fields written so far, as one object.
  var object: String { "{" + text + "}" }
}
