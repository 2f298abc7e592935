import Foundation

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

  /// The first user id of the sandboxes' users; worker `k` runs as
  /// `baseUID + k`, so per-user limits (processes) are not shared.
  public static let baseUID: UInt32 = 61_000

  public let isolation: Isolation

  /// A sandbox using what `probe()` found.
  public init(isolation: Isolation = Sandbox.probe()) {
    self.isolation = isolation
  }

  /// Finds whether this process may change user and create namespaces,
  /// by trying `unshare -n -p -f --kill-child true`.
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
      namespaces = Self.succeeds(["/usr/bin/unshare", "-n", "-p", "-f", "--kill-child", "true"])
      if !namespaces {
        warnings.append(
          "cannot create network and PID namespaces here (unshare -n -p -f refused): "
            + "student programs keep the network, and only their process group is killed")
      }
    } else {
      warnings.append(
        "missing \(missing.joined(separator: ", ")) (util-linux): no namespaces and no "
          + "resource limits; install util-linux")
    }
    return Isolation(
      dropsPrivileges: root && missing.isEmpty, namespaces: namespaces, warnings: warnings)
  }

  /// The command line that runs `command` contained: namespaces, then
  /// limits, then the unprivileged user `uid` (when each is available).
  func wrap(_ command: [String], limits: SandboxLimits, uid: UInt32?) -> [String] {
    var line: [String] = []
    if isolation.namespaces {
      line += ["/usr/bin/unshare", "-n", "-p", "-f", "--kill-child", "--"]
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
