import Foundation

/// Runs labs: turns a `LabDocument` into one Swift program, compiles it
/// against LabKit, runs it in a process group of its own, and collects what
/// each cell printed, recorded and showed into a `RunResult`
/// (docs/architecture.md).
public struct Engine: Sendable {
  /// The compiler and LabKit that lab programs are built with.
  public let toolchain: Toolchain

  /// Seconds a lab may run when its front matter sets no `timeout`.
  public static let defaultTimeout = 600.0
  /// Bytes a lab program may hold when its front matter sets no `memory`:
  /// the smaller of 8 GiB and half the machine's physical memory.
  public static var defaultMemoryLimit: UInt64 {
    min(8 << 30, ProcessInfo.processInfo.physicalMemory / 2)
  }
  /// Seconds swiftc may take on one lab program.
  static let compileTimeout = 600.0

  /// An engine building lab programs with `toolchain` (usually
  /// `Toolchain.locate()`).
  public init(toolchain: Toolchain) {
    self.toolchain = toolchain
  }

  /// Runs `document` and returns what every cell did.
  ///
  /// A compile error, a crash or a timeout is part of the result (failed,
  /// timed-out and not-run cells, plus `diagnostics`). Throws `EngineError`
  /// only when there is nothing to show: a bad `--set`, an unreadable data
  /// file, or a compiler or program that cannot be started.
  public func run(_ document: LabDocument, options: RunOptions) throws -> RunResult {
    let clock = Date()
    let report = options.progress ?? { _ in }
    let params = try ParamBinding.resolve(
      options.params, declared: document.frontMatter.params, lab: document.path)
    let seed = options.seed ?? document.frontMatter.seed ?? 0
    let dataFiles = try readDataFiles(document)
    let program = LabProgram(document)
    var result = RunResult(
      lab: Self.labName(document.path),
      title: document.frontMatter.title ?? Self.labName(document.path), seed: seed,
      params: Dictionary(params.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
      startedAt: ISO8601DateFormatter().string(from: clock),
      labbookVersion: LabBookInfo.version)

    // A use of a later cell's variable builds, but reads no value: refuse it.
    let misordered = DeclarationOrder.findings(in: document, program: program)
    guard misordered.isEmpty else {
      result.diagnostics = misordered.map(\.diagnostic)
      result.cells = Self.notBuilt(
        document, errors: misordered.map { ($0.cellIndex, $0.diagnostic) })
      result.totalSeconds = Date().timeIntervalSince(clock)
      return result
    }

    // The run's key covers everything the outcome depends on.
    // Absolute, because the lab program runs in a folder of its own.
    let cache = options.cacheDirectory.map {
      RunCache(directory: URL(fileURLWithPath: $0).standardizedFileURL.path)
    }
    var runKey = ""
    var programKey = ""
    if let cache {
      let compiler = cache.compilerVersion(toolchain.swiftc) { compilerVersion() }
      programKey = self.programKey(program, compiler: compiler)
      runKey = Self.runKey(
        programKey: programKey, document: document, seed: seed, params: params,
        dataFiles: dataFiles)
      if !options.fresh, let cached = cache.result(forKey: runKey) {
        report(.cached)
        return cached
      }
    }

    let work = try makeWorkFolder()
    // Removed on every path; on Ctrl-C or SIGTERM too, before LabBook ends.
    let scope = InterruptForwarding.begin(removing: work)
    defer { scope.end() }

    // Build the program, or take it from the cache.
    var executable = work + "/lab"
    if let cache, !options.fresh, cache.hasProgram(forKey: programKey) {
      executable = cache.programPath(forKey: programKey)
      result.diagnostics = cache.diagnostics(forKey: programKey)
    } else {
      report(.compiling)
      let started = Date()
      let compiled = try compile(program, document: document, in: work, output: executable)
      result.compileSeconds = Date().timeIntervalSince(started)
      report(.compiled(seconds: result.compileSeconds))
      result.diagnostics = compiled.output.entries.map(\.diagnostic)
      guard compiled.succeeded else {
        result.cells = Self.notBuilt(
          document, errors: compiled.output.errors.map { ($0.cellIndex, $0.diagnostic) })
        result.totalSeconds = Date().timeIntervalSince(clock)
        if !InterruptForwarding.isInterrupted { cache?.store(result, forKey: runKey) }
        return result
      }
      if !InterruptForwarding.isInterrupted {
        cache?.storeProgram(at: executable, forKey: programKey, diagnostics: result.diagnostics)
      }
    }

    // Run it in a folder of its own, reading its events as they come.
    let timeout = document.frontMatter.timeout ?? Self.defaultTimeout
    let runFolder = work + "/run"
    let eventsPath = work + "/events.jsonl"
    try createFolder(runFolder)
    var environment = ProcessInfo.processInfo.environment
    environment["LABBOOK_EVENTS"] = eventsPath
    environment["LABBOOK_SEED"] = String(seed)
    environment["LABBOOK_PARAMS"] = ParamBinding.environmentText(params)
    environment["LABBOOK_LAB_DIR"] = Self.labFolder(document.path)
    // The lab's own temporary files go with the run's folder.
    environment["TMPDIR"] = work
    // Swift's backtracer names the lab lines a crash went through (the
    // program has debug info); keep it short and non-interactive.
    environment["SWIFT_BACKTRACE"] =
      "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=32"
    let memory = document.frontMatter.memory ?? Self.defaultMemoryLimit
    let child = ChildProcess(
      executable: executable, arguments: [], environment: environment,
      workingDirectory: runFolder, stdoutPath: work + "/stdout", stderrPath: work + "/stderr",
      memoryLimit: memory, backtraceOnTimeout: true)
    var follower = ProgressFollower(path: eventsPath, program: program, document: document)
    let runStarted = Date()
    let ending = try child.run(timeout: timeout) { follower.poll(report) }
    let runSeconds = Date().timeIntervalSince(runStarted)

    let events = RunEvent.decodeAll(FileManager.default.contents(atPath: eventsPath) ?? Data())
    if events.isEmpty && ending != .exited(0) {
      // It died before LabKit's runtime started, e.g. libLabKit.so did not load.
      let stderr = String(decoding: Self.mapped(work + "/stderr").prefix(4096), as: UTF8.self)
      let reason = stderr.split(separator: "\n").first.map(String.init) ?? "\(ending)"
      result.diagnostics.append(
        Diagnostic(
          .error, at: nil, "the lab program stopped before its first cell: \(reason)",
          hint: "rebuild LabKit (`swift build -c release --product LabKit`) and run again"))
    }
    let transcript = RunTranscript(
      document: document, program: program, events: events,
      stdout: Self.mapped(work + "/stdout"), stderr: Self.mapped(work + "/stderr"),
      ending: ending, timeout: timeout, runSeconds: runSeconds, memoryLimit: memory)
    result.cells = transcript.cells
    follower.finish(result.cells, report)
    result.totalSeconds = Date().timeIntervalSince(clock)
    // A timeout depends on the machine's load: run it again next time.
    // An interrupted run is not the lab's outcome either.
    if ending != .timedOut && !InterruptForwarding.isInterrupted {
      cache?.store(result, forKey: runKey)
    }
    return result
  }

  /// SHA-256 over what the compiled program depends on: its text, the
  /// compile arguments, the compiler's version, LabKit's build, LabBook's
  /// version.
  private func programKey(_ program: LabProgram, compiler: String) -> String {
    var hash = SHA256()
    hash.field(LabBookInfo.version)
    hash.field(compiler)
    hash.field(RunCache.stamp(toolchain.libraryDirectory + "/libLabKit.so"))
    toolchain.compileArguments(source: "", output: "").forEach { hash.field($0) }
    hash.field(program.text)
    return hash.hexDigest()
  }

  /// SHA-256 over what a run's outcome depends on besides the program: the
  /// lab's path and whole source, the seed, the parameters, the data files.
  private static func runKey(
    programKey: String, document: LabDocument, seed: UInt64,
    params: [(name: String, value: ParamValue)], dataFiles: [(String, Data)]
  ) -> String {
    var hash = SHA256()
    hash.field(programKey)
    hash.field(document.path)
    hash.field(document.source)
    hash.field(String(seed))
    hash.field(ParamBinding.environmentText(params))
    for (path, bytes) in dataFiles {
      hash.field(path)
      hash.field(String(bytes.count))
      hash.update(bytes)
    }
    return hash.hexDigest()
  }

  /// A file's bytes, mapped rather than read: a lab that printed gigabytes
  /// costs address space, not memory, since only the capped slices are read.
  // Limitation: nothing caps the files' size on disk while the program runs.
  static func mapped(_ path: String) -> Data {
    (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? Data()
  }

  /// The lab's name: its file name without `.md`.
  static func labName(_ path: String) -> String {
    let file = (path as NSString).lastPathComponent
    return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
  }

  /// The absolute folder holding the lab.
  static func labFolder(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return ((absolute as NSString).deletingLastPathComponent as NSString).standardizingPath
  }

  private func readDataFiles(_ document: LabDocument) throws(EngineError) -> [(String, Data)] {
    let folder = Self.labFolder(document.path)
    var files: [(String, Data)] = []
    for path in document.frontMatter.data {
      let full = path.hasPrefix("/") ? path : folder + "/" + path
      guard let data = FileManager.default.contents(atPath: full) else {
        let reason =
          FileManager.default.fileExists(atPath: full) ? "not readable" : "no such file"
        throw .dataFileUnreadable(path: path, lab: document.path, reason: reason)
      }
      files.append((path, data))
    }
    return files
  }

  private func compile(
    _ program: LabProgram, document: LabDocument, in work: String, output: String
  ) throws(EngineError) -> (succeeded: Bool, output: CompilerOutput) {
    let source = work + "/main.swift"
    guard (try? Data(program.text.utf8).write(to: URL(fileURLWithPath: source))) != nil else {
      throw .cannotWrite(path: source, reason: "the file could not be written")
    }
    let compiler = ChildProcess(
      executable: toolchain.swiftc,
      arguments: ["-diagnostic-style", "llvm"]
        + toolchain.compileArguments(source: source, output: output),
      // swiftc's temporary files go in the run's folder, removed with it.
      environment: ProcessInfo.processInfo.environment.merging(["TMPDIR": work]) { $1 },
      workingDirectory: work,
      stdoutPath: work + "/swiftc.out", stderrPath: work + "/swiftc.err")
    let ending = try compiler.run(timeout: Self.compileTimeout)
    let text =
      (FileManager.default.contents(atPath: work + "/swiftc.err") ?? Data())
      + (FileManager.default.contents(atPath: work + "/swiftc.out") ?? Data())
    var parsed = CompilerOutput(
      String(decoding: text, as: UTF8.self), labPath: document.path, program: program)
    let succeeded = ending == .exited(0) && FileManager.default.fileExists(atPath: output)
    if !succeeded && parsed.errors.isEmpty {
      let how =
        ending == .timedOut
        ? "took longer than \(Int(Self.compileTimeout)) s" : "failed without a message"
      parsed.entries.append(
        .init(
          diagnostic: Diagnostic(
            .error, at: nil, "swiftc \(how) building the lab program",
            hint: "run `\(toolchain.swiftc) --version` to check the compiler works"),
          cellIndex: nil))
    }
    return (succeeded, parsed)
  }

  /// Cells after a failed build: those an error names failed (with the
  /// first error), the rest not run, skipped cells skipped.
  static func notBuilt(
    _ document: LabDocument, errors: [(cellIndex: Int?, diagnostic: Diagnostic)]
  ) -> [CellResult] {
    document.cells.enumerated().map { index, cell in
      if cell.isSkipped { return CellResult(id: cell.id, status: .skipped) }
      let own = errors.filter { $0.cellIndex == index }
      guard let error = own.first else { return CellResult(id: cell.id, status: .notRun) }
      let more = own.count - 1
      var message = error.diagnostic.message
      if more > 0 { message += " (and \(more) more error\(more == 1 ? "" : "s") in this cell)" }
      return CellResult(
        id: cell.id, status: .failed,
        error: CellError(message: message, location: error.diagnostic.location))
    }
  }

  private func compilerVersion() -> String {
    guard let work = try? makeWorkFolder() else { return "unknown" }
    defer { try? FileManager.default.removeItem(atPath: work) }
    let child = ChildProcess(
      executable: toolchain.swiftc, arguments: ["--version"],
      environment: ProcessInfo.processInfo.environment.merging(["TMPDIR": work]) { $1 },
      workingDirectory: work,
      stdoutPath: work + "/out", stderrPath: work + "/err")
    guard (try? child.run(timeout: 60)) == .exited(0),
      let data = FileManager.default.contents(atPath: work + "/out")
    else { return "unknown" }
    return String(decoding: data, as: UTF8.self)
  }

  private func makeWorkFolder() throws(EngineError) -> String {
    let template = NSTemporaryDirectory() + "/labbook-XXXXXX"
    var bytes = Array(template.utf8CString)
    guard let made = mkdtemp(&bytes) else {
      throw .cannotWrite(path: template, reason: String(cString: strerror(errno)))
    }
    return String(cString: made)
  }

  private func createFolder(_ path: String) throws(EngineError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: path, reason: "\(error)")
    }
  }
}
