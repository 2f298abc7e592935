import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Stops a running lab's process group when LabBook itself is interrupted.
///
/// The lab runs in a process group of its own, so the terminal's Ctrl-C
/// (SIGINT to the foreground group) does not reach it. While a child runs,
/// SIGINT, SIGTERM and SIGHUP are caught: the handler kills the child's
/// group, restores the default action and raises the signal again, so
/// LabBook still ends as the user asked. A handler the host program
/// installed itself is left alone.
// Limitation: one group at a time; with runs on several threads (a grader),
// an interrupt stops only the newest run's group.
enum InterruptForwarding {
  /// The process group to stop, 0 when none runs. Atomic: read from a
  /// signal handler.
  static let group = Atomic<Int32>(0)
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Runs `body` with `pgid`'s group stopped on an interrupting signal.
  static func whileRunning<T, E: Error>(
    _ pgid: pid_t, _ body: () throws(E) -> T
  ) throws(E) -> T {
    group.store(pgid, ordering: .sequentiallyConsistent)
    var previous: [Int32: sigaction] = [:]
    for signal in signals {
      var old = sigaction()
      sigaction(signal, nil, &old)
      // Only take over the default action; a host's own handler wins.
      guard old.__sigaction_handler.sa_handler == nil else { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = handle
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
      previous[signal] = old
    }
    defer {
      for (signal, old) in previous {
        var old = old
        sigaction(signal, &old, nil)
      }
      group.store(0, ordering: .sequentiallyConsistent)
    }
    return try body()
  }

  private static let handle: @convention(c) (Int32) -> Void = { signal in
    let pgid = InterruptForwarding.group.load(ordering: .sequentiallyConsistent)
    if pgid > 0 { kill(-pgid, SIGKILL) }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = nil  // SIG_DFL
    sigaction(signal, &action, nil)
    raise(signal)
  }
}
