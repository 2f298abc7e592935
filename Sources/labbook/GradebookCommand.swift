import Foundation
import LabBook

/// `labbook gradebook merge DIR… [-o DIR] [--allow-missing]`: join the
/// gradebooks of `labbook grade … --shard K/N` runs.
struct GradebookCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    arguments = try Arguments(
      words, command: "gradebook", valued: ["-o", "--output"],
      flags: ["-h", "--help", "--allow-missing"])
  }

  func execute() throws -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.gradebook)
      return 0
    }
    guard arguments.operands.first == "merge" else {
      throw CLIError.usage(
        arguments.operands.isEmpty
          ? "which action? (merge)" : "unknown action '\(arguments.operands[0])'",
        command: "gradebook")
    }
    let folders = Array(arguments.operands.dropFirst())
    guard !folders.isEmpty else {
      throw CLIError.usage("no shard folders given", command: "gradebook")
    }
    let output = arguments.value("-o", "--output") ?? "grades/merged"
    let merge = GradebookMerge(folders: folders)
    let merged: GradebookMerge.Merged
    do {
      merged = try merge.read(allowMissing: arguments.has("--allow-missing"))
      try merge.write(merged, to: output)
    } catch {
      throw CLIError.failed(error.description)
    }
    if !merged.missingShards.isEmpty || !merged.missingStudents.isEmpty {
      Console.warning(
        ShardError.missing(shards: merged.missingShards, students: merged.missingStudents)
          .description.replacingOccurrences(of: ", or pass --allow-missing", with: ""))
    }
    Console.note("merged \(merged.grades.count) student(s) from \(folders.count) shard(s)")
    Console.output(output + "/grades.csv")
    return 0
  }
}
