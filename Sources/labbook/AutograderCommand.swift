import Foundation
import LabBook

/// `labbook autograder NAME [-o FILE]`: export a Gradescope autograder zip;
/// `labbook autograder LAB --run [--root DIR]`: grade the one submission
/// Gradescope put in `DIR/submission` (what the zip's `run_autograder` calls).
struct AutograderCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    arguments = try Arguments(
      words, command: "autograder", valued: ["-o", "--output", "--root", "--swift-sha256"],
      flags: ["-h", "--help", "--run"])
  }

  func execute() throws -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.autograder)
      return 0
    }
    let name = try arguments.singleLab(for: "autograder")
    let path = try LabLocator().locate(name)
    return arguments.has("--run") ? try grade(path) : try export(path)
  }

  private func export(_ path: String) throws -> Int32 {
    if arguments.value("--root") != nil {
      throw CLIError.usage("--root goes with --run", command: "autograder")
    }
    let document = try RunCommand.read(path)
    let labName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let output = arguments.value("-o", "--output") ?? labName + "-autograder.zip"
    let checksum = arguments.value("--swift-sha256")
    if let checksum, !AutograderBundle.isValidSHA256(checksum) {
      throw CLIError.usage(
        "--swift-sha256 takes the tarball's SHA-256 (64 hex digits) or skip, not '\(checksum)'",
        command: "autograder")
    }
    let bundle = AutograderBundle(
      labPath: path, document: document, packageRoot: try AutograderBundle.locatePackageRoot(),
      swiftSHA256: checksum)
    let data = try bundle.archive().data()
    do {
      try data.write(to: URL(fileURLWithPath: output))
    } catch {
      throw CLIError.failed("cannot write \(output): \(error.localizedDescription)")
    }
    if checksum == nil {
      Console.warning(
        "setup.sh in \(output) stops on Gradescope until the Swift tarball's SHA-256 is filled "
          + "in\n  hint: export again with --swift-sha256 HEX (the checksum swift.org publishes "
          + "for the tarball), or edit SWIFT_SHA256 in setup.sh")
    }
    Console.note(
      "upload \(output) as the assignment's autograder (Ubuntu 22.04 base); see its README.md")
    Console.output(output)
    return 0
  }

  private func grade(_ path: String) throws -> Int32 {
    if arguments.value("-o", "--output", "--swift-sha256") != nil {
      throw CLIError.usage(
        "-o and --swift-sha256 make a zip; --run writes ROOT/results/", command: "autograder")
    }
    let started = Date()
    let root =
      arguments.value("--root") ?? ProcessInfo.processInfo.environment["AUTOGRADER_ROOT"]
      ?? "/autograder"
    var autograder = GradescopeAutograder(labPath: path, root: root)
    do {
      try autograder.run(started: started)
    } catch {
      for note in autograder.instructorNotes { Console.error(note) }
      throw CLIError.failed("cannot write \(autograder.resultsPath): \(error)")
    }
    for note in autograder.instructorNotes { Console.error(note) }
    Console.output(autograder.resultsPath)
    return 0
  }
}
