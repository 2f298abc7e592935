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
    if arguments.has("-h") || arguments.has("--help") {
      Console.output(Help.run)
      return 0
    }
    guard arguments.operands.count == 1, let name = arguments.operands.first else {
      let problem = arguments.operands.isEmpty ? "which lab?" : "one lab at a time"
      throw CLIError.usage("\(problem): give a lab's name or path", command: "run")
    }
    let options = try runOptions()
    let outputFolder = arguments.value("-o", "--output") ?? "out"

    let path = try LabLocator().locate(name)
    let clock = ContinuousClock()
    let readStart = clock.now
    let document = try Self.read(path)
    let readTime = clock.now - readStart
    for warning in document.warnings { Console.info(warning.description) }

    let started = Date()
    var engineOptions = options
    engineOptions.cacheDirectory = outputFolder + "/.labbook"
    let servedFromCache = Mutex(false)
    let terminal = Progress.reporter(started: started)
    engineOptions.progress = { event in
      if case .cached = event { servedFromCache.withLock { $0 = true } }
      terminal?(event)
    }
    let toolchain = try Toolchain.locate()
    let result = try Engine(toolchain: toolchain).run(document, options: engineOptions)
    Console.clearStatus()

    let labName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let htmlPath = outputFolder + "/" + labName + ".html"
    let jsonPath = outputFolder + "/" + labName + ".json"
    try FileManager.default.createDirectory(
      atPath: outputFolder, withIntermediateDirectories: true)
    let renderStart = clock.now
    try write(Report(document: document, result: result).html(), to: htmlPath)
    try write(String(decoding: try result.jsonData(), as: UTF8.self), to: jsonPath)

    let renderTime = clock.now - renderStart
    let failures = report(result)
    if arguments.has("--timings") {
      let seconds = { (duration: Duration) in
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
      }
      let total = Date().timeIntervalSince(started) + seconds(readTime)
      if servedFromCache.withLock({ $0 }) {
        Console.info(
          String(
            format: "timings: read %.3fs, results from the cache, render %.3fs, total %.3fs",
            seconds(readTime), seconds(renderTime), total))
      } else {
        Console.info(
          String(
            format: "timings: read %.3fs, compile %.3fs, run %.3fs, render %.3fs, total %.3fs",
            seconds(readTime), result.compileSeconds, result.totalSeconds - result.compileSeconds,
            seconds(renderTime), total))
      }
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

  /// Prints the run's diagnostics and failed cells to stderr; returns how many
  /// things failed.
  private func report(_ result: RunResult) -> Int {
    var failures = 0
    for diagnostic in result.diagnostics {
      Console.info(diagnostic.description)
      if diagnostic.severity == .error { failures += 1 }
    }
    for cell in result.cells where cell.status == .failed || cell.status == .timedOut {
      if result.diagnostics.contains(where: { $0.severity == .error }) && cell.status == .failed {
        continue  // a compile error, already printed above
      }
      let place = cell.error?.location.map { "\($0): " } ?? ""
      let message = cell.error?.message ?? "failed"
      Console.info("\(place)error: cell '\(cell.id)': \(message)")
      failures += 1
    }
    let notRun = result.cells.filter { $0.status == .notRun }.count
    if notRun > 0 { Console.note("\(notRun) cell(s) did not run") }
    return failures
  }

  /// Writes `text` to `path` through a temporary file and a rename, so a
  /// reader never sees half a report.
  private func write(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    try text.write(toFile: temporary, atomically: false, encoding: .utf8)
    if rename(temporary, path) != 0 {
      throw CLIError.failed("could not write \(path): \(String(cString: strerror(errno)))")
    }
  }
}
