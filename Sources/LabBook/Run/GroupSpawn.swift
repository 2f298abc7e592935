import Foundation

/// Starts a program with `posix_spawn` in a process group of its own (so
/// that the whole group can be stopped), with stdin from /dev/null, stdout
/// and stderr to files, no blocked signals and its own working folder. The
/// engine's runs and the grading sandbox both start children this way.
struct GroupSpawn {
  var command: [String]
  var environment: [String: String]
  var workingDirectory: String
  var stdoutPath: String
  var stderrPath: String
  /// The mode the output files are created with.
  var outputMode: mode_t = 0o644
  /// A descriptor the child gets as fd 3 (the events channel), if any.
  var descriptor3: Int32?
  /// Whether every signal's disposition is reset to its default, undoing
  /// any `SIG_IGN` the parent inherited.
  var resetsSignals = false

  func start() throws(EngineError) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    let flags = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, flags, outputMode)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, flags, outputMode)
    if let descriptor3 { posix_spawn_file_actions_adddup2(&actions, descriptor3, 3) }
    guard Self.addChdir(&actions, workingDirectory) == 0 else {
      throw .cannotStart(program: command[0], reason: "cannot enter \"\(workingDirectory)\"")
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var spawnFlags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK
    if resetsSignals { spawnFlags |= POSIX_SPAWN_SETSIGDEF }
    posix_spawnattr_setflags(&attributes, Int16(spawnFlags))
    posix_spawnattr_setpgroup(&attributes, 0)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigfillset(&defaults)
    if resetsSignals { posix_spawnattr_setsigdefault(&attributes, &defaults) }

    // Sorted, so that the same run gets the same environment block.
    let argv = command.map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    guard code == 0 else {
      throw .cannotStart(program: command[0], reason: String(cString: strerror(code)))
    }
    return pid
  }

  private typealias AddChdir =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
    -> Int32

  /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), looked up with
  /// `dlsym` because Swift's Glibc module does not export it.
  private static func addChdir(
    _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String
  ) -> Int32 {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return ENOSYS }
    return unsafeBitCast(symbol, to: AddChdir.self)(actions, path)
  }
}
