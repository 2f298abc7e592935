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
    /// Mounts work in the namespace: a run can cover every top-level folder
    /// but `systemFolders` (see `wrap(…keeping:)`).
    public var hidesFolders = false
  }

  /// The first user id of the sandboxes' users (see `userID(run:worker:)`).
  public static let baseUID: UInt32 = 61_000

  /// Runs started in this process, for `userID`.
  private static let runs = Mutex<UInt32>(0)

  /// How many blocks of 64 ids there are: ids run from `baseUID` (61 000)
  /// to `baseUID + 64 · blockCount − 1` (1 109 575).
  static let blockCount: UInt32 = 16_384

  /// A block of 64 user ids for one grading run, distinct from the blocks
  /// of other runs in this process and, by the process id, very likely of
  /// runs in other processes: worker `k` runs as `block + k`, so per-user
  /// limits (processes) are never shared by programs running at once. A
  /// block holding an id that `isTaken` (by default: an existing user or
  /// group, through NSS, so LDAP users count) is skipped for the next one.
  static func userBlock(isTaken: (UInt32) -> Bool = Sandbox.idIsTaken) -> UInt32 {
    let count = runs.withLock { value -> UInt32 in
      value &+= 1
      return value
    }
    let start = (UInt32(truncatingIfNeeded: getpid()) &* 97 &+ count) % blockCount
    for step in 0..<blockCount {
      let block = baseUID + (start + step) % blockCount * 64
      if !(block..<block + 64).contains(where: isTaken) { return block }
    }
    // Limitation: with every block holding a known id, the first one is used anyway.
    return baseUID + start * 64
  }

  /// Whether `id` names an existing user or group (`getpwuid`, `getgrgid`).
  static func idIsTaken(_ id: UInt32) -> Bool {
    getpwuid(id) != nil || getgrgid(id) != nil
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
    var hidesFolders = false
    if missing.isEmpty {
      let probe = Sandbox(
        isolation: Isolation(dropsPrivileges: false, namespaces: true, warnings: []))
      namespaces = Self.succeeds(
        probe.wrap(["/bin/true"], limits: SandboxLimits(), uid: nil, privateTmp: true))
      if namespaces {
        let hiding = Sandbox(
          isolation: Isolation(
            dropsPrivileges: false, namespaces: true, warnings: [], hidesFolders: true))
        hidesFolders = Self.succeeds(
          hiding.wrap(
            ["/bin/true"], limits: SandboxLimits(), uid: nil, privateTmp: true,
            keeping: ["/opt"]))
        if !hidesFolders {
          warnings.append(
            "cannot cover the machine's folders in the sandbox (mount refused): student "
              + "programs can read what their user may read outside the lab's and the "
              + "submissions' folders")
        }
      } else {
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
      dropsPrivileges: root && missing.isEmpty, namespaces: namespaces, warnings: warnings,
      hidesFolders: hidesFolders)
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
  static func initScript(
    privateTmp: Bool, hiding hidden: [String] = [], keeping kept: [String]? = nil
  ) -> String {
    var script = ""
    if privateTmp {
      script += "for d in \(privateFolders.joined(separator: " ")); do "
      script += "if [ -d \"$d\" ] && [ ! -L \"$d\" ]; then "
      script += "mount -t tmpfs -o size=16m,mode=1777 tmpfs \"$d\" || exit 125; fi; done; "
      if let kept {
        script += coverScript(keeping: kept)
      }
      if !hidden.isEmpty {
        script += "for d in \(hidden.map(quoted).joined(separator: " ")); do "
        script += "if [ -d \"$d\" ]; then "
        script += "mount -t tmpfs -o ro,size=4k,mode=0 tmpfs \"$d\" || exit 125; fi; done; "
      }
    }
    return script + "\"$@\"; exit $?"
  }

  /// Top-level folders a run started with `keeping` still sees; every
  /// other top-level folder (/work, /home, /root, /opt, /var, /srv, …) is
  /// covered by an empty tmpfs. /tmp is the run's private one.
  static let systemFolders = [
    "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/proc", "/dev",
    "/sys", "/tmp",
  ]

  /// Shell that binds each folder in `kept` aside (in the private /tmp),
  /// covers every top-level folder not in `systemFolders`, then binds the
  /// kept folders back at their own paths.
  // Limitation: a top-level folder whose name holds a space or newline is not covered.
  static func coverScript(keeping kept: [String]) -> String {
    let stash = "/tmp/.labbook-keep"
    var script = ""
    for (index, folder) in kept.enumerated() {
      let path = quoted(folder)
      script += "if [ -d \(path) ]; then mkdir -p \(stash)/\(index) && "
      script += "mount --bind \(path) \(stash)/\(index) || exit 125; fi; "
    }
    script += "for d in /*; do if [ -d \"$d\" ] && [ ! -L \"$d\" ]; then case \"$d\" in "
    script += systemFolders.joined(separator: "|") + ") ;; "
    script += "*) mount -t tmpfs -o size=64k,mode=0755 tmpfs \"$d\" || exit 125;; esac; fi; done; "
    for (index, folder) in kept.enumerated() {
      let path = quoted(folder)
      script += "if [ -d \(stash)/\(index) ]; then mkdir -p \(path) && "
      script += "mount --bind \(stash)/\(index) \(path) && umount -l \(stash)/\(index) "
      script += "&& rmdir \(stash)/\(index) || exit 125; fi; "
    }
    return script + "rmdir \(stash) 2>/dev/null; "
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
  ///
  /// With `keeping` (and `privateTmp`, where `isolation.hidesFolders`), every
  /// top-level folder but `systemFolders` is covered too, and only the
  /// folders in `keeping` (e.g. LabKit's and the Swift runtime's) are bound
  /// back: the package's tree, home folders and the like are out of reach.
  func wrap(
    _ command: [String], limits: SandboxLimits, uid: UInt32?, privateTmp: Bool = false,
    hiding hidden: [String] = [], keeping kept: [String]? = nil
  ) -> [String] {
    var line: [String] = []
    if isolation.namespaces {
      // If LabBook dies (even by SIGKILL), unshare is killed (pdeathsig),
      // which kills the namespace's first process (--kill-child), which
      // makes the kernel kill every process in the namespace.
      line += ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"]
      line += ["/usr/bin/unshare", "-n", "-p", "-f", "--kill-child"]
      if privateTmp { line += ["-m", "--propagation", "private", "--mount-proc"] }
      let script = Self.initScript(
        privateTmp: privateTmp, hiding: hidden,
        keeping: isolation.hidesFolders ? kept : nil)
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
