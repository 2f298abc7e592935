import Synchronization

#if canImport(Glibc)
  @preconcurrency internal import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The calls a generated lab program makes between cells, and the channel
/// its events travel on. Cells do not call this; they use `record`, `show`,
/// `param` and `check`.
///
/// LabBook starts the program with these environment variables:
/// - `LABBOOK_EVENTS`: a file to append JSON-lines events to (cell
///   boundaries, figures, values, checks). Unset: events are dropped, so a
///   lab program also runs on its own.
/// - `LABBOOK_SEED`: the run's seed (decimal `UInt64`).
/// - `LABBOOK_PARAMS`: the run's parameters, one `name=value` a line, with
///   `\` written `\\` and a newline in a value written `\n`.
/// - `LABBOOK_LAB_DIR`: the folder holding the lab, for `labPath(_:)`.
/// - `LABBOOK_EVENTS_FD`: when grading, an inherited pipe to write events
///   to instead of `LABBOOK_EVENTS`.
/// - `LABBOOK_NONCE`: when grading, a per-run secret copied into every event
///   (`"n"`), so the grader can ignore lines it did not come from. It is
///   read, wiped in place (so `/proc/self/environ` no longer shows it) and
///   unset before the first cell runs.
/// - `LABBOOK_SKIP`: when grading, comma-separated program positions of test
///   cells not to run (`runsCell(_:)`).
///
/// Every event carries the byte offsets of stdout and stderr, taken after a
/// flush, so LabBook can cut the program's output at each boundary even
/// when a cell printed without a newline.
public enum _LabRuntime {
  struct State {
    var eventsFD: Int32 = -1
    var cell = -1
    var cellStarted = 0.0
    var seed: UInt64 = 0
    var params: [String: String] = [:]
    /// Whether LabBook passed the parameters: then `params` holds every
    /// name the front matter declares.
    var paramsGiven = false
    /// Undeclared names already warned about.
    var warnedParams: Set<String> = []
    var labDirectory = "."
    var nonce = ""
    var skipped: Set<Int> = []
  }

  static let state = Mutex(State())

  /// Reads the environment, opens the event channel and seeds the random
  /// generators. Called once, before the first cell.
  public static func start(cellCount: Int) {
    // Line buffering keeps output of a crashed cell up to its last newline.
    setvbuf(standardOutput(), nil, _IOLBF, 0)
    let seed = environment("LABBOOK_SEED").flatMap { UInt64($0) } ?? 0
    let nonce = takeSecret("LABBOOK_NONCE")
    state.withLock { state in
      if let fd = environment("LABBOOK_EVENTS_FD").flatMap({ Int32($0) }), fd > 2 {
        state.eventsFD = fd
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      } else if let path = environment("LABBOOK_EVENTS") {
        state.eventsFD = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
      }
      state.nonce = nonce
      state.skipped = Set(
        (environment("LABBOOK_SKIP") ?? "").split(separator: ",").compactMap { Int($0) })
      state.seed = seed
      state.params = parseParams(environment("LABBOOK_PARAMS") ?? "")
      state.paramsGiven = environment("LABBOOK_PARAMS") != nil
      state.labDirectory = environment("LABBOOK_LAB_DIR") ?? "."
    }
    Random.seed(seed)
    var event = JSONText()
    event.field("e", "start")
    event.field("cells", cellCount)
    event.field("seed", raw: String(seed))
    emit(event)
  }

  /// Whether the grader wants the test cell at program position `index`
  /// run: `false` for positions listed in `LABBOOK_SKIP`.
  public static func runsCell(_ index: Int) -> Bool {
    state.withLock { !$0.skipped.contains(index) }
  }

  /// The value of environment variable `name`, then its bytes overwritten
  /// in place and the variable unset, so later code cannot read it back.
  static func takeSecret(_ name: String) -> String {
    guard let pointer = getenv(name) else { return "" }
    let value = String(cString: pointer)
    memset(pointer, 0x30, strlen(pointer))
    unsetenv(name)
    return value
  }

  /// Marks the start of cell `index` (0-based among the program's cells).
  public static func beginCell(_ index: Int, id: String) {
    let now = monotonicSeconds()
    state.withLock {
      $0.cell = index
      $0.cellStarted = now
    }
    var event = JSONText()
    event.field("e", "begin")
    event.field("i", index)
    event.field("id", id)
    emit(event)
  }

  /// Marks the normal end of cell `index`, with its wall-clock seconds.
  public static func endCell(_ index: Int) {
    let started = state.withLock { $0.cellStarted }
    var event = JSONText()
    event.field("e", "end")
    event.field("i", index)
    event.field("seconds", monotonicSeconds() - started)
    emit(event)
  }

  /// Marks the end of the program, after the last cell.
  public static func finish() {
    var event = JSONText()
    event.field("e", "finish")
    emit(event)
    state.withLock {
      if $0.eventsFD >= 0 { close($0.eventsFD) }
      $0.eventsFD = -1
    }
  }

  /// The seed LabBook passed (`0` when run on its own).
  public static var seed: UInt64 { state.withLock { $0.seed } }

  /// The raw text of parameter `name`, if LabBook passed one.
  static func param(_ name: String) -> String? { state.withLock { $0.params[name] } }

  /// The raw text of parameter `name`, if LabBook passed one. Under
  /// LabBook, a name the front matter does not declare gets one warning
  /// line on stderr, `file:line: warning: …`, naming the calling line.
  static func param(_ name: String, file: StaticString, line: UInt) -> String? {
    let (value, warn) = state.withLock { state -> (String?, Bool) in
      let value = state.params[name]
      guard value == nil, state.paramsGiven, !state.warnedParams.contains(name) else {
        return (value, false)
      }
      state.warnedParams.insert(name)
      return (nil, true)
    }
    if warn {
      let message =
        "\(file):\(line): warning: param \"\(name)\" is not declared in the front matter's "
        + "params; --set cannot change it (declare it under `params:` with its default)\n"
      fflush(nil)
      fputs(message, stderr)
    }
    return value
  }

  static var labDirectory: String { state.withLock { $0.labDirectory } }

  /// Flushes stdout and stderr, adds their offsets to `event` and appends
  /// it as one line with a single `write`, so a crash never leaves half a line.
  static func emit(_ event: JSONText) {
    fflush(nil)
    var event = event
    event.field("out", Int(lseek(1, 0, SEEK_CUR)))
    event.field("err", Int(lseek(2, 0, SEEK_CUR)))
    state.withLock { state in
      guard state.eventsFD >= 0 else { return }
      if !state.nonce.isEmpty { event.field("n", state.nonce) }
      // The leading newline ends any partial line someone else wrote first.
      let line = (state.nonce.isEmpty ? "" : "\n") + event.object + "\n"
      let bytes = Array(line.utf8)
      var written = 0
      while written < bytes.count {
        let n = bytes.withUnsafeBytes {
          write(state.eventsFD, $0.baseAddress! + written, $0.count - written)
        }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        written += n
      }
    }
  }

  /// C's `stdout`. Only `start` touches it, before any cell runs, so the
  /// unsynchronised read of the C global is safe.
  static func standardOutput() -> UnsafeMutablePointer<FILE>? {
    nonisolated(unsafe) let stream = stdout
    return stream
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Parses `LABBOOK_PARAMS` (see the type's documentation).
  static func parseParams(_ text: String) -> [String: String] {
    var params: [String: String] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      guard let equals = line.firstIndex(of: "=") else { continue }
      var value = ""
      var escaped = false
      for character in line[line.index(after: equals)...] {
        if escaped {
          value.append(character == "n" ? "\n" : character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else {
          value.append(character)
        }
      }
      params[String(line[..<equals])] = value
    }
    return params
  }

  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }
}
