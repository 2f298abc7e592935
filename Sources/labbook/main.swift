import LabBook

#if canImport(Glibc)
  import Glibc
#endif

/// `labbook COMMAND …`: dispatches to a command and turns errors into exit codes.
func main() -> Int32 {
  let words = Array(CommandLine.arguments.dropFirst())
  guard let command = words.first else {
    Console.info(Help.overview)
    return 64
  }
  let rest = Array(words.dropFirst())
  do {
    switch command {
    case "-h", "--help":
      Console.output(Help.overview)
      return 0
    case "help":
      guard let topic = rest.first else {
        Console.output(Help.overview)
        return 0
      }
      guard let text = Help.text(for: topic) else {
        throw CLIError.usage("no help for '\(topic)': not a command", command: nil)
      }
      Console.output(text)
      return 0
    case "--version", "version":
      Console.output("labbook \(LabBookInfo.version)")
      return 0
    case "run":
      return try RunCommand(rest).execute()
    case "list":
      return try ListCommand(rest).execute()
    case "handout":
      return try HandoutCommand(rest).execute()
    case "check":
      return try CheckCommand(rest).execute()
    case "grade":
      return try GradeCommand(rest).execute()
    case "autograder":
      return try AutograderCommand(rest).execute()
    case "gradebook":
      return try GradebookCommand(rest).execute()
    default:
      throw CLIError.usage("unknown command '\(command)'", command: nil)
    }
  } catch let error as CLIError {
    Console.clearStatus()
    Console.error(error.description)
    if case .usage(_, let command) = error {
      let usage = command.flatMap(Help.text(for:)) ?? Help.overview
      Console.info("\n" + usage)
    }
    return error.exitCode
  } catch {
    Console.clearStatus()
    Console.error(String(describing: error))
    return 1
  }
}

// A parent may start us with SIGINT and SIGTERM blocked (Foundation's Process
// does); the engine's interrupt handling needs them delivered.
var unblocked = sigset_t()
sigemptyset(&unblocked)
sigaddset(&unblocked, SIGINT)
sigaddset(&unblocked, SIGTERM)
sigaddset(&unblocked, SIGHUP)
sigprocmask(SIG_UNBLOCK, &unblocked, nil)
exit(main())
