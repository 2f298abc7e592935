/// Turning a lab file's bytes into text: the BOM dropped, invalid UTF-8 replaced.
enum SourceDecoding {
  /// The bytes without a leading UTF-8 byte-order mark, as valid UTF-8, with
  /// warnings for what had to change.
  ///
  /// Each maximal invalid UTF-8 subsequence becomes U+FFFD (the Unicode
  /// standard's recommended practice, which `String(decoding:as:)` follows).
  /// Line numbers are unchanged by the replacement, since line terminators are
  /// ASCII; the warning points at the first bad byte.
  static func decode(_ raw: [UInt8], log: inout DiagnosticLog) -> [UInt8] {
    var bytes = raw
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

    if String(validating: bytes, as: UTF8.self) == nil {
      let (first, count) = firstInvalidSequence(in: bytes)
      let (line, column) = SourceText(bytes: bytes).position(ofOffset: first)
      log.warning(
        line, column,
        "the file is not valid UTF-8: \(count) invalid byte sequence(s), the first here "
          + "(byte 0x\(String(bytes[first], radix: 16, uppercase: true)))",
        hint: "each was replaced by U+FFFD; save the file as UTF-8")
      bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    if let nul = bytes.firstIndex(of: 0) {
      let position = SourceText(bytes: bytes).position(ofOffset: nul)
      log.warning(
        position.line, position.column, "the file contains a NUL byte",
        hint: "Markdown reads it as U+FFFD; remove it")
    }
    return bytes
  }

  /// The offset of the first invalid sequence and how many there are.
  private static func firstInvalidSequence(in bytes: [UInt8]) -> (first: Int, count: Int) {
    var first = -1
    var count = 0
    var offset = 0
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error(let length):
        if first < 0 { first = offset }
        count += 1
        offset += length
      case .emptyInput: break loop
      }
    }
    return (max(first, 0), count)
  }
}
