import Foundation
import LabBook
import Synchronization

/// `labbook run NAME|PATH`: run a lab, write its report and results.
struct RunCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    arguments = try Arguments(
      words, command: "run", valued: ["-o", "--output", "--seed", "--set"],
      flags: ["--fresh", "--timings", "-h", "--help"])
  }

  func execute() throws -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.run)
      return 0
    }
    let name = try arguments.singleLab(for: "run")
    var options = try runOptions()
    let outputFolder = try Self.prepareOutputFolder(arguments.value("-o", "--output") ?? "out")

    var locator = LabLocator()
    locator.currentFolderFirst = true
    let path = try locator.locate(name)
    let labName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    // Another lab file of the same name must not lose its report silently.
    let source = ReportSource(folder: outputFolder, name: labName)
    try source.ensureReplaceable(by: path)
    let clock = ContinuousClock()
    let readStart = clock.now
    let document = try Self.read(path)
    let readTime = clock.now - readStart
    for warning in document.warnings { Console.info(warning.description) }
    // A student's copy with a marker deleted runs fine but grades as the stub.
    for warning in Solutions.markerWarnings(in: document) { Console.info(warning.description) }

    // Run (or take the results from the cache), noting which it was.
    let runStart = clock.now
    options.cacheDirectory = outputFolder + "/.labbook"
    let servedFromCache = Mutex(false)
    let terminal = Progress.reporter(started: Date())
    options.progress = { event in
      if case .cached = event { servedFromCache.withLock { $0 = true } }
      terminal?(event)
    }
    let result = try Self.run(document, options: options)
    Console.clearStatus()
    let runTime = clock.now - runStart

    let renderStart = clock.now
    let htmlPath = outputFolder + "/" + labName + ".html"
    let report = Report(document: document, result: result)
    try Self.write(report.html(), to: htmlPath)
    source.claim(for: path)
    for warning in report.warnings { Console.info(warning.description) }
    try Self.write(
      String(decoding: try result.jsonData(), as: UTF8.self),
      to: outputFolder + "/" + labName + ".json")
    let renderTime = clock.now - renderStart

    let failures = Self.printFailures(of: result, in: document)
    if arguments.has("--timings") {
      let timings = Timings(
        read: readTime, run: runTime, render: renderTime,
        compileSeconds: result.compileSeconds, fromCache: servedFromCache.withLock { $0 })
      Console.info(timings.description)
    }
    Console.output(htmlPath)
    return failures == 0 ? 0 : 1
  }

  /// The lab at `path`, its errors printed to stderr when it cannot be read.
  static func read(_ path: String) throws(CLIError) -> LabDocument {
    do {
      return try LabDocument.read(path: path)
    } catch {
      for diagnostic in error.diagnostics { Console.info(diagnostic.description) }
      throw .failed("\(path) could not be read (see above)")
    }
  }

  /// Runs `document`; a wrong `--set` is the command line's fault (exit 64).
  private static func run(_ document: LabDocument, options: RunOptions) throws -> RunResult {
    do {
      return try Engine(toolchain: try Toolchain.locate()).run(document, options: options)
    } catch let error as EngineError {
      switch error {
      case .unknownParam, .invalidParam, .malformedParam:
        throw CLIError.usage(error.description, command: "run")
      default:
        throw CLIError.failed(error.description)
      }
    }
  }

  /// Creates the output folder up front, so that a folder that cannot be
  /// written is reported before the lab runs, not after.
  private static func prepareOutputFolder(_ folder: String) throws(CLIError) -> String {
    guard !folder.isEmpty else {
      throw .usage("-o needs a folder name (got an empty one)", command: "run")
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .failed(
        "cannot create the output folder '\(folder)': "
          + ((error as NSError).localizedFailureReason ?? "a part of the path is not a folder")
          + "\n  hint: choose another folder with -o DIR")
    }
    guard access(folder, W_OK) == 0 else {
      throw .failed(
        "cannot write to the output folder '\(folder)': \(String(cString: strerror(errno)))"
          + "\n  hint: choose another folder with -o DIR")
    }
    return folder
  }

  /// Seed and `--set` values from the command line; their checking against the
  /// lab's parameters is the engine's.
  private func runOptions() throws(CLIError) -> RunOptions {
    var options = RunOptions()
    options.fresh = arguments.has("--fresh")
    if let seed = arguments.value("--seed") {
      guard let value = UInt64(seed) else {
        throw .usage("--seed takes a whole number from 0 to 2^64-1 (got '\(seed)')", command: "run")
      }
      options.seed = value
    }
    for setting in arguments.all("--set") {
      guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
        throw .usage("--set takes KEY=VALUE (got '\(setting)')", command: "run")
      }
      let key = String(setting[..<equals])
      options.params[key] = String(setting[setting.index(after: equals)...])
    }
    return options
  }

  /// Prints the run's errors, failed cells and failed checks to stderr, each
  /// at its place in the lab; returns how many there were.
  private static func printFailures(of result: RunResult, in document: LabDocument) -> Int {
    var failures = 0
    let buildFailed = result.diagnostics.contains { $0.severity == .error }
    for diagnostic in result.diagnostics {
      Console.info(diagnostic.description)
      if diagnostic.severity == .error { failures += 1 }
    }
    for cell in result.cells {
      let source = document.cells.first { $0.id == cell.id }
      let fence = source?.fenceLocation
      if cell.status == .timedOut || (cell.status == .failed && !buildFailed) {
        let location = cell.error?.location ?? fence
        let place = location.map { "\($0): " } ?? ""
        // At the fence, the statement is not known: name the cell's lines.
        let lines = location == fence ? source.map(Self.lineRange) ?? "" : ""
        let message = cell.error?.message ?? "failed"
        Console.info("\(place)error: cell '\(cell.id)'\(lines): \(message)")
        failures += 1
      }
      for case .check(let check) in cell.outputs where !check.passed {
        let line = source.flatMap { Self.line(check.line, in: $0, of: document) }
        let place = (line ?? fence).map { "\($0): " } ?? ""
        let detail = check.message.isEmpty ? "" : ": \(check.message)"
        Console.info(
          "\(place)error: cell '\(cell.id)': check '\(check.name)' failed\(detail) "
            + "(\(formatPoints(check.score))/\(formatPoints(check.points)) points)")
        failures += 1
      }
    }
    let notRun = result.cells.filter { $0.status == .notRun }.count
    if notRun > 0 { Console.note("\(notRun) \(notRun == 1 ? "cell" : "cells") did not run") }
    return failures
  }

  /// ` (lines 7–9)`, or ` (line 7)`: where the cell's code is.
  private static func lineRange(_ cell: Cell) -> String {
    let count = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
    let last = cell.codeLine + max(1, count - (cell.code.hasSuffix("\n") ? 1 : 0)) - 1
    return last == cell.codeLine ? " (line \(last))" : " (lines \(cell.codeLine)–\(last))"
  }

  /// The place of a check's call, when its line is one of `cell`'s.
  private static func line(
    _ line: Int?, in cell: Cell, of document: LabDocument
  ) -> SourceLocation? {
    guard let line, line >= cell.codeLine,
      line < cell.codeLine + cell.code.split(separator: "\n").count
    else { return nil }
    return SourceLocation(file: document.path, line: line)
  }

  /// Writes `text` to `path` through a temporary file and a rename, so a
  /// reader never sees half a report.
  private static func write(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    try text.write(toFile: temporary, atomically: false, encoding: .utf8)
    if rename(temporary, path) != 0 {
      throw CLIError.failed("could not write \(path): \(String(cString: strerror(errno)))")
    }
  }
}

/// `2` for whole points, `1.5` otherwise.
func formatPoints(_ points: Double) -> String {
  points == points.rounded() ? String(Int(points)) : String(points)
}

/// How long each step of a run took, as `--timings` prints it.
struct Timings: CustomStringConvertible {
  var read: Duration
  var run: Duration
  var render: Duration
  var compileSeconds: Double
  var fromCache: Bool

  var description: String {
    let total = read + run + render
    if fromCache {
      return String(
        format: "timings: read %.3fs, results from the cache, render %.3fs, total %.3fs",
        read.seconds, render.seconds, total.seconds)
    }
    return String(
      format: "timings: read %.3fs, compile %.3fs, run %.3fs, render %.3fs, total %.3fs",
      read.seconds, compileSeconds, run.seconds - compileSeconds, render.seconds, total.seconds)
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
