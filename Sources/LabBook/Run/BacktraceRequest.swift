import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Asks a running lab program where it is: SIGABRT to its main thread, so
/// that Swift's backtracer (enabled by `SWIFT_BACKTRACE`) writes a crash
/// report to its stderr. Used before a program that ran out of time is
/// stopped, so that the cell's error can name the line it was running.
enum BacktraceRequest {
  /// Sends SIGABRT to `pid`'s main thread, then waits up to `seconds` for
  /// the report's last line in the file at `stderrPath`. A signal sent from
  /// outside does not end the program once the backtracer is done (the
  /// interrupted code resumes): the caller stops it.
  ///
  /// The main thread (thread id `pid`) is where a lab's cells run; a signal
  /// to the process could land on an idle worker thread instead.
  static func ask(_ pid: pid_t, stderrPath: String, seconds: Double) {
    typealias ThreadKill = @convention(c) (pid_t, pid_t, Int32) -> Int32
    if let symbol = dlsym(nil, "tgkill") {
      _ = unsafeBitCast(symbol, to: ThreadKill.self)(pid, pid, SIGABRT)
    } else {
      kill(pid, SIGABRT)
    }
    let patience = Date().addingTimeInterval(seconds)
    while Date() < patience {
      if reportEnded(in: stderrPath) || !isRunning(pid) { return }
      usleep(20_000)
    }
  }

  /// Whether the file's last 4 KiB hold the report's last line.
  static func reportEnded(in path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let size = (try? handle.seekToEnd()) ?? 0
    try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
    let tail = (try? handle.readToEnd()) ?? Data()
    return String(decoding: tail, as: UTF8.self).contains("\nBacktrace took")
  }

  /// Whether `pid` exists and is not a zombie.
  static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = status(of: pid) else { return false }
    return stat.state != "Z" && stat.state != "X"
  }

  /// The first process named `name` (its `comm`) among `root`'s
  /// descendants, nearest first, as this system numbers it: the lab
  /// program inside a sandbox's wrappers.
  static func descendant(of root: pid_t, named name: String) -> pid_t? {
    var children: [pid_t: [pid_t]] = [:]
    var names: [pid_t: String] = [:]
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = pid_t(entry), let stat = status(of: pid) else { continue }
      children[stat.parent, default: []].append(pid)
      names[pid] = stat.name
    }
    var queue = children[root] ?? []
    var seen: Set<pid_t> = [root]
    while !queue.isEmpty {
      let pid = queue.removeFirst()
      guard seen.insert(pid).inserted else { continue }
      if names[pid] == name { return pid }
      queue += children[pid] ?? []
    }
    return nil
  }

  /// `comm`, state and parent from `/proc/PID/stat`.
  private static func status(of pid: pid_t) -> (name: String, state: Character, parent: pid_t)? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")")
    else { return nil }
    let name = String(text[text.index(after: open)..<close])
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else {
      return nil
    }
    return (name, state, parent)
  }
}
