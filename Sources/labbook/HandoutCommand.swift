import Foundation
import LabBook

/// `labbook handout NAME|PATH`: write the student's files for a lab.
struct HandoutCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    arguments = try Arguments(
      words, command: "handout", valued: ["-o", "--output", "--set"],
      flags: ["--no-pdf", "--fresh", "-h", "--help"])
  }

  func execute() throws -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.handout)
      return 0
    }
    let name = try arguments.singleLab(for: "handout")
    let output = arguments.value("-o", "--output") ?? "handouts"
    let path = try LabLocator().locate(name)
    let document = try RunCommand.read(path)
    let handout = try Self.handout(of: document)

    // Reference figures need the instructor's run; the run command's cache
    // serves it when the lab is unchanged.
    var reference: RunResult?
    if HandoutPage.allowsFigures(document) {
      var options = RunOptions(cacheDirectory: "out/.labbook", fresh: arguments.has("--fresh"))
      options.params = try CheckCommand.settings(arguments.all("--set"), command: "handout")
      options.progress = Progress.reporter(started: Date())
      reference = try Engine(toolchain: Toolchain.locate()).run(document, options: options)
      Console.clearStatus()
      if reference?.cells.contains(where: { $0.status == .failed }) ?? false {
        Console.warning("the instructor's lab has failed cells; their figures are missing")
      }
      // The handout's prose shows the run's values: say which are missing.
      for warning in reference.map({ Report(document: document, result: $0).warnings }) ?? [] {
        Console.info(warning.description)
      }
    }

    var writer = HandoutWriter(handout: handout, reference: reference)
    if arguments.has("--no-pdf") { writer.chromium = nil }
    let files: HandoutWriter.Files
    do {
      files = try writer.write(into: output)
    } catch {
      throw CLIError.failed(error.description)
    }
    for note in files.notes where !(arguments.has("--no-pdf") && note.hasPrefix("no PDF")) {
      Console.note(note)
    }
    for file in [files.markdown, files.html] + (files.pdf.map { [$0] } ?? []) + files.data {
      Console.output(file)
    }
    return 0
  }

  /// The student version of `document`, its errors printed when it has any.
  static func handout(of document: LabDocument) throws(CLIError) -> Handout {
    do {
      return try Handout(instructorLab: document)
    } catch {
      for diagnostic in error.diagnostics { Console.info(diagnostic.description) }
      throw .failed("\(document.path): the solution or instructor markers are wrong (see above)")
    }
  }
}
