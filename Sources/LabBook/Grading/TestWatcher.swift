import Foundation

/// Reads a grading run's events as they arrive: keeps only lines carrying
/// the run's nonce, follows which cell runs, and asks to stop the program
/// when a test cell (or a cell holding student code) runs past its own time
/// limit, or when every test it was to run has ended (what follows cannot
/// change a grade).
// Limitation: limits are wall-clock time, so a loaded machine can time out a test.
struct TestWatcher {
  let nonce: String
  /// Program positions of the test cells still to run.
  let testPositions: Set<Int>
  /// Program positions of the cells held to `limit`: the tests and the
  /// cells holding student code.
  let limitedPositions: Set<Int>
  /// Seconds one test may run.
  let limit: Double
  private var parsed = 0
  private var running: (position: Int, since: Date)?
  private var pending: Set<Int>
  /// Every test the run was to make has ended.
  private(set) var testsDone = false

  init(nonce: String, testPositions: Set<Int>, limited: Set<Int> = [], limit: Double) {
    self.nonce = nonce
    self.testPositions = testPositions
    limitedPositions = testPositions.union(limited)
    self.limit = limit
    pending = testPositions
    testsDone = pending.isEmpty
  }

  /// Takes all event bytes so far; `.stop` once a test overran.
  mutating func read(_ events: Data) -> SandboxProcess.Verdict {
    if events.count > parsed {
      let fresh = events[parsed...]
      if let lastNewline = fresh.lastIndex(of: UInt8(ascii: "\n")) {
        let complete = events[parsed..<lastNewline]
        parsed = lastNewline + 1
        for event in RunEvent.decodeAll(Self.genuine(Data(complete), nonce: nonce)) {
          if event.e == "begin", let position = event.i {
            running = limitedPositions.contains(position) ? (position, Date()) : nil
          } else if event.e == "end" {
            if let position = event.i { pending.remove(position) }
            running = nil
          }
        }
      }
    }
    if pending.isEmpty {
      testsDone = true
      return .stop
    }
    if let running, Date().timeIntervalSince(running.since) > limit { return .stop }
    return .keepRunning
  }

  /// The lines of `events` that carry `"n":"<nonce>"`; the rest were not
  /// written by LabKit's runtime for this run (a student's forgery).
  static func genuine(_ events: Data, nonce: String) -> Data {
    let mark = Array("\"n\":\"\(nonce)\"".utf8)
    var kept = Data()
    for line in events.split(separator: UInt8(ascii: "\n")) where contains(line, mark) {
      kept.append(contentsOf: line)
      kept.append(UInt8(ascii: "\n"))
    }
    return kept
  }

  private static func contains(_ line: Data.SubSequence, _ mark: [UInt8]) -> Bool {
    guard line.count >= mark.count else { return false }
    let bytes = Array(line)
    var start = 0
    while start + mark.count <= bytes.count {
      if bytes[start] == mark[0] && Array(bytes[start..<(start + mark.count)]) == mark {
        return true
      }
      start += 1
    }
    return false
  }
}
