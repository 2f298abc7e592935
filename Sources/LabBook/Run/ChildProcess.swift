import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A program run in a process group of its own, with stdin from /dev/null
/// and stdout/stderr sent to files, waited for up to a time limit, after
/// which the whole group is stopped (SIGTERM, then SIGKILL).
///
/// Built on `posix_spawn` with `POSIX_SPAWN_SETPGROUP` (Foundation's
/// `Process` cannot put the child in a new group before it starts).
struct ChildProcess {
  /// How the program ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signaled(Int32)
    case timedOut
  }

  var executable: String
  var arguments: [String]
  var environment: [String: String]
  var workingDirectory: String
  var stdoutPath: String
  var stderrPath: String
  /// Bytes of data (heap and private mappings) the program may hold,
  /// `RLIMIT_DATA`; `nil` for no limit. (`RLIMIT_AS` would also count the
  /// runtime's address-space reservations.)
  var memoryLimit: UInt64? = nil
  /// On a time-out, first SIGABRT to the main thread, so that Swift's
  /// backtracer (when enabled in `environment`) writes where it was to
  /// stderr, and wait up to `backtraceSeconds` for the report.
  var backtraceOnTimeout = false
  static let backtraceSeconds = 5.0

  /// Starts the program, waits at most `timeout` seconds, and stops every
  /// process left in its group, whether it ended or not. `whileRunning` is
  /// called every few milliseconds while it runs (e.g. to report progress).
  func run(timeout: Double, whileRunning: () -> Void = {}) throws(EngineError) -> Ending {
    let pid = try spawn()
    if let memoryLimit, !Self.hasPrlimit {
      // Limitation: without util-linux's prlimit the limit is set just after
      // the start, so the first instants run unlimited.
      var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
      _ = Self.setLimit(pid, Int32(RLIMIT_DATA.rawValue), &limit)
    }
    return InterruptForwarding.whileRunning(pid) { wait(for: pid, timeout: timeout, whileRunning) }
  }

  private func wait(for pid: pid_t, timeout: Double, _ whileRunning: () -> Void) -> Ending {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var delay: useconds_t = 1_000
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { break }
      if result < 0 && errno != EINTR {
        return .exited(-1)
      }
      if Date() >= deadline {
        if backtraceOnTimeout {
          BacktraceRequest.ask(pid, stderrPath: stderrPath, seconds: Self.backtraceSeconds)
        }
        stopGroup(pid, reap: true)
        return .timedOut
      }
      if InterruptForwarding.isInterrupted {
        // LabBook is being stopped: end the group now, the caller cleans up.
        stopGroup(pid, reap: true)
        return .signaled(SIGKILL)
      }
      whileRunning()
      usleep(delay)
      delay = min(delay * 2, 20_000)
    }
    // Children the program left behind (e.g. `system("sleep 100 &")`) go too.
    // Limitation: a descendant that left the group (setsid) survives; the
    // grading sandbox is the place for stronger containment.
    kill(-pid, SIGKILL)
    return Self.ending(status)
  }

  /// util-linux's `prlimit`, which sets a limit and then runs the program
  /// in its place (same process), so the limit holds from its first
  /// instruction.
  static let prlimit = "/usr/bin/prlimit"
  static let hasPrlimit = access(prlimit, X_OK) == 0

  private func spawn() throws(EngineError) -> pid_t {
    var command = [executable] + arguments
    if let memoryLimit, Self.hasPrlimit {
      command = [Self.prlimit, "--data=\(memoryLimit)", "--"] + command
    }
    return try GroupSpawn(
      command: command, environment: environment,
      workingDirectory: workingDirectory, stdoutPath: stdoutPath, stderrPath: stderrPath
    ).start()
  }

  private typealias PRLimit =
    @convention(c) (pid_t, Int32, UnsafePointer<rlimit>?, UnsafeMutablePointer<rlimit>?) -> Int32

  /// glibc's `prlimit` (a GNU extension Swift's Glibc module does not
  /// export), looked up with `dlsym`: sets `resource`'s limit of `pid`.
  private static func setLimit(_ pid: pid_t, _ resource: Int32, _ limit: inout rlimit) -> Int32 {
    guard let symbol = dlsym(nil, "prlimit") else { return ENOSYS }
    return unsafeBitCast(symbol, to: PRLimit.self)(pid, resource, &limit, nil)
  }

  /// SIGTERM to the group, a second's grace, then SIGKILL.
  private func stopGroup(_ pid: pid_t, reap: Bool) {
    kill(-pid, SIGTERM)
    var status: Int32 = 0
    for _ in 0..<100 {
      if waitpid(pid, &status, WNOHANG) == pid { break }
      usleep(10_000)
    }
    kill(-pid, SIGKILL)
    _ = waitpid(pid, &status, WNOHANG)
    // The leader may still be dying after SIGKILL; reap it so no zombie stays.
    if reap { _ = waitpid(pid, &status, 0) }
  }

  private static func ending(_ status: Int32) -> Ending {
    let signal = status & 0x7f
    if signal == 0 { return .exited((status >> 8) & 0xff) }
    return .signaled(signal)
  }

  /// The conventional name of a signal, e.g. `SIGTRAP`.
  static func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL",
      SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
      SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM",
      SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGSYS: "SIGSYS",
    ]
    return names[signal] ?? "signal \(signal)"
  }
}
