/// A line that opens or closes a fenced code block, read from the raw bytes.
///
/// CommonMark: up to 3 spaces, then at least 3 backticks or tildes, then the
/// info string. A backtick fence's info string may not contain a backtick.
struct FenceLine {
  /// Spaces before the fence (0–3).
  var indent: Int
  /// `` ` `` or `~`.
  var character: UInt8
  var length: Int
  /// The info string as written, trimmed of surrounding spaces and tabs.
  var info: ArraySlice<UInt8>
  /// The 1-based byte column where `info` starts.
  var infoColumn: Int

  /// The first word of the info string.
  var language: String {
    let word = info.prefix { $0 != 0x20 && $0 != 0x09 }
    return String(decoding: word, as: UTF8.self)
  }

  /// Reads `line` as an opening fence, or returns `nil`. With `strict` off,
  /// any indentation is allowed and backticks in the info string are too: a
  /// line that merely looks like a fence.
  init?(_ line: ArraySlice<UInt8>, strict: Bool = true) {
    var i = line.startIndex
    while i < line.endIndex, line[i] == 0x20 || (!strict && line[i] == 0x09) { i += 1 }
    indent = i - line.startIndex
    guard i < line.endIndex, line[i] == 0x60 || line[i] == 0x7E, !strict || indent <= 3 else {
      return nil
    }
    character = line[i]
    let runStart = i
    while i < line.endIndex, line[i] == character { i += 1 }
    length = i - runStart
    guard length >= 3 else { return nil }
    while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
    var end = line.endIndex
    while end > i, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
    info = line[i..<end]
    infoColumn = i - line.startIndex + 1
    if strict, character == 0x60, info.contains(0x60) { return nil }
  }

  /// Whether `line` closes a block opened by this fence: up to 3 spaces, the
  /// same character at least as many times, then only spaces or tabs.
  func isClosed(by line: ArraySlice<UInt8>) -> Bool {
    guard let other = FenceLine(line), other.character == character,
      other.length >= length, other.info.isEmpty
    else { return false }
    return true
  }
}
