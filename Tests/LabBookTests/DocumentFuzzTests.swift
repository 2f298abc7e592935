import Testing

@testable import LabBook

@Suite struct DocumentFuzzTests {
  /// Pieces that stress fences, containers, attributes, YAML and line endings.
  static let pieces = [
    "```", "~~~", "````", "swift", "answer", " ", "\t", "\n", "\r\n", "\r", "> ", "- ",
    "1. ", "`", "id=", "id=a", "\"", "---", "...", "key:", "tolerance:", "é", "\u{FEFF}",
    "    ", "[", "*", "solution", "points=", "choice", "number", ":", "&a", "*a", "<div>",
  ]

  @Test func randomDocumentsNeverCrashAndLocateEveryDiagnostic() {
    // A linear congruential generator (Knuth's MMIX constants) keeps runs repeatable.
    var state: UInt64 = 2026
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<3000 {
      var source = ""
      for _ in 0..<next(80) { source += Self.pieces[next(Self.pieces.count)] }
      let lineCount = source.split(omittingEmptySubsequences: false) {
        $0 == "\n" || $0 == "\r" || $0 == "\r\n"
      }.count
      let diagnostics: [Diagnostic]
      do {
        diagnostics = try LabDocument.parse(source, path: "f.md").warnings
      } catch {
        diagnostics = error.diagnostics
        #expect(!error.errors.isEmpty, "thrown without an error for \(source.debugDescription)")
      }
      for diagnostic in diagnostics {
        let line = diagnostic.location?.line ?? 0
        #expect(
          (1...max(lineCount, 1)).contains(line) && (diagnostic.location?.column ?? 0) >= 1,
          "\(diagnostic) is outside \(source.debugDescription)")
      }
    }
  }
}
