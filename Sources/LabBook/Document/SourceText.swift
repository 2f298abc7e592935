/// A lab's text as UTF-8 bytes with a table of where each line starts.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark, so line numbers
/// agree with cmark's. Lines and columns are 1-based; a column counts UTF-8
/// bytes from the start of its line (a tab is one column), as swiftc does.
struct SourceText {
  let bytes: [UInt8]
  /// `lineStarts[i]` is the byte offset of line `i + 1`; one extra entry holds
  /// `bytes.count`, so line `n` spans `lineStarts[n - 1] ..< lineStarts[n]`.
  let lineStarts: [Int]

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      var i = 0
      while i < buffer.count {
        let byte = buffer[i]
        i += 1
        if byte == 0x0A {
          starts.append(i)
        } else if byte == 0x0D {
          if i < buffer.count, buffer[i] == 0x0A { i += 1 }
          starts.append(i)
        }
      }
    }
    // A final line without a terminator still counts; an empty one does not.
    if starts.last! < bytes.count { starts.append(bytes.count) }
    self.lineStarts = starts
  }

  /// The number of lines (0 for an empty text).
  var lineCount: Int { lineStarts.count - 1 }

  /// The byte range of line `line` (1-based) without its terminator.
  func contentRange(ofLine line: Int) -> Range<Int> {
    let start = lineStarts[line - 1]
    var end = lineStarts[line]
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  /// Line `line` (1-based) without its terminator.
  func content(ofLine line: Int) -> ArraySlice<UInt8> {
    bytes[contentRange(ofLine: line)]
  }

  /// The text of lines `lines`, terminators included, exactly as written.
  func text(ofLines lines: ClosedRange<Int>) -> String {
    String(
      decoding: bytes[lineStarts[lines.lowerBound - 1]..<lineStarts[lines.upperBound]],
      as: UTF8.self)
  }

  /// The 1-based line and column of byte offset `offset`.
  func position(ofOffset offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    // The last line start at or before `offset` (binary search).
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return (low + 1, offset - lineStarts[low] + 1)
  }
}
