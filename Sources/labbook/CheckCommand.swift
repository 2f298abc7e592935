import Foundation
import LabBook

/// `labbook check NAME|PATH`: is the lab ready to hand out?
struct CheckCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    arguments = try Arguments(
      words, command: "check", valued: ["-o", "--output", "--set"],
      flags: ["--fresh", "-h", "--help"])
  }

  func execute() throws -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.check)
      return 0
    }
    let name = try arguments.singleLab(for: "check")
    let released = arguments.value("-o", "--output") ?? "handouts"
    let path = try LabLocator().locate(name)
    let document = try RunCommand.read(path)
    let handout = try HandoutCommand.handout(of: document)
    let engine = Engine(toolchain: try Toolchain.locate())
    var options = RunOptions(cacheDirectory: "out/.labbook", fresh: arguments.has("--fresh"))
    options.params = try Self.settings(arguments.all("--set"), command: "check")
    let check = LabCheck(handout: handout, engine: engine, options: options)
    let note: (String) -> Void = { Console.note($0) }

    var problems: [LabCheck.Problem] = []
    // What `labbook grade` would refuse, before anything runs.
    check.gradingRules(&problems)
    guard let reference = check.instructorRun(&problems, note: note) else {
      return finish(problems, lab: path)
    }
    // Grading runs with the lab's grading params (say, a smaller width):
    // the instructor's lab must earn full marks there too.
    _ = check.gradedRun(&problems, note: note)
    check.stubbedRuns(&problems, note: note)

    // Fresh student files in a scratch folder, plus any already released.
    let scratch = NSTemporaryDirectory() + "labbook-check-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let files: HandoutWriter.Files
    do {
      files = try HandoutWriter(handout: handout, reference: reference, chromium: nil)
        .write(into: scratch)
    } catch {
      problems.append(LabCheck.Problem(error.description))
      return finish(problems, lab: path)
    }
    check.studentRun(path: files.markdown, &problems, note: note)
    var artefacts = [files.markdown, files.html] + files.data
    // The scratch folder is gone when the problems are read: name its files
    // as what they are, not by their temporary paths.
    var names: [String: String] = [:]
    for file in artefacts {
      names[file] = "the student's " + (file as NSString).lastPathComponent
    }
    let releasedFolder =
      released + "/"
      + URL(fileURLWithPath: path)
      .deletingPathExtension().lastPathComponent
    var releasedIsFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: releasedFolder, isDirectory: &releasedIsFolder),
      releasedIsFolder.boolValue,
      let entries = FileManager.default.enumerator(atPath: releasedFolder)
    {
      note("also scanning the released files in \(releasedFolder)")
      for case let entry as String in entries {
        var isFolder: ObjCBool = false
        let full = releasedFolder + "/" + entry
        if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
          !isFolder.boolValue
        {
          artefacts.append(full)
        }
      }
    }
    note("scanning \(artefacts.count) student file(s) for solutions, hidden tests and keys")
    check.scanArtefacts(artefacts, names: names, &problems)
    return finish(problems, lab: path)
  }

  /// `--set KEY=VALUE` words as a dictionary; typed later by the engine.
  static func settings(_ words: [String], command: String) throws(CLIError) -> [String: String] {
    var params: [String: String] = [:]
    for setting in words {
      guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
        throw .usage("--set takes KEY=VALUE (got '\(setting)')", command: command)
      }
      params[String(setting[..<equals])] = String(setting[setting.index(after: equals)...])
    }
    return params
  }

  /// Prints the problems; 1 when there are any, else 0 and "ok" on stdout.
  private func finish(_ problems: [LabCheck.Problem], lab: String) -> Int32 {
    guard !problems.isEmpty else {
      Console.output("ok: \(lab) is ready to hand out")
      return 0
    }
    // Compiler style, as the run command prints diagnostics.
    for problem in problems { Console.info(problem.description) }
    Console.info(
      "\(lab): \(problems.count) problem\(problems.count == 1 ? "" : "s"); fix them "
        + "before handing the lab out")
    return 1
  }
}
