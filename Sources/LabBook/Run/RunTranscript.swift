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

  private(set) var cells: [CellResult]
  private let document: LabDocument
  private let program: LabProgram
  private let stdout: Data
  private let stderr: Data
  private var cursor = (out: 0, err: 0)
  private var kept: [Int: (out: Int, err: Int)] = [:]

  init(
    document: LabDocument, program: LabProgram, events: [RunEvent], stdout: Data,
    stderr: Data, ending: ChildProcess.Ending, timeout: Double
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
  }

  private mutating func fail(_ cell: Int, ending: ChildProcess.Ending, timeout: Double) {
    let fence = document.cells[cell].fenceLocation
    switch ending {
    case .timedOut:
      cells[cell].status = .timedOut
      cells[cell].error = CellError(
        message: "stopped: the lab ran past its time limit of \(formatNumber(timeout)) s; "
          + "raise `timeout:` in the front matter or make the cell do less",
        location: fence)
    case .signaled(let signal):
      let name = ChildProcess.signalName(signal)
      let fatal = fatalError(in: stderr)
      dropStackTrace(cell)
      cells[cell].status = .failed
      cells[cell].error = CellError(
        message: fatal?.message ?? "the program was stopped by \(name) while this cell ran",
        location: fatal?.location ?? fence, signal: name)
    case .exited(let code):
      cells[cell].status = .failed
      cells[cell].error = CellError(
        message: "the program exited with status \(code) while this cell ran; "
          + "`exit` in a cell ends the whole lab, so leave it out",
        location: fence)
    }
  }

  /// Removes the runtime's "Current stack trace:" block from the cell's
  /// stderr: its frames are addresses in the program, not lab lines.
  // Limitation: a trap inside LabKit or the standard library is located at
  // the cell's fence only; mapping frames to lab lines needs symbolication.
  private mutating func dropStackTrace(_ cell: Int) {
    cells[cell].outputs = cells[cell].outputs.compactMap { output in
      guard case .text(.stderr, let text) = output,
        let start = text.range(of: "Current stack trace:\n")
      else { return output }
      var kept = String(text[..<start.lowerBound])
      let rest = text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
      let after = rest.drop { $0.first?.isNumber == true || $0.isEmpty }
      if !after.isEmpty { kept += after.joined(separator: "\n") }
      return kept.isEmpty ? nil : .text(stream: .stderr, text: kept)
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
    var text = String(decoding: data[start..<(start + keep)], as: UTF8.self)
    if keep < end - start {
      if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
      text +=
        "[… \(end - start - keep) more bytes left out: a cell keeps at most "
        + "\(Self.outputCap >> 20) MB per stream]\n"
    }
    return (text, keep)
  }

  /// Swift's `… Fatal error: message` line, with its `file.md:line` when the
  /// trap was in the lab's own code.
  private func fatalError(in stderr: Data) -> (message: String, location: SourceLocation?)? {
    let text = String(decoding: stderr.suffix(64 * 1024), as: UTF8.self)
    guard
      let line = text.split(separator: "\n").last(where: { $0.contains("Fatal error") })
    else { return nil }
    guard let marker = line.range(of: "Fatal error") else { return nil }
    let message = String(line[marker.lowerBound...])
    // Swift names the file as `Module/file.md` (#fileID), so match the name.
    let prefix = line[..<marker.lowerBound].trimmingCharacters(
      in: CharacterSet(charactersIn: ": "))
    let name = (document.path as NSString).lastPathComponent
    guard let colon = prefix.lastIndex(of: ":"),
      let row = Int(prefix[prefix.index(after: colon)...]),
      prefix[..<colon] == document.path || prefix[..<colon].hasSuffix("/" + name)
    else {
      return (message, nil)
    }
    return (message, SourceLocation(file: document.path, line: row))
  }
}
