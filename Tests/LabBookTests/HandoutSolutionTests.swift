import Testing

@testable import LabBook

/// The regions of `source` (parsed as `lab.md`), or the diagnostics thrown.
private func regions(_ source: String) throws -> [SolutionRegion] {
  try Solutions.regions(in: parseLab(source))
}

private func regionErrors(_ source: String) throws -> [Diagnostic] {
  let document = try parseLab(source)
  do {
    _ = try Solutions.regions(in: document)
    return []
  } catch {
    return error.diagnostics
  }
}

/// A lab whose only cell is a solution cell holding `code` (lines 1-2 are the
/// fence and its line, so code line i is file line i + 2).
private func solutionLab(_ code: String, attributes: String = "solution") -> String {
  "Text.\n```swift id=sol \(attributes)\n" + code + "```\n"
}

@Test func regionBodyIsTheLinesStrictlyBetweenTheMarkers() throws {
  let found = try regions(
    solutionLab("let a = 1\n// BEGIN SOLUTION\nlet b = 2\nlet c = 3\n// END SOLUTION\nprint(a)\n"))
  #expect(found.count == 1)
  #expect(found[0].cellID == "sol")
  #expect(found[0].index == 0)
  #expect(found[0].beginLine == 4)
  #expect(found[0].endLine == 7)
  #expect(found[0].body == "let b = 2\nlet c = 3\n")
}

@Test func markersAreRecognisedWithIndentationTabsAndTrailingBlanks() throws {
  let code =
    "func f() -> Int {\n  // BEGIN SOLUTION   \n  return 1\n  //END SOLUTION\t\n}\n"
    + "func g() -> Int {\n\t//   begin   solution\n\treturn 2\n\t// End Solution\n}\n"
  let found = try regions(solutionLab(code))
  #expect(found.map(\.beginLine) == [4, 9])
  #expect(found.map(\.endLine) == [6, 11])
  #expect(found.map(\.index) == [0, 1])
  #expect(found.map(\.body) == ["  return 1\n", "\treturn 2\n"])
}

@Test func markersAreRecognisedWithCRLFLineEndings() throws {
  let source = solutionLab("// BEGIN SOLUTION\nlet b = 2\n// END SOLUTION\n")
    .replacingOccurrences(of: "\n", with: "\r\n")
  let found = try regions(source)
  #expect(found.count == 1)
  #expect(found[0].beginLine == 3)
  #expect(found[0].endLine == 5)
  #expect(found[0].body == "let b = 2\n")
}

@Test func beginWithoutEndNamesBothLines() throws {
  let errors = try regionErrors(solutionLab("let a = 1\n// BEGIN SOLUTION\nlet b = 2\n"))
  #expect(errors.count == 1)
  #expect(position(errors.first) == "4:1")
  #expect(errors[0].message.contains("line 4"))
  #expect(errors[0].message.contains("line 5"))
}

@Test func endWithoutBeginIsAnError() throws {
  let errors = try regionErrors(solutionLab("let a = 1\n// END SOLUTION\n"))
  #expect(errors.count == 1)
  #expect(position(errors.first) == "4:1")
  #expect(errors[0].message.contains("no BEGIN"))
  #expect(errors[0].message.contains("line 2"))  // the fence
}

@Test func nestedBeginNamesBothBeginLines() throws {
  let errors = try regionErrors(
    solutionLab("// BEGIN SOLUTION\nlet a = 1\n// BEGIN SOLUTION\n// END SOLUTION\n"))
  #expect(errors.count == 1)
  #expect(position(errors.first) == "5:1")
  #expect(errors[0].message.contains("line 5"))
  #expect(errors[0].message.contains("line 3"))
}

@Test func markersOutsideSolutionCellsAreErrors() throws {
  let errors = try regionErrors(
    solutionLab("// BEGIN SOLUTION\nlet a = 1\n// END SOLUTION\n", attributes: "test"))
  #expect(errors.count == 2)
  #expect(errors.allSatisfy { $0.message.contains("not marked solution") })
}

@Test func markerLookalikesAreRefusedRatherThanLeaked() throws {
  let errors = try regionErrors(
    solutionLab("// BEGIN SOLUTION: part 1\nlet a = 1\n/* END SOLUTION */\n"))
  #expect(errors.count == 2)
  #expect(errors.allSatisfy { $0.message.contains("looks like a solution marker") })
}

@Test func fenceIndentationShiftsNoLineNumbers() throws {
  let source =
    "Text.\n  ```swift id=sol solution\n  // BEGIN SOLUTION\n  x()\n  // END SOLUTION\n  ```\n"
  let found = try regions(source)
  #expect(found.map(\.beginLine) == [3])
  #expect(found.map(\.endLine) == [5])
}

@Test func authoredStubLinesBecomeTheStub() throws {
  let code =
    "func f() -> Int {\n  // BEGIN SOLUTION\n  // STUB: return 0  \n  return 42\n"
    + "  //STUB:// your code here\n  // END SOLUTION\n}\n"
  let found = try regions(solutionLab(code))
  #expect(found[0].stub == "  return 0\n  // your code here\n")
  #expect(found[0].solutionText == "  return 42\n")
}

@Test func defaultStubStopsWithANotImplementedMessage() throws {
  let found = try regions(
    solutionLab("func f() -> Int {\n    // BEGIN SOLUTION\n    return 42\n    // END SOLUTION\n}\n")
  )
  #expect(found[0].stub.hasPrefix("    fatalError(\"Not implemented: write solution 1 of cell"))
  #expect(found[0].stub.contains("\\\"sol\\\" (lab.md)"))
  #expect(!found[0].stub.contains("42"))
}

@Test func defaultStubKeepsTypedDeclarationsDeclared() throws {
  let found = try regions(
    solutionLab(
      "// BEGIN SOLUTION\nlet std: Float = (2 / Float(n)).squareRoot()\n"
        + "var rows: [Int] = [1]\nif rows.isEmpty {\n  let inner: Int = 3\n}\n// END SOLUTION\n"))
  let lines = found[0].stub.split(separator: "\n")
  #expect(lines.count == 2)
  #expect(lines[0].hasPrefix("let std: Float = { fatalError(\"Not implemented"))
  #expect(lines[0].hasSuffix("}()"))
  #expect(lines[1].hasPrefix("var rows: [Int] = { fatalError("))
}

@Test func typedDeclarationParsingStopsAtTheAssignment() {
  let parsed = SolutionStub.typedDeclaration("let f: (Int) -> Bool = { $0 == 1 }")
  #expect(parsed?.type == "(Int) -> Bool")
  #expect(SolutionStub.typedDeclaration("let x = 1") == nil)
  #expect(SolutionStub.typedDeclaration("let (a, b): (Int, Int) = (1, 2)") == nil)
  #expect(SolutionStub.typedDeclaration("return x") == nil)
}

@Test func codeReplacesEachBodyAndKeepsTheMarkers() throws {
  let document = try parseLab(
    solutionLab(
      "let a = 1\n// BEGIN SOLUTION\nlet b = 2\n// END SOLUTION\nprint(a)\n"
        + "  // BEGIN SOLUTION\n  // STUB: let c = 0\n  let c = 3\n  // END SOLUTION\nprint(c)\n"))
  let found = try Solutions.regions(in: document)
  let cell = document.cells[0]
  let student = Solutions.code(of: cell, regions: found, replacingWith: nil)
  #expect(
    student
      == "let a = 1\n// BEGIN SOLUTION\n\(found[0].stub)// END SOLUTION\nprint(a)\n"
      + "  // BEGIN SOLUTION\n  let c = 0\n  // END SOLUTION\nprint(c)\n")
  let submitted = Solutions.code(of: cell, regions: found, replacingWith: [1: "let c = 9"])
  #expect(submitted.contains("  // BEGIN SOLUTION\nlet c = 9\n  // END SOLUTION\n"))
  #expect(submitted.contains("// BEGIN SOLUTION\n\(found[0].stub)// END SOLUTION"))
  let original = Solutions.code(
    of: cell, regions: found, replacingWith: [0: found[0].body, 1: found[1].body])
  #expect(original == cell.code)
}

@Test func codeIgnoresRegionsOfOtherCells() throws {
  let document = try parseLab(
    solutionLab("// BEGIN SOLUTION\nx\n// END SOLUTION\n")
      + "```swift id=other\nlet y = 1\n```\n")
  let found = try Solutions.regions(in: document)
  let other = document.cells[1]
  #expect(Solutions.code(of: other, regions: found, replacingWith: nil) == other.code)
}
