/// The words of a fence's info string: the language, then attributes.
///
/// Words are separated by spaces or tabs. An attribute is `name`, `name=value`
/// or `name="quoted value"`; inside quotes, `\"` and `\\` stand for `"` and `\`.
struct InfoString {
  struct Word {
    var name: String
    /// `nil` for a bare flag (no `=`).
    var value: String?
    /// The 1-based byte column of the word's first character on its line.
    var column: Int
  }

  struct SyntaxError: Error {
    var message: String
    var column: Int
  }

  var words: [Word] = []

  /// The words of `bytes`, the info string as written, which starts at byte
  /// column `column` of its line.
  init(_ bytes: ArraySlice<UInt8>, column: Int) throws(SyntaxError) {
    let space: Set<UInt8> = [0x20, 0x09]
    let base = bytes.startIndex
    var i = base
    let end = bytes.endIndex
    while i < end {
      if space.contains(bytes[i]) {
        i += 1
        continue
      }
      let start = i
      while i < end, !space.contains(bytes[i]), bytes[i] != 0x3D, bytes[i] != 0x22 { i += 1 }
      let name = String(decoding: bytes[start..<i], as: UTF8.self)
      let wordColumn = column + start - base
      guard i < end, bytes[i] == 0x3D else {
        if i < end, bytes[i] == 0x22 {
          throw SyntaxError(
            message: "unexpected quote in \"\(name)\"", column: column + i - base)
        }
        words.append(Word(name: name, value: nil, column: wordColumn))
        continue
      }
      i += 1  // "="
      var value: [UInt8] = []
      if i < end, bytes[i] == 0x22 {
        let quote = i
        i += 1
        var closed = false
        while i < end {
          let byte = bytes[i]
          if byte == 0x5C, i + 1 < end, bytes[i + 1] == 0x22 || bytes[i + 1] == 0x5C {
            value.append(bytes[i + 1])
            i += 2
          } else if byte == 0x22 {
            closed = true
            i += 1
            break
          } else {
            value.append(byte)
            i += 1
          }
        }
        guard closed else {
          throw SyntaxError(
            message: "the quoted value of \"\(name)\" has no closing quote",
            column: column + quote - base)
        }
        if i < end, !space.contains(bytes[i]) {
          throw SyntaxError(
            message: "missing space after the quoted value of \"\(name)\"",
            column: column + i - base)
        }
      } else {
        while i < end, !space.contains(bytes[i]) {
          value.append(bytes[i])
          i += 1
        }
      }
      words.append(
        Word(name: name, value: String(decoding: value, as: UTF8.self), column: wordColumn))
    }
  }
}
