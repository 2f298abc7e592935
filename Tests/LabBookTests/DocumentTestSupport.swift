import Testing

@testable import LabBook

/// Parses `source` as `lab.md`, failing the test on a thrown error.
func parseLab(_ source: String) throws -> LabDocument {
  try LabDocument.parse(source, path: "lab.md")
}

/// The diagnostics `parse` throws for `source`; empty when it does not throw.
func labErrors(_ source: String) -> [Diagnostic] {
  do {
    _ = try LabDocument.parse(source, path: "lab.md")
    return []
  } catch {
    return error.diagnostics
  }
}

/// `line:column` of a diagnostic, for comparing positions counted by hand.
func position(_ diagnostic: Diagnostic?) -> String? {
  diagnostic?.location.map { "\($0.line):\($0.column)" }
}

extension Array where Element == Diagnostic {
  /// The first diagnostic whose message contains `text`.
  func first(containing text: String) -> Diagnostic? {
    first { $0.message.contains(text) }
  }

  var errors: [Diagnostic] { filter { $0.severity == .error } }
}
