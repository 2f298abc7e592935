/// A message about a lab, tied to the place in its file that caused it.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
  public enum Severity: String, Codable, Sendable {
    case error, warning, note
  }

  public var severity: Severity
  public var location: SourceLocation?
  /// What went wrong, quoting the offending value.
  public var message: String
  /// What to do about it; empty when the message says it all.
  public var hint: String

  public init(
    _ severity: Severity, at location: SourceLocation?, _ message: String, hint: String = ""
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `file.md:line:col: error: message (hint)` in the compilers' format.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "\(severity.rawValue): \(message)"
    if !hint.isEmpty { text += "\n  hint: \(hint)" }
    return text
  }
}
