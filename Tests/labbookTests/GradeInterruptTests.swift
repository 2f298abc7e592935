import Foundation
import Testing

/// Stopping `labbook grade` stops every student's program and, unless it
/// is SIGKILL, removes every work folder; after SIGKILL the sandboxes'
/// PID namespaces die with it.
@Suite(.serialized) struct GradeInterruptTests {
  static let lab = """
    ---
    grading:
      test-timeout: 60
      timeout: 120
    ---

    ```swift id=s solution
    import Glibc
    func f() -> Int {
      // BEGIN SOLUTION
      return 1
      // END SOLUTION
    }
    ```

    ```swift id=t test points=1
    checkEqual("f is 1", f(), 1)
    ```

    """

  /// Processes whose working folder is under `folder` (the students' programs).
  /// With `running`, only those in a `run` folder (lab programs, not the compiler).
  func programs(under folder: String, running: Bool = false) -> [pid_t] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name in
      guard let pid = pid_t(name),
        let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/cwd"),
        cwd.hasPrefix(folder + "/"), !running || cwd.hasSuffix("/run")
      else { return nil }
      return pid
    }
  }

  func workFolders(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasPrefix("labbook-grade-") }
  }

  @Test(arguments: [SIGTERM, SIGINT, SIGKILL])
  func aSignalStopsALoopingAndASleepingStudent(signal: Int32) throws {
    // Without root there are no PID namespaces for SIGKILL to take down.
    if signal == SIGKILL && geteuid() != 0 { return }
    let folder = NSTemporaryDirectory() + "labbook-int-\(UUID().uuidString)"
    let temporary = folder + "/tmp"
    try FileManager.default.createDirectory(
      atPath: folder + "/subs", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Self.lab.write(toFile: folder + "/lab.md", atomically: true, encoding: .utf8)
    try Self.lab.replacingOccurrences(of: "  return 1", with: "  while true {}")
      .write(toFile: folder + "/subs/loop.md", atomically: true, encoding: .utf8)
    try Self.lab.replacingOccurrences(of: "  return 1", with: "  sleep(600); return 1")
      .write(toFile: folder + "/subs/sleepy.md", atomically: true, encoding: .utf8)

    let pid = try InterruptCleanupTests().spawnUnblocked(
      labbookExecutable().path,
      ["grade", folder + "/lab.md", folder + "/subs", "-o", folder + "/out", "-j", "2"],
      in: folder, environment: ["TMPDIR": temporary])
    // Wait until both students' programs run (in `labbook-grade-*/run`;
    // the compiler works one folder up).
    let running = eventually(within: 120) {
      programs(under: temporary, running: true).count >= 2
    }
    if !running { kill(pid, SIGKILL) }
    try #require(running, "the students' programs never started")
    kill(pid, signal)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    #expect(status & 0x7f == signal, "labbook should end by the signal it was sent")

    // The kernel takes a moment to tear a namespace down.
    var left = programs(under: temporary)
    for _ in 0..<100 where !left.isEmpty {
      usleep(50_000)
      left = programs(under: temporary)
    }
    #expect(left.isEmpty, "still running: \(left)")
    if signal != SIGKILL {
      #expect(workFolders(in: temporary).isEmpty)
      // Cut short, nobody was stored: a rerun grades both.
      let stored = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/students"))
      #expect((stored ?? []).isEmpty)
    }
    for pid in left { kill(pid, SIGKILL) }
  }
}
