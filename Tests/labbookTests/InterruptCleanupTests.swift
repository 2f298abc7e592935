import Foundation
import Testing

/// Stopping `labbook run` with a signal leaves no temporary folder behind.
@Suite struct InterruptCleanupTests {
  /// The `labbook-*` entries in `folder`.
  private func workFolders(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasPrefix("labbook-") }
  }

  @Test(arguments: [SIGTERM, SIGINT])
  func signalDuringARunRemovesItsTemporaryFolder(signal: Int32) throws {
    let lab = try temporaryLab(
      "spin", "---\ntimeout: 60\n---\n# Spin\n\n```swift\nvar n = 0\nwhile true { n &+= 1 }\n```\n")
    let temporary = lab.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: lab) }

    // Spawned with no signal blocked: Foundation's `Process` passes on the
    // test runner's mask, which blocks SIGINT and SIGTERM.
    let pid = try spawnUnblocked(
      labbookExecutable().path, ["run", "spin", "--fresh"], in: lab.path,
      environment: ["TMPDIR": temporary.path])

    // Wait until the lab program runs: its run folder exists.
    let running = eventually(within: 120) {
      workFolders(in: temporary).contains {
        FileManager.default.fileExists(atPath: temporary.path + "/\($0)/run")
      }
    }
    if !running { kill(pid, SIGKILL) }
    try #require(running, "the lab program never started")
    kill(pid, signal)
    var status: Int32 = 0
    waitpid(pid, &status, 0)

    #expect(status & 0x7f == signal, "labbook should end by the signal it was sent")
    #expect(workFolders(in: temporary).isEmpty)
  }

  /// Starts `path` with `arguments` in `folder`, stdio on /dev/null, every
  /// signal unblocked and at its default action.
  func spawnUnblocked(
    _ path: String, _ arguments: [String], in folder: String, environment: [String: String]
  ) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in 0...2 {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
    }
    // No chdir action in Swift's Glibc: run from `folder` through the shell.
    let command = "cd \"$1\" && shift && exec \"$@\""
    let argv = (["/bin/sh", "-c", command, "sh", folder, path] + arguments).map { strdup($0) }
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let envp = merged.map { strdup("\($0.key)=\($0.value)") }
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv + [nil], envp + [nil])
    try #require(code == 0, "posix_spawn failed: \(code)")
    return pid
  }
}
