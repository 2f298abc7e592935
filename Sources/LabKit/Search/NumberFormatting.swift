internal import Glibc

/// `value` with 4 significant digits: plain between 1e-3 and 1e5
/// (`0.01234`, `123.4`), else scientific (`1.234e-05`); trailing zeros
/// dropped; `nan`, `inf`, `-inf` for non-finite values.
func formatNumber(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value > 0 ? "inf" : "-inf" }
  if value == 0 { return "0" }
  var buffer = [CChar](repeating: 0, count: 32)
  let magnitude = abs(value)
  let format = magnitude >= 1e-3 && magnitude < 1e5 ? "%.4g" : "%.3e"
  _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
  var text = String(
    decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  // Drop trailing zeros of the mantissa: "1.200e-05" -> "1.2e-05".
  if let e = text.firstIndex(of: "e") {
    var mantissa = String(text[..<e])
    if mantissa.contains(".") {
      while mantissa.hasSuffix("0") { mantissa.removeLast() }
      if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    text = mantissa + text[e...]
  }
  return text
}
