/// Why a command could not do its job. Misuse exits 64; the rest exit 1.
enum CLIError: Error, CustomStringConvertible {
  /// The command line itself is wrong; `usage` is shown after the message.
  case usage(String, command: String?)
  /// No lab by that name; `suggestions` are the close matches.
  case labNotFound(name: String, searched: [String], suggestions: [String])
  /// Any other failure, already phrased for the user.
  case failed(String)

  var exitCode: Int32 {
    switch self {
    case .usage, .labNotFound: 64
    case .failed: 1
    }
  }

  var description: String {
    switch self {
    case .usage(let message, _):
      return message
    case .labNotFound(let name, let searched, let suggestions):
      var text = "no lab named '\(name)'"
      if !suggestions.isEmpty {
        text += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
      }
      text += "\n  searched: " + searched.joined(separator: ", ")
      text += "\n  hint: `labbook list` shows the labs found; a path to a .md file works too"
      return text
    case .failed(let message):
      return message
    }
  }
}
