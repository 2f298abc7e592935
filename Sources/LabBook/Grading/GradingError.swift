/// Why grading could not start, or one submission could not be read.
public enum GradingError: Error, CustomStringConvertible {
  /// The instructor's lab has problems (e.g. unbalanced solution markers).
  case badLab(lab: String, diagnostics: [Diagnostic])
  /// Values in the front matter's `grading:` that are not valid.
  case badSettings(lab: String, problems: [String])
  /// A submission file that cannot be graded, and why.
  case unreadableSubmission(path: String, reason: String)
  /// A submission's work folder could not be made.
  case sandbox(reason: String)
  /// SIGINT, SIGTERM or SIGHUP stopped the run after `finished` of `total` students.
  case interrupted(finished: Int, total: Int)

  public var description: String {
    switch self {
    case .badLab(let lab, let diagnostics):
      return "the lab \(lab) cannot be graded:\n"
        + diagnostics.map(\.description).joined(separator: "\n")
    case .badSettings(let lab, let problems):
      return "\(lab): " + problems.joined(separator: "; ")
        + " (see docs/grading.md for the `grading:` keys)"
    case .unreadableSubmission(let path, let reason):
      return "cannot read the submission \"\(path)\": \(reason)"
    case .interrupted(let finished, let total):
      return "interrupted after \(finished) of \(total) students; run the same command again "
        + "to grade the others (finished ones are kept)"
    case .sandbox(let reason):
      return "cannot prepare a sandbox: \(reason); check that the temporary folder is writable"
    }
  }
}
