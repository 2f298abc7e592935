import Foundation

/// Where in a submission a crash happened, from Swift's backtrace report.
///
/// In the sandbox the program is not readable by the user running it, so
/// the backtracer runs with `symbolicate=off, images=mentioned`: it prints
/// bare addresses and each mentioned image's load range. The addresses
/// inside the program's own image are looked up here, outside the sandbox,
/// in the program's debug info with `llvm-symbolizer`; the innermost one
/// whose `#sourceLocation` file is the submission is the crash site.
struct CrashSite {
  /// The `SWIFT_BACKTRACE` setting that makes such a report.
  static let backtraceSetting =
    "enable=yes,interactive=no,color=no,threads=crashed,registers=none,"
    + "images=mentioned,limit=32,symbolicate=off"

  /// The addresses in the image whose path ends with `/imageName`, as
  /// offsets from its start, innermost frame first; a return address (`[ra]`)
  /// is moved back one byte, into the call.
  static func offsets(inReport text: String, imageName: String) -> [UInt64] {
    var addresses: [UInt64] = []
    var range: (UInt64, UInt64)?
    for line in text.split(separator: "\n") {
      let words = line.split(whereSeparator: \.isWhitespace)
      // Frame: `3 [ra] 0x000055fcf758ed54`.
      if words.count >= 2, words[0].allSatisfy(\.isNumber) {
        let isReturn = words[1] == "[ra]"
        let word = isReturn && words.count >= 3 ? words[2] : words[1]
        if word.hasPrefix("0x"), let value = UInt64(word.dropFirst(2), radix: 16) {
          addresses.append(isReturn && value > 0 ? value - 1 : value)
        }
        continue
      }
      // Image: `0x…–0x… BUILD-ID NAME PATH`.
      if words.count >= 4, words[0].hasPrefix("0x"), words.last!.hasSuffix("/" + imageName) {
        let bounds = words[0].split { $0 == "–" || $0 == "-" }
        if bounds.count == 2,
          let low = UInt64(bounds[0].dropFirst(2), radix: 16),
          let high = UInt64(bounds[1].dropFirst(2), radix: 16)
        {
          range = (low, high)
        }
      }
    }
    guard let (low, high) = range else { return [] }
    return addresses.filter { $0 >= low && $0 < high }.map { $0 - low }
  }

  /// Every `file:line:col` line in `llvm-symbolizer` output, innermost
  /// frame first. A file that is one of `files`, or ends with `/` and one
  /// of them, is named as in `files`: swiftc records a relative
  /// `#sourceLocation` file under the folder it compiled in
  /// (`/tmp/labbook-grade-x/build/subs/ann.md` for `subs/ann.md`).
  ///
  /// A frame at line 0 (compiler-made code, e.g. after an array element's
  /// in-place update) in a file of `readable` is placed at its function's
  /// `func` line in that file (`FunctionPlace`), the function being named
  /// on the line before.
  static func locations(
    inSymbolizerOutput output: String, files: [String], readable: Set<String> = []
  ) -> [SourceLocation] {
    var texts: [String: String] = [:]
    var previous = ""
    return output.split(separator: "\n").compactMap { line in
      defer { previous = String(line) }
      let parts = line.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count >= 3, let row = Int(parts[parts.count - 2]),
        let column = Int(parts[parts.count - 1])
      else { return nil }
      let printed = parts.dropLast(2).joined(separator: ":")
      let file =
        files.first { printed == $0 || (!$0.hasPrefix("/") && printed.hasSuffix("/" + $0)) }
        ?? printed
      guard row == 0 else { return SourceLocation(file: file, line: row, column: max(column, 1)) }
      guard readable.contains(file), let name = FunctionPlace.baseName(ofSymbol: previous)
      else { return nil }
      if texts[file] == nil { texts[file] = (try? String(contentsOfFile: file, encoding: .utf8)) }
      guard let place = texts[file].flatMap({ FunctionPlace.line(ofFunction: name, in: $0) })
      else { return nil }
      return SourceLocation(file: file, line: place.line, column: place.column)
    }
  }

  /// The first `file:line:col` line in `llvm-symbolizer` output whose file is `file`.
  static func location(inSymbolizerOutput output: String, file: String) -> SourceLocation? {
    locations(inSymbolizerOutput: output, files: [file]).first { $0.file == file }
  }

  /// The places in the program's own code of the report in `stderrText`
  /// about `binary` (named `imageName` in the report), innermost first, with
  /// `files` named as given (`locations(inSymbolizerOutput:files:)`); empty
  /// when there is no report or no `llvm-symbolizer` next to `swiftc` or on PATH.
  static func frames(
    stderrText: String, binary: String, imageName: String, files: [String], swiftc: String,
    readable: Set<String> = []
  ) -> [SourceLocation] {
    let offsets = offsets(inReport: stderrText, imageName: imageName)
    guard !offsets.isEmpty else { return [] }
    let candidates = [
      (swiftc as NSString).deletingLastPathComponent + "/llvm-symbolizer",
      "/usr/bin/llvm-symbolizer",
    ]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else { return [] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments =
      ["--obj=" + binary, "--relative-address"]
      + offsets.prefix(32).map { "0x" + String($0, radix: 16) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return [] }
    // A symbolizer that hangs must not hold up grading.
    let deadline = DispatchWorkItem { [process] in
      if process.isRunning { process.terminate() }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: deadline)
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    deadline.cancel()
    return locations(
      inSymbolizerOutput: String(decoding: data, as: UTF8.self), files: files, readable: readable)
  }
}
