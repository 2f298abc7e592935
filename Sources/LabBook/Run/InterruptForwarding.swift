import Foundation
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Stops a running lab's process group when LabBook itself is interrupted,
/// and removes the run's temporary folder before LabBook ends.
///
/// The lab runs in a process group of its own, so the terminal's Ctrl-C
/// (SIGINT to the foreground group) does not reach it. While a run is in
/// progress, SIGINT, SIGTERM and SIGHUP are caught: the handler kills the
/// child's group and notes the signal; the run stops waiting, its folder is
/// removed, and then the default action is restored and the signal raised
/// again, so LabBook still ends as the user asked. A second signal, or one
/// outside a run, ends LabBook at once. A handler the host program
/// installed itself is left alone.
// Limitation: one group at a time; with runs on several threads (a grader),
// an interrupt stops only the newest run's group.
enum InterruptForwarding {
  /// The process group to stop, 0 when none runs. Atomic: read from a
  /// signal handler.
  static let group = Atomic<Int32>(0)
  /// The signal that interrupted the run in progress, 0 when none did.
  static let pending = Atomic<Int32>(0)
  /// How many runs (`begin(removing:)` scopes) are open.
  static let scopes = Atomic<Int32>(0)
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Whether an interrupting signal arrived during the run in progress:
  /// waits should stop and nothing should be cached.
  static var isInterrupted: Bool {
    pending.load(ordering: .sequentiallyConsistent) != 0
  }

  /// Runs `body` with `pgid`'s group stopped on an interrupting signal.
  static func whileRunning<T, E: Error>(
    _ pgid: pid_t, _ body: () throws(E) -> T
  ) throws(E) -> T {
    group.store(pgid, ordering: .sequentiallyConsistent)
    let previous = install()
    defer {
      restore(previous)
      group.store(0, ordering: .sequentiallyConsistent)
    }
    return try body()
  }

  /// A run in progress: its temporary folder, and the handlers to restore.
  struct Scope {
    let folder: String?
    fileprivate let previous: [Int32: sigaction]

    /// Removes the folder; if an interrupting signal arrived during the
    /// run (and no other run is open), ends the process with it (unless
    /// `reraise` is off, for tests).
    func end(reraise: Bool = true) {
      if let folder { try? FileManager.default.removeItem(atPath: folder) }
      InterruptForwarding.restore(previous)
      let left = InterruptForwarding.scopes.subtract(1, ordering: .sequentiallyConsistent)
        .newValue
      let signal =
        left == 0 ? InterruptForwarding.pending.exchange(0, ordering: .sequentiallyConsistent) : 0
      if signal != 0 && reraise { InterruptForwarding.endProcess(signal) }
    }
  }

  /// Starts a run whose temporary `folder` is removed by `Scope.end()`,
  /// which the caller defers so that it runs on every path, interrupted too.
  /// With no folder (e.g. a grading run, whose workers remove their own),
  /// the scope only defers the signal until `end()`.
  static func begin(removing folder: String?) -> Scope {
    scopes.add(1, ordering: .sequentiallyConsistent)
    return Scope(folder: folder, previous: install())
  }

  /// Takes over the default action of each signal; returns what to restore.
  private static func install() -> [Int32: sigaction] {
    var previous: [Int32: sigaction] = [:]
    for signal in signals {
      var old = sigaction()
      sigaction(signal, nil, &old)
      // Only take over the default action; a host's own handler (or ours,
      // from an enclosing scope) wins.
      guard old.__sigaction_handler.sa_handler == nil else { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = handle
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
      previous[signal] = old
    }
    return previous
  }

  fileprivate static func restore(_ previous: [Int32: sigaction]) {
    for (signal, old) in previous {
      var old = old
      sigaction(signal, &old, nil)
    }
  }

  /// Restores `signal`'s default action and raises it.
  fileprivate static func endProcess(_ signal: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = nil  // SIG_DFL
    sigaction(signal, &action, nil)
    raise(signal)
  }

  private static let handle: @convention(c) (Int32) -> Void = { signal in
    let pgid = InterruptForwarding.group.load(ordering: .sequentiallyConsistent)
    if pgid > 0 { kill(-pgid, SIGKILL) }
    // Inside a run, the first signal is noted and the run cleans up; a second
    // one (or one outside a run) ends LabBook now.
    let inRun = InterruptForwarding.scopes.load(ordering: .sequentiallyConsistent) > 0
    let first =
      InterruptForwarding.pending.compareExchange(
        expected: 0, desired: signal, ordering: .sequentiallyConsistent
      ).exchanged
    if inRun && first { return }
    endProcess(signal)
  }
}
