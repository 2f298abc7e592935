import Foundation

/// Turns what a lab program left behind — its events, stdout and stderr
/// files, and how it ended — into one `CellResult` per document cell.
///
/// Output is cut at the stdout/stderr offsets each event carries, so text
/// lands on the cell that printed it and in order with its figures; what
/// follows the last event belongs to the cell that was running.
struct RunTranscript {
  /// Bytes kept per stream per cell; the rest is cut with a note.
  static let outputCap = 1 << 20
  /// The words of that note, which ends the kept text as its last line:
  /// `[… N more bytes left out: a cell keeps at most 1 MB per stream]`.
  static let capNotePhrase = " more bytes left out: a cell keeps at most "

  private(set) var cells: [CellResult]
  private let document: LabDocument
  private let program: LabProgram
  private let stdout: Data
  private let stderr: Data
  private var cursor = (out: 0, err: 0)
  private var kept: [Int: (out: Int, err: Int)] = [:]

  init(
    document: LabDocument, program: LabProgram, events: [RunEvent], stdout: Data,
    stderr: Data, ending: ChildProcess.Ending, timeout: Double, runSeconds: Double = 0,
    memoryLimit: UInt64? = nil
  ) {
    self.document = document
    self.program = program
    self.stdout = stdout
    self.stderr = stderr
    cells = document.cells.map {
      CellResult(id: $0.id, status: $0.isSkipped ? .skipped : .notRun)
    }

    var running: Int?
    var lastEnded: Int?
    for event in events {
      switch event.e {
      case "begin":
        guard let position = event.i, program.included.indices.contains(position) else {
          continue
        }
        cursor = (event.out, event.err)
        running = program.included[position]
      case "end":
        guard let cell = running else { continue }
        appendText(to: cell, upTo: (event.out, event.err))
        cells[cell].status = .ok
        cells[cell].seconds = event.seconds ?? 0
        lastEnded = cell
        running = nil
      case "value", "figure", "check":
        guard let cell = running ?? lastEnded else { continue }
        appendText(to: cell, upTo: (event.out, event.err))
        if let value = event.value, let name = event.name {
          cells[cell].outputs.append(.value(name: name, value: value))
        } else if let figure = event.figure {
          cells[cell].outputs.append(.figure(figure))
        } else if let check = event.check {
          cells[cell].outputs.append(.check(check))
        }
      default:
        continue
      }
    }

    // Whatever was running when the program stopped, or the first cell that
    // never finished if it stopped between cells, owns the ending.
    let blamed =
      running ?? program.included.first { cells[$0].status == .notRun }
    let stoppedEarly = ending != .exited(0) || blamed != nil
    if let cell = blamed ?? lastEnded {
      appendText(to: cell, upTo: (stdout.count, stderr.count))
    }
    guard stoppedEarly, let cell = blamed else { return }
    fail(cell, ending: ending, timeout: timeout)
    if let memoryLimit, ending != .timedOut, Self.ranOutOfMemory(stderr) {
      cells[cell].error?.message =
        "the lab used more than its memory limit of \(Self.bytesText(memoryLimit)); raise "
        + "`memory:` in the front matter (e.g. `memory: 16G`) or make the cell hold less"
    }
    // It ran until it was stopped: the run's time less the finished cells'.
    // Limitation: the program's start-up time is counted in this cell too.
    let finished = cells.filter { $0.status == .ok }.map(\.seconds).reduce(0, +)
    cells[cell].seconds = max(0, runSeconds - finished)
  }

  private mutating func fail(_ cell: Int, ending: ChildProcess.Ending, timeout: Double) {
    let fence = document.cells[cell].fenceLocation
    switch ending {
    case .timedOut:
      // The backtrace asked for on the time-out says where the cell was.
      let frames = labFrames(in: String(decoding: stderr.suffix(64 * 1024), as: UTF8.self))
      tidyCrashOutput(cell, signal: SIGABRT)
      var message =
        "stopped: the lab ran past its time limit of \(formatNumber(timeout)) s; "
        + "raise `timeout:` in the front matter or make the cell do less"
      if let place = frames.first {
        let callers = Self.callers(in: frames, after: place)
        message +=
          " (it was running line \(place.line)"
          + (callers.isEmpty ? "" : ", called from " + callers) + ")"
      }
      cells[cell].status = .timedOut
      cells[cell].error = CellError(message: message, location: frames.first ?? fence)
    case .signaled(let signal):
      let name = ChildProcess.signalName(signal)
      let report = String(decoding: stderr.suffix(64 * 1024), as: UTF8.self)
      let trap = trapMessage(in: report)
      let frames = labFrames(in: report)
      tidyCrashOutput(cell, signal: signal)
      // Swift's own words when it printed any, else the likely cause.
      var message =
        trap?.message
        ?? CrashText.runtimeFailure(in: report).map { "Swift runtime failure: " + $0 }
        ?? CrashText.cause(of: name, stackDepth: CrashText.stackDepth(in: report))
        ?? "the program was stopped by \(name) while this cell ran"
      var location = frames.first ?? trap?.location ?? fence
      if let thrown = message.range(of: Self.uncaughtPhrase) {
        (message, location) = uncaught(String(message[thrown.upperBound...]), in: cell, fence)
      }
      let callers = Self.callers(in: frames, after: location)
      if !callers.isEmpty { message += " (called from " + callers + ")" }
      cells[cell].status = .failed
      cells[cell].error = CellError(message: message, location: location, signal: name)
    case .exited(let code):
      cells[cell].status = .failed
      cells[cell].error = CellError(
        message: "the program exited with status \(code) while this cell ran; "
          + "`exit` in a cell ends the whole lab, so leave it out",
        location: fence)
    }
  }

  /// Up to three of the lab places below the innermost frame, as
  /// `x.md:L:C, …`; empty when there are none. Callers on a line already
  /// named (a closure called where it is written) say nothing new.
  private static func callers(in frames: [SourceLocation], after place: SourceLocation) -> String {
    var named: Set<Int> = [place.line]
    let callers = frames.dropFirst().filter { named.insert($0.line).inserted }
    return callers.prefix(3).map(\.description).joined(separator: ", ")
  }

  /// What Swift's runtime says when an error thrown at top level is not
  /// caught; it names no line.
  static let uncaughtPhrase = "Error raised at top level: "

  /// The message and place of an error thrown at the top level of `cell`
  /// and not caught. The place is the `try` (or `throw`) it can only have
  /// come from when the cell has one such line; otherwise the fence, with
  /// the candidate lines in the message.
  private func uncaught(
    _ error: String, in cell: Int, _ fence: SourceLocation
  ) -> (String, SourceLocation) {
    let code = document.cells[cell]
    var lines: Set<Int> = []
    let sites = CellOutline(code.code).throwSites.filter { lines.insert($0.line).inserted }
    let message = "an error was thrown and nothing caught it: \(error)"
    guard sites.count == 1, let site = sites.first else {
      guard !sites.isEmpty else { return (message, fence) }
      let numbers = sites.map { String(code.codeLine + $0.line - 1) }
      return (
        "an error was thrown (by the `try` on one of lines \(numbers.joined(separator: ", ")))"
          + " and nothing caught it: \(error)", fence
      )
    }
    return (message, document.sourceLocation(in: code, line: site.line, column: site.column))
  }

  /// Whether the program died because an allocation failed: Swift's
  /// runtime, or C's `malloc` through LabKit, says so on stderr.
  static func ranOutOfMemory(_ stderr: Data) -> Bool {
    let text = String(decoding: stderr.suffix(64 * 1024), as: UTF8.self)
    return ["failed to allocate", "could not allocate", "cannot allocate memory", "out of memory"]
      .contains { text.localizedCaseInsensitiveContains($0) }
  }

  /// `4 GiB`, `512 MiB`, `1.5 GiB`: bytes in the largest binary unit that
  /// leaves a whole or one-decimal number.
  static func bytesText(_ bytes: UInt64) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return formatNumber((value * 10).rounded() / 10) + " " + units[unit]
  }

  /// Removes the runtime's crash report from the cell's stderr: Swift's
  /// backtrace (`*** Signal …` to `Backtrace took …`) or, without the
  /// backtracer, its "Current stack trace:" of bare addresses. The lab's
  /// own frames are kept in the error instead. A trap line keeps its
  /// message but not the LabKit or Swift source file it names, and the
  /// sandbox shell's last word on the signal ("Illegal instruction") goes:
  /// the error names the signal.
  private mutating func tidyCrashOutput(_ cell: Int, signal: Int32) {
    let shellReport = strsignal(signal).map { String(cString: $0) }
    cells[cell].outputs = cells[cell].outputs.compactMap { output in
      guard case .text(.stderr, let text) = output else { return output }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      if let start = lines.firstIndex(where: { $0.hasPrefix("*** Signal ") }) {
        let end = lines[start...].firstIndex { $0.hasPrefix("Backtrace took") } ?? lines.count - 1
        lines.removeSubrange(start...end)
      } else if let start = lines.firstIndex(of: "Current stack trace:") {
        let end = lines[(start + 1)...].firstIndex { $0.first?.isNumber != true } ?? lines.count
        lines.removeSubrange(start..<end)
      }
      // The runtime's own complaint while it collects the crash, not the lab's.
      lines.removeAll { $0.hasPrefix("swift-runtime: failed to suspend thread") }
      if let shellReport, let last = lines.lastIndex(where: { !$0.isEmpty }),
        lines[last] == shellReport || lines[last] == shellReport + " (core dumped)"
      {
        lines.remove(at: last)
      }
      while lines.count > 1 && lines[lines.count - 1].isEmpty && lines[lines.count - 2].isEmpty {
        lines.removeLast()
      }
      let kept = CrashText.withoutTrapPlaces(lines.joined(separator: "\n"))
      return kept.isEmpty || kept == "\n" ? nil : .text(stream: .stderr, text: kept)
    }
  }

  /// The places in the lab's own file in the backtrace Swift printed, from
  /// the innermost out (`… in lab at /tmp/labbook-x/labs/x.md:12:7`).
  /// swiftc records a relative lab path under the folder it compiled in, so
  /// a file that ends with `/` and the lab's path is the lab.
  private func labFrames(in text: String) -> [SourceLocation] {
    text.split(separator: "\n").compactMap { line in
      guard let at = line.range(of: " at ", options: .backwards) else { return nil }
      // A frame in the lab with no line (`f(_:) + 377 in lab at /tmp/x/labs/x.md`):
      // the function's own line.
      if isLabFile(String(line[at.upperBound...])),
        let symbol = line.range(of: " + ").map({ line[..<$0.lowerBound] }),
        let name = FunctionPlace.baseName(
          ofSymbol: String(symbol.split(separator: " ", maxSplits: 2).dropFirst(2).first ?? "")),
        let place = FunctionPlace.line(ofFunction: name, in: document.source)
      {
        return SourceLocation(file: document.path, line: place.line, column: place.column)
      }
      let place = line[at.upperBound...].split(separator: ":", omittingEmptySubsequences: false)
      guard place.count >= 3, let row = Int(place[place.count - 2]),
        let column = Int(place[place.count - 1])
      else { return nil }
      let file = place.dropLast(2).joined(separator: ":")
      guard isLabFile(file) else { return nil }
      // cmark strips an indented fence's indentation; put it back.
      let shift = program.cellIndex(atLine: row).map { program.spans[$0].column - 1 } ?? 0
      return SourceLocation(file: document.path, line: row, column: column + shift)
    }
  }

  /// Appends the stdout and stderr bytes between the cursor and `offsets`
  /// to `cell`, up to the per-cell cap.
  private mutating func appendText(to cell: Int, upTo offsets: (out: Int, err: Int)) {
    let used = kept[cell] ?? (0, 0)
    let out = slice(stdout, from: cursor.out, to: offsets.out, used: used.out)
    let err = slice(stderr, from: cursor.err, to: offsets.err, used: used.err)
    if !out.text.isEmpty { cells[cell].outputs.append(.text(stream: .stdout, text: out.text)) }
    if !err.text.isEmpty { cells[cell].outputs.append(.text(stream: .stderr, text: err.text)) }
    kept[cell] = (used.out + out.kept, used.err + err.kept)
    cursor = (max(cursor.out, offsets.out), max(cursor.err, offsets.err))
  }

  private func slice(
    _ data: Data, from start: Int, to end: Int, used: Int
  ) -> (text: String, kept: Int) {
    let end = min(end, data.count)
    // Past the cap the first cut's note already stands; say nothing more.
    guard start < end, used < Self.outputCap else { return ("", 0) }
    let room = Self.outputCap - used
    let keep = min(end - start, room)
    var text = Self.unsignedNaN(String(decoding: data[start..<(start + keep)], as: UTF8.self))
    if keep < end - start {
      if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
      text +=
        "[… \(end - start - keep)\(Self.capNotePhrase)"
        + "\(Self.outputCap >> 20) MB per stream]\n"
    }
    return (text, keep)
  }

  /// Whether `file`, as a backtrace names it, is the lab's own file.
  private func isLabFile(_ file: String) -> Bool {
    file == document.path || (!document.path.hasPrefix("/") && file.hasSuffix("/" + document.path))
  }

  /// `text` with each word `-nan` written `nan`, as numpy prints it: Swift
  /// prints a NaN whose sign bit is set as `-nan`, and x86 sets it on the
  /// NaN of `0 / 0`, so a cell's `print(loss)` would read `-nan`. A NaN's
  /// sign means nothing; `x-nan` and `-nanny` are left alone.
  static func unsignedNaN(_ text: String) -> String {
    guard text.contains("-nan") else { return text }
    func isWordCharacter(_ c: Character?) -> Bool {
      guard let c else { return false }
      return c.isLetter || c.isNumber || c == "_"
    }
    var out = ""
    var rest = Substring(text)
    while let found = rest.range(of: "-nan") {
      let before =
        found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : nil
      let after = found.upperBound < text.endIndex ? text[found.upperBound] : nil
      out += rest[..<found.lowerBound]
      out += isWordCharacter(before) || isWordCharacter(after) ? "-nan" : "nan"
      rest = text[found.upperBound...]
    }
    return out + rest
  }

  /// Swift's last `… Fatal error: message` line (or `Precondition failed`,
  /// `Assertion failed`), with its `file.md:line` when the trap was in the
  /// lab's own code.
  private func trapMessage(in text: String) -> (message: String, location: SourceLocation?)? {
    guard let trap = CrashText.trap(in: text) else { return nil }
    // Swift names the file as `Module/file.md` (#fileID), so match the name.
    let name = (document.path as NSString).lastPathComponent
    guard trap.file == document.path || trap.file.hasSuffix("/" + name) else {
      return (trap.message, nil)
    }
    return (trap.message, SourceLocation(file: document.path, line: trap.line))
  }
}
