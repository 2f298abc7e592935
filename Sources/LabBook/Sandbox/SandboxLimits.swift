/// The resource limits a sandboxed program runs under (set with `prlimit`
/// before it starts, so the program cannot raise them).
public struct SandboxLimits: Sendable, Equatable {
  /// CPU seconds (`RLIMIT_CPU`); past it the kernel sends SIGXCPU, then SIGKILL.
  public var cpuSeconds: Int
  /// Address space in bytes (`RLIMIT_AS`); allocations past it fail.
  public var memoryBytes: Int
  /// Largest file the program may write, in bytes (`RLIMIT_FSIZE`); its
  /// stdout and stderr are files, so this also caps its output.
  public var fileBytes: Int
  /// Processes and threads of the sandbox's user (`RLIMIT_NPROC`).
  public var processes: Int
  /// Wall-clock seconds before the whole sandbox is killed.
  public var wallSeconds: Double

  /// Limits with the given values; the defaults suit a small lab program.
  public init(
    cpuSeconds: Int = 60, memoryBytes: Int = 4 << 30, fileBytes: Int = 16 << 20,
    processes: Int = 64, wallSeconds: Double = 60
  ) {
    self.cpuSeconds = cpuSeconds
    self.memoryBytes = memoryBytes
    self.fileBytes = fileBytes
    self.processes = processes
    self.wallSeconds = wallSeconds
  }

  /// `prlimit` options for these limits (core dumps off).
  var prlimitArguments: [String] {
    [
      "--cpu=\(cpuSeconds)", "--as=\(memoryBytes)", "--fsize=\(fileBytes)",
      "--nproc=\(processes)", "--core=0",
    ]
  }
}
