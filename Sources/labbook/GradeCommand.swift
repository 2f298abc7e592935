import Foundation
import LabBook

/// `labbook grade NAME SUBMISSION…`: grade a class's submissions of a lab.
struct GradeCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    if let set = words.first(where: { $0 == "--set" || $0.hasPrefix("--set=") }) {
      throw CLIError.usage(
        "'labbook grade' takes no '\(set)': every student must be graded with the same "
          + "parameters, so set them in the lab's front matter under `grading:`, e.g. "
          + "`params.width: 256` (see docs/grading.md)",
        command: "grade")
    }
    arguments = try Arguments(
      words, command: "grade", valued: ["-o", "--output", "-j", "--jobs", "--shard"],
      flags: ["-h", "--help"])
  }

  func execute() throws -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.grade)
      return 0
    }
    guard let name = arguments.operands.first, arguments.operands.count >= 2 else {
      throw CLIError.usage(
        arguments.operands.isEmpty
          ? "no lab given: give a lab's name or path, then the submissions"
          : "no submissions given", command: "grade")
    }
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    if let text = arguments.value("-j", "--jobs") {
      guard let value = Int(text), value >= 1, value <= 64 else {
        throw CLIError.usage(
          "-j takes a number of workers from 1 to 64 (got '\(text)')",
          command: "grade")
      }
      jobs = value
    }
    let path = try LabLocator().locate(name)
    let document = try RunCommand.read(path)
    let labName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var shard: Shard?
    if let text = arguments.value("--shard") {
      do { shard = try Shard(parsing: text) } catch {
        throw CLIError.usage(error.description, command: "grade")
      }
    }
    let output =
      arguments.value("-o", "--output")
      ?? "grades/" + labName + (shard.map { "/shard-\($0.index)-of-\($0.count)" } ?? "")
    let roster = try Self.entries(Array(arguments.operands.dropFirst()))
    let entries = roster.filter { shard?.contains($0.studentID) ?? true }

    let sandbox = Sandbox()
    for warning in sandbox.isolation.warnings { Console.warning(warning) }
    for warning in document.warnings { Console.info(warning.description) }
    for warning in TestScope.uses(in: document) { Console.info(warning.description) }
    // Students' programs see neither the other submissions nor the results.
    let folders = entries.map { ($0.path as NSString).deletingLastPathComponent }
    let grader = try Grader(
      document: document, toolchain: try Toolchain.locate(), sandbox: sandbox,
      cacheFolder: output + "/.labbook/programs", hiding: Array(Set(folders)) + [output])
    Console.status("grading: running the instructor's solutions")
    let reference = try grader.calibrate()
    Console.clearStatus()
    let lost = reference.items.filter { $0.kind == "test" && $0.score < $0.maxScore }
    if !lost.isEmpty {
      Console.warning(
        "the instructor's own solutions lose marks in "
          + lost.map { item in
            "\(item.id) (\(item.location.map { "\($0): " } ?? "")\(item.message))"
          }.joined(separator: ", ")
          + "; check those tests")
    }

    let started = Date()
    let grades = try ClassGrading(grader: grader, outputFolder: output, jobs: jobs).run(
      entries
    ) { done, total, student in
      let width = 30
      let filled = width * done / max(total, 1)
      let bar =
        String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      Console.status("grading [\(bar)] \(done)/\(total) \(student)")
    }
    Console.clearStatus()
    let unusable = grades.compactMap { grade in
      grade.problems.first { $0.message.hasPrefix("cannot read the submission") }
        .map { "\(grade.student): \($0.message)" }
    }
    if !unusable.isEmpty {
      Console.warning(
        "\(unusable.count) submission(s) could not be used and score 0:\n"
          + unusable.joined(separator: "\n"))
    }
    let misnamed = grades.filter { grade in
      grade.problems.contains { $0.message.hasPrefix("the front matter names student") }
    }
    if !misnamed.isEmpty {
      Console.warning(
        "\(misnamed.count) submission(s) name another student in their front matter and "
          + "are graded under their file or folder name: "
          + misnamed.map { "\($0.student) (\($0.submission))" }.joined(separator: ", "))
    }
    if let shard {
      try ShardManifest(
        shard: shard, assignment: document.frontMatter.title ?? labName,
        labSource: document.source, roster: roster.map(\.studentID)
      ).write(to: output)
    }
    let seconds = Date().timeIntervalSince(started)
    Console.note(
      "graded \(grades.count) submission(s) in \(String(format: "%.1f", seconds)) s "
        + "with \(jobs) worker(s)")
    Console.output(output + "/grades.csv")
    return 0
  }

  /// The submissions named on the command line: a `.md` file is one
  /// (student id: its name); a folder holding one `.md` file and no
  /// subfolders is one (student id: the folder's name, whatever other files
  /// it holds); any other folder holds a class, each `.md` file and subfolder
  /// in it one submission. Other files are skipped with a warning.
  static func entries(_ operands: [String]) throws(CLIError) -> [ClassGrading.Entry] {
    var entries: [ClassGrading.Entry] = []
    let files = FileManager.default
    for given in operands {
      // `subs/` and `subs` are the same folder; a doubled slash would leak
      // into the paths students read.
      var operand = given
      while operand.count > 1 && operand.hasSuffix("/") { operand.removeLast() }
      var isFolder: ObjCBool = false
      guard files.fileExists(atPath: operand, isDirectory: &isFolder) else {
        throw .failed("no submission at \(operand): check the path")
      }
      if !isFolder.boolValue {
        guard operand.hasSuffix(".md") else {
          Console.warning("\(operand) is not a .md file; it is not graded")
          continue
        }
        entries.append(.init(path: operand, studentID: studentID(operand)))
        continue
      }
      let names = ((try? files.contentsOfDirectory(atPath: operand)) ?? []).sorted()
        .filter { !$0.hasPrefix(".") }
      let markdown = names.filter { $0.hasSuffix(".md") }
      let hasFolders = names.contains { name in
        var inner: ObjCBool = false
        return files.fileExists(atPath: operand + "/" + name, isDirectory: &inner)
          && inner.boolValue
      }
      // One student's folder: one .md beside any other files, no subfolders.
      if markdown.count == 1 && !hasFolders {
        let id = ((operand as NSString).standardizingPath as NSString).lastPathComponent
        let file = operand + "/" + markdown[0]
        // A class folder with one student left in it looks the same: say so.
        Console.note(
          "\(operand) holds one .md file, so it is graded as one student named \"\(id)\" "
            + "(its folder's name); to grade \(markdown[0]) as its own student, "
            + "\"\(studentID(markdown[0]))\", pass the file: \(file)")
        entries.append(.init(path: file, studentID: id))
        continue
      }
      for name in names {
        let path = operand + "/" + name
        var inner: ObjCBool = false
        _ = files.fileExists(atPath: path, isDirectory: &inner)
        if inner.boolValue {
          let found = ((try? files.contentsOfDirectory(atPath: path)) ?? []).sorted()
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
          // A folder without exactly one .md is still a student: graded 0, with why.
          let file = found.count == 1 ? path + "/" + found[0] : path
          entries.append(.init(path: file, studentID: name))
        } else if name.hasSuffix(".md") {
          entries.append(.init(path: path, studentID: studentID(name)))
        }
      }
    }
    return unique(entries)
  }

  /// `entries` with every id made unique: a later submission whose id is
  /// taken is graded as `id-2`, `id-3`, … (never an id another one has),
  /// with a warning naming both files. A front matter's `student:` never
  /// names the row; one that differs is reported.
  static func unique(_ entries: [ClassGrading.Entry]) -> [ClassGrading.Entry] {
    var entries = entries
    let given = Set(entries.map(\.studentID))
    var owner: [String: String] = [:]
    for index in entries.indices {
      let id = entries[index].studentID
      if let first = owner[id] {
        var number = 2
        while given.contains("\(id)-\(number)") || owner["\(id)-\(number)"] != nil {
          number += 1
        }
        let renamed = "\(id)-\(number)"
        Console.warning(
          "\(entries[index].path) and \(first) are both student \(id); the second is graded "
            + "as \(renamed)")
        entries[index].studentID = renamed
      }
      owner[entries[index].studentID] = entries[index].path
      if let text = try? Grader.readSubmission(entries[index].path),
        let declared = Submission.declaredStudent(in: text),
        declared != entries[index].studentID
      {
        Console.warning(
          "\(entries[index].path) names student \(declared) in its front matter; it is graded "
            + "as \(entries[index].studentID), its file or folder name")
      }
    }
    return entries
  }

  static func studentID(_ path: String) -> String {
    let file = (path as NSString).lastPathComponent
    return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
  }
}
