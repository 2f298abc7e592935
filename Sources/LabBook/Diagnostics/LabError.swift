/// A lab that cannot be read: every diagnostic met while reading it, errors and
/// warnings, in file order. At least one has severity `.error`.
public struct LabError: Error, CustomStringConvertible, Sendable {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// One error with no other diagnostics, e.g. a file that cannot be opened.
  public init(_ error: Diagnostic) {
    self.diagnostics = [error]
  }

  /// The diagnostics of severity `.error` only.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// Every diagnostic on its own line(s), compiler style.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
