import Foundation

/// Reads a running lab's events file as it grows and reports each cell's
/// start and end through `RunOptions.progress`.
struct ProgressFollower {
  let path: String
  let program: LabProgram
  let document: LabDocument
  private var offset = 0
  private var pending = Data()
  private var started: Set<Int> = []
  private var finished: Set<Int> = []

  init(path: String, program: LabProgram, document: LabDocument) {
    self.path = path
    self.program = program
    self.document = document
  }

  /// Reports what the program wrote since the last call.
  mutating func poll(_ report: (RunProgress) -> Void) {
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    try? handle.seek(toOffset: UInt64(offset))
    guard let data = try? handle.readToEnd(), !data.isEmpty else { return }
    offset += data.count
    pending += data
    guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { return }
    let complete = pending[..<pending.index(after: lastNewline)]
    pending = Data(pending[pending.index(after: lastNewline)...])
    let count = program.included.count
    for event in RunEvent.decodeAll(Data(complete)) {
      guard let position = event.i, program.included.indices.contains(position) else {
        continue
      }
      let id = document.cells[program.included[position]].id
      if event.e == "begin" {
        started.insert(position)
        report(.cellStarted(index: position, count: count, id: id))
      } else if event.e == "end" {
        finished.insert(position)
        report(.cellFinished(index: position, count: count, id: id, status: .ok))
      }
    }
  }

  /// Reports the rest once the program has ended: late events, then the
  /// final status of the cell that was running when it stopped.
  mutating func finish(_ cells: [CellResult], _ report: (RunProgress) -> Void) {
    poll(report)
    let count = program.included.count
    for position in started.subtracting(finished).sorted() {
      let cell = cells[program.included[position]]
      report(.cellFinished(index: position, count: count, id: cell.id, status: cell.status))
    }
  }
}
