import Foundation
import Testing

@testable import LabBook

/// Cells run top to bottom: a use of a variable that only a later cell
/// declares is an error before anything compiles, and only such a use.
@Suite struct DeclarationOrderTests {
  /// A lab of `cells`, each fenced as ```swift with a blank line between:
  /// cell i's first code line is 2 + 4·i when every cell has one line.
  private func lab(_ cells: [String]) throws -> LabDocument {
    try parseLab(cells.map { "```swift\n\($0)\n```\n" }.joined(separator: "\n"))
  }

  private func errors(_ cells: [String]) throws -> [Diagnostic] {
    DeclarationOrder.errors(in: try lab(cells))
  }

  @Test func useBeforeALaterCellsDeclarationIsAnErrorAtTheUse() throws {
    let found = try errors(["print(later * 2)", "let later = 21"])
    #expect(found.count == 1)
    // `print(` is 6 bytes: the name starts in column 7 of line 2.
    #expect(position(found.first) == "2:7")
    #expect(found.first?.severity == .error)
    let message = found.first?.message ?? ""
    #expect(message.contains("\"later\""))
    #expect(message.contains("cell 'cell-2' (lab.md:6:5)"))
    #expect(found.first?.hint.contains("cells run top to bottom") == true)
  }

  @Test func eachNameIsReportedOnceAtItsFirstUse() throws {
    let found = try errors([
      "print(names.count)\nlet t = w.sum() + w.sum()\nprint(names)",
      "let names = [\"a\"]\nvar w = Tensor.ones([3])",
    ])
    #expect(found.map(position) == ["2:7", "3:9"])
  }

  @Test func usesInsideInterpolationAndClosuresCount() throws {
    let found = try errors([
      "print(\"\\(later)\")\nlet xs = [1].map { $0 + n }", "let later = 1\nlet n = 2",
    ])
    // `let xs = [1].map { $0 + ` is 24 bytes: `n` is in column 25.
    #expect(found.map(position) == ["2:10", "3:25"])
  }

  @Test func textCommentsMembersAndLabelsAreNotUses() throws {
    let found = try errors([
      """
      // later is declared below
      /* later */ print("later", #"later \\(later)"#)
      let p = (later: 1, b: 2)
      print(p.later, f(later: 3))
      func f(later: Int) -> Int { later }
      """,
      "let later = 1",
    ])
    #expect(found.isEmpty)
  }

  @Test func namesTheEarlierCellDeclaresItselfAreNotUses() throws {
    let found = try errors([
      """
      for later in 0..<2 { print(later) }
      let a = [1].map { later in later + 1 }
      let b = [(1, 2)].map { (later, y) in later + y }
      if let later = Optional(3) { print(later) }
      do { let later = 4; print(later) }
      let (x, y) = (1, 2)
      do { try f() } catch { print(error) }
      """,
      "let later = 1\nlet error = 2\nlet x = 3",
    ])
    #expect(found.isEmpty)
  }

  @Test func bodiesThatRunLaterAreNotUses() throws {
    let found = try errors([
      """
      func f() -> Int { later * 2 }
      func g(_ n: Int = later) -> Int { n }
      struct S { var v: Int { later } }
      var twice: Int { later * 2 }
      let h = { later + 1 }
      """,
      "let later = 21\nprint(f(), g(), S().v, twice, h())",
    ])
    #expect(found.isEmpty)
  }

  @Test func functionsAndTypesMayBeUsedBeforeTheirDeclaration() throws {
    #expect(try errors(["print(f(), S())", "func f() -> Int { 1 }\nstruct S {}"]).isEmpty)
  }

  @Test func aNameDeclaredAboveIsNotAForwardUseWhenALaterCellRedeclaresIt() throws {
    #expect(try errors(["let x = 1", "print(x)", "let x = 2"]).isEmpty)
  }

  @Test func aDeclarationInALaterCellsOwnScopeIsHiddenFromEarlierCells() throws {
    // The third cell re-declares `a`, so it runs in a `do {` scope: its `max`
    // is local to it, and the first cell's `max` is Swift's function.
    #expect(try errors(["let a = max(1, 2)", "print(a)", "let a = 3\nlet max = 4"]).isEmpty)
  }

  @Test func skippedCellsAreLeftOut() throws {
    let document = try parseLab(
      "```swift\nprint(later)\n```\n\n```swift skip\nlet later = 1\n```\n")
    #expect(DeclarationOrder.errors(in: document).isEmpty)
  }

  @Test func shippedLabsDeclareBeforeTheyUse() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("labs").path
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".md") }
    #expect(!files.isEmpty)
    for file in files {
      let document = try LabDocument.read(path: folder + "/" + file)
      #expect(DeclarationOrder.errors(in: document).isEmpty, "\(file)")
    }
  }

  @Test func throwSitesAreTheTopLevelTriesNothingCatches() {
    let outline = CellOutline(
      """
      let a = try? f()
      let b = try! f()
      let c = try xs.map { try g($0) }
      do { try f() } catch { print(error) }
      do { try f() } catch is E { }
      if ok { throw E.bad }
      func h() throws { try f() }
      """)
    #expect(outline.throwSites.map { "\($0.line):\($0.column)" } == ["3:9", "5:6", "6:9"])
  }

  /// Fragments of Swift cut anywhere (unclosed strings, comments, braces):
  /// the scan ends and finds only names that are in the text.
  @Test func scanSurvivesFragmentsCutAnywhere() {
    let pieces = [
      "let ", "var ", "x", " = ", "{", "}", "(", ")", "\"", "\\(", "\"\"\"", "#\"", "/*", "*/",
      "//", "\n", " in ", "for ", "do ", "catch ", "try ", "func ", ".", ",", ":", "`", "$0",
    ]
    // A linear congruential generator (Numerical Recipes' constants).
    var state: UInt32 = 12345
    for _ in 0..<300 {
      var code = ""
      for _ in 0..<40 {
        state = state &* 1_664_525 &+ 1_013_904_223
        code += pieces[Int(state >> 16) % pieces.count]
      }
      let outline = CellOutline(code)
      #expect(outline.uses.allSatisfy { code.contains($0.name) })
      #expect(outline.values.allSatisfy { code.contains($0.name) })
    }
  }

  @Test func lexerSkipsCommentsAndKeepsInterpolatedCode() {
    let tokens = CodeLexer.tokens("a /* b /* c */ d */ \"e\\(f(\"g\"))h\" // i\n#\"j\"# k")
    #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["a", "f", "k"])
    #expect(tokens.filter { $0.kind == .string }.map(\.text) == ["g", "", "j"])
    #expect(tokens.last.map { "\($0.line):\($0.column)" } == "2:7")
  }
}
