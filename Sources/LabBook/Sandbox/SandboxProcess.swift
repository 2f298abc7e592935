import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// One contained program: started with `posix_spawn` in a process group of
/// its own, stdin from /dev/null, stdout and stderr to files, and an events
/// pipe as file descriptor 3; watched until it ends, its wall-clock limit
/// passes, the watcher asks to stop it, or LabBook is interrupted (then it
/// throws `interrupted`); then its whole group is killed.
struct SandboxProcess {
  /// What the watcher wants after reading new event bytes.
  enum Verdict {
    case keepRunning
    case stop
  }

  /// How it ended, and the event bytes it sent on descriptor 3.
  struct Outcome {
    var ending: ChildProcess.Ending
    var events: Data
    /// The watcher stopped it (e.g. a test ran past its own limit).
    var stoppedByWatcher: Bool
  }

  /// The most event bytes kept; a program sending more is stopped.
  static let eventCap = 64 << 20

  var command: [String]
  var environment: [String: String]
  var workingDirectory: String
  var stdoutPath: String
  var stderrPath: String
  /// The name of the program inside the sandbox's wrappers to ask for a
  /// backtrace (`BacktraceRequest`) before it is stopped for time, so
  /// that the cell it was running can be placed; `nil` for none.
  var backtraceProgram: String? = nil

  /// Runs the program under `limits.wallSeconds`; `watch` gets all event
  /// bytes so far every few milliseconds and may stop the program.
  func run(
    limits: SandboxLimits, watch: (Data) -> Verdict = { _ in .keepRunning }
  ) throws(EngineError) -> Outcome {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else {
      throw .cannotStart(program: command[0], reason: String(cString: strerror(errno)))
    }
    // Other workers' children must not inherit this pipe (dup2 clears it on 3).
    _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
    let pid: pid_t
    do {
      pid = try spawn(eventsWriter: pipeEnds[1])
    } catch {
      close(pipeEnds[0])
      close(pipeEnds[1])
      throw error
    }
    close(pipeEnds[1])
    let reader = pipeEnds[0]
    defer { close(reader) }
    _ = fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) | O_NONBLOCK)

    let deadline = Date().addingTimeInterval(limits.wallSeconds)
    var events = Data()
    var status: Int32 = 0
    var delay: useconds_t = 1_000
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var ending: ChildProcess.Ending?
    var stopped = false
    var interrupted = false
    while ending == nil {
      let exited = waitpid(pid, &status, WNOHANG) == pid
      // Drain the pipe before judging, so the last events are seen.
      while events.count < Self.eventCap {
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        events.append(contentsOf: buffer[..<count])
      }
      if exited {
        ending = Self.ending(status)
      } else if InterruptForwarding.isInterrupted {
        // LabBook is being stopped (Ctrl-C, SIGTERM): the group goes now.
        interrupted = true
        ending = .signaled(SIGKILL)
      } else if Date() >= deadline {
        ending = .timedOut
      } else if events.count >= Self.eventCap || watch(events) == .stop {
        stopped = true
        ending = .timedOut
      } else {
        usleep(delay)
        delay = min(delay * 2, 10_000)
      }
    }
    if ending == .timedOut, let backtraceProgram,
      let program = BacktraceRequest.descendant(of: pid, named: backtraceProgram)
    {
      BacktraceRequest.ask(
        program, stderrPath: stderrPath, seconds: ChildProcess.backtraceSeconds)
    }
    // The group (and, with a PID namespace, every process inside) goes.
    kill(-pid, SIGKILL)
    if waitpid(pid, &status, WNOHANG) == 0 { _ = waitpid(pid, &status, 0) }
    if interrupted { throw .interrupted(program: command.last ?? command[0]) }
    return Outcome(ending: ending!, events: events, stoppedByWatcher: stopped)
  }

  private func spawn(eventsWriter: Int32) throws(EngineError) -> pid_t {
    try GroupSpawn(
      command: command, environment: environment, workingDirectory: workingDirectory,
      stdoutPath: stdoutPath, stderrPath: stderrPath, outputMode: 0o600,
      descriptor3: eventsWriter, resetsSignals: true
    ).start()
  }

  private static func ending(_ status: Int32) -> ChildProcess.Ending {
    let signal = status & 0x7f
    if signal == 0 { return .exited((status >> 8) & 0xff) }
    return .signaled(signal)
  }
}
