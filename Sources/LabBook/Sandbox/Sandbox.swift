import Foundation
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// How untrusted programs (a student's lab program, and swiftc compiling
/// it) are contained: each in a process group of its own under resource
/// limits; where LabBook runs as root, in fresh network and PID namespaces
/// (`unshare -n -p -f --kill-child`) and as an unprivileged user of its own
/// (`setpriv`), so that killing the namespace's first process ends every
/// process the program started. See docs/grading.md.
public struct Sandbox: Sendable {
  /// What this machine allows, found once by `probe()`.
  public struct Isolation: Sendable, Equatable {
    /// Running as root: programs can run as another user.
    public var dropsPrivileges: Bool
    /// `unshare -n -p -f` works: no network, and a PID namespace.
    public var namespaces: Bool
    /// Why something weaker is used, for a warning; empty when all is on.
    public var warnings: [String]
  }

  /// The first user id of the sandboxes' users (see `userID(run:worker:)`).
  public static let baseUID: UInt32 = 61_000

  /// Runs started in this process, for `userID`.
  private static let runs = Mutex<UInt32>(0)

  /// A block of 64 user ids for one grading run, distinct from the blocks
  /// of other runs in this process and, by the process id, very likely of
  /// runs in other processes: worker `k` runs as `block + k`, so per-user
  /// limits (processes) are never shared by programs running at once.
  static func userBlock() -> UInt32 {
    let count = runs.withLock { value -> UInt32 in
      value &+= 1
      return value
    }
    let run = (UInt32(truncatingIfNeeded: getpid()) &* 97 &+ count) % 16_384
    return baseUID + run * 64
  }

  public let isolation: Isolation

  /// A sandbox using what `probe()` found.
  public init(isolation: Isolation = Sandbox.probe()) {
    self.isolation = isolation
  }

  /// Finds whether this process may change user and create namespaces,
  /// by running `true` wrapped as a student's program would be.
  public static func probe() -> Isolation {
    var warnings: [String] = []
    let root = geteuid() == 0
    if !root {
      warnings.append(
        "not running as root: student programs run as the current user, who can read "
          + "what it can read; grade as root for an unprivileged sandbox user")
    }
    let tools = ["/usr/bin/unshare", "/usr/bin/prlimit", "/usr/bin/setpriv"]
    let missing = tools.filter { access($0, X_OK) != 0 }
    var namespaces = false
    if missing.isEmpty {
      let probe = Sandbox(
        isolation: Isolation(dropsPrivileges: false, namespaces: true, warnings: []))
      namespaces = Self.succeeds(
        probe.wrap(["/bin/true"], limits: SandboxLimits(), uid: nil, privateTmp: true))
      if !namespaces {
        warnings.append(
          "cannot create namespaces here (unshare -n -p -m refused): student programs "
            + "keep the network and the shared /tmp, and only their process group is killed")
      }
    } else {
      warnings.append(
        "missing \(missing.joined(separator: ", ")) (util-linux): no namespaces and no "
          + "resource limits; install util-linux")
    }
    return Isolation(
      dropsPrivileges: root && missing.isEmpty, namespaces: namespaces, warnings: warnings)
  }

  /// The folders a sandboxed run gets a private, empty tmpfs over (16 MiB
  /// each), so that writing to them changes nothing outside the sandbox.
  static let privateFolders = ["/tmp", "/var/tmp", "/dev/shm", "/run/lock", "/var/lock"]

  /// The shell script that runs inside the namespaces: mounts the private
  /// folders (with `privateTmp`), then runs the command as a child and
  /// exits with its status (128 + n for signal n). The shell stays the
  /// namespace's first process: the kernel ignores signals such as
  /// SIGXFSZ that a namespace's first process sends itself, so the
  /// program must not be that process.
  static func initScript(privateTmp: Bool, hiding hidden: [String] = []) -> String {
    var script = ""
    if privateTmp {
      script += "for d in \(privateFolders.joined(separator: " ")); do "
      script += "if [ -d \"$d\" ] && [ ! -L \"$d\" ]; then "
      script += "mount -t tmpfs -o size=16m,mode=1777 tmpfs \"$d\" || exit 125; fi; done; "
      if !hidden.isEmpty {
        script += "for d in \(hidden.map(quoted).joined(separator: " ")); do "
        script += "if [ -d \"$d\" ]; then "
        script += "mount -t tmpfs -o ro,size=4k,mode=0 tmpfs \"$d\" || exit 125; fi; done; "
      }
    }
    return script + "\"$@\"; exit $?"
  }

  /// `text` as one single-quoted shell word.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The command line that runs `command` contained: namespaces (with
  /// private temporary folders when `privateTmp`), then limits, then the
  /// unprivileged user `uid`, each where available. With `privateTmp` the
  /// old /tmp is hidden: give `command` paths relative to its working folder.
  /// `hiding` lists folders covered by an empty, unreadable tmpfs (with
  /// `privateTmp`), e.g. the instructor's lab and other students' work.
  func wrap(
    _ command: [String], limits: SandboxLimits, uid: UInt32?, privateTmp: Bool = false,
    hiding hidden: [String] = []
  ) -> [String] {
    var line: [String] = []
    if isolation.namespaces {
      // If LabBook dies (even by SIGKILL), unshare is killed (pdeathsig),
      // which kills the namespace's first process (--kill-child), which
      // makes the kernel kill every process in the namespace.
      line += ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"]
      line += ["/usr/bin/unshare", "-n", "-p", "-f", "--kill-child"]
      if privateTmp { line += ["-m", "--propagation", "private", "--mount-proc"] }
      let script = Self.initScript(privateTmp: privateTmp, hiding: hidden)
      line += ["--", "/bin/sh", "-c", script, "sh"]
    }
    if access("/usr/bin/prlimit", X_OK) == 0 {
      line += ["/usr/bin/prlimit"] + limits.prlimitArguments + ["--"]
    }
    if let uid, isolation.dropsPrivileges {
      line += [
        "/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups",
        "--inh-caps=-all", "--no-new-privs", "--",
      ]
    }
    return line + command
  }

  /// How the program itself ended, given how the sandbox's first process
  /// did: with namespaces, that is the shell, which exits 128 + n when the
  /// program was killed by signal n.
  func programEnding(_ ending: ChildProcess.Ending) -> ChildProcess.Ending {
    guard isolation.namespaces, case .exited(let code) = ending, code > 128, code < 160 else {
      return ending
    }
    return .signaled(code - 128)
  }

  /// Kills every process of user `uid` (as that user: `kill -KILL -1`), for
  /// descendants that left the process group where no PID namespace exists.
  func killAll(uid: UInt32) {
    guard isolation.dropsPrivileges, !isolation.namespaces else { return }
    _ = Self.succeeds([
      "/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "/bin/kill",
      "-KILL", "-1",
    ])
  }

  private static func succeeds(_ command: [String]) -> Bool {
    let process = SandboxProcess(
      command: command, environment: ["PATH": "/usr/bin:/bin"], workingDirectory: "/",
      stdoutPath: "/dev/null", stderrPath: "/dev/null")
    guard let outcome = try? process.run(limits: SandboxLimits(wallSeconds: 10)) else {
      return false
    }
    return outcome.ending == .exited(0)
  }
}
