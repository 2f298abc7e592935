import Foundation
import LabBook

/// Progress of a run on stderr while a terminal is attached: the step, the
/// cell (i/N and its id) and the time since the start.
enum Progress {
  static func reporter(started: Date) -> (@Sendable (RunProgress) -> Void)? {
    guard Console.stderrIsTerminal else { return nil }
    return { event in
      let elapsed = String(format: "%.1fs", Date().timeIntervalSince(started))
      switch event {
      case .compiling:
        Console.status("compiling… \(elapsed)")
      case .compiled(let seconds):
        Console.status(String(format: "compiled in %.1fs", seconds))
      case .cached:
        Console.status("unchanged since the last run: using cached results")
      case .cellStarted(let index, let count, let id):
        Console.status("cell \(index + 1)/\(count) \(id)… \(elapsed)")
      case .cellFinished(let index, let count, let id, let status):
        if status != .ok {
          Console.clearStatus()
          Console.info("cell \(index + 1)/\(count) \(id): \(status.rawValue)")
        }
      }
    }
  }
}
