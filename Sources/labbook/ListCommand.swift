import LabBook

/// `labbook list`: the labs `run` finds by name, with title and cell count.
struct ListCommand {
  private let arguments: Arguments

  init(_ words: [String]) throws(CLIError) {
    arguments = try Arguments(words, command: "list", valued: [], flags: ["-h", "--help"])
  }

  func execute() throws(CLIError) -> Int32 {
    if arguments.wantsHelp {
      Console.output(Help.list)
      return 0
    }
    guard arguments.operands.isEmpty else {
      throw .usage("'list' takes no operands", command: "list")
    }
    let labs = LabLocator().allLabs()
    if labs.isEmpty { Console.note("no labs found in ./labs, $LABBOOK_PATH or the installed labs") }
    for lab in labs {
      do {
        let document = try LabDocument.read(path: lab.path)
        let title = document.frontMatter.title ?? "(untitled)"
        let count = document.cells.count
        let cells = "\(count) \(count == 1 ? "cell" : "cells")"
        Console.output("\(lab.name)\t\(title)\t\(cells)\t\(lab.path)")
      } catch {
        Console.output("\(lab.name)\t(unreadable: run it for details)\t-\t\(lab.path)")
      }
    }
    return 0
  }
}
