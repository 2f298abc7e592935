import Foundation
import Testing

@testable import LabBook

/// A crash frame with a function but no line (an array element updated in
/// place) is placed at the function's `func` line.
@Suite struct FunctionPlaceTests {
  @Test func baseNamesComeFromPrintedAndMangledSymbols() {
    #expect(FunctionPlace.baseName(ofSymbol: "f(_:)") == "f")
    #expect(FunctionPlace.baseName(ofSymbol: "closure #1 in dropout(_:keep:)") == "dropout")
    #expect(FunctionPlace.baseName(ofSymbol: "specialized Model.step(_:)") == "step")
    #expect(FunctionPlace.baseName(ofSymbol: "$s10LabProgram1fySaySfGACF") == "f")
    #expect(FunctionPlace.baseName(ofSymbol: "$s10LabProgram5ModelV4stepyyF") == "step")
    #expect(FunctionPlace.baseName(ofSymbol: "+ 12") == nil)
  }

  @Test func theFuncLineIsFoundByWholeName() {
    let text = "let fx = 1\nfunc fx(_ a: Int) {}\n  func f<T>(_ a: T) {}\nmyfunc f()\n"
    #expect(FunctionPlace.line(ofFunction: "f", in: text)! == (3, 3))
    #expect(FunctionPlace.line(ofFunction: "fx", in: text)! == (2, 1))
    #expect(FunctionPlace.line(ofFunction: "g", in: text) == nil)
  }

  /// `llvm-symbolizer` prints a function's line-0 code as `file:0:col`.
  @Test func aLineZeroFrameInAReadableFileIsPlacedAtItsFunction() throws {
    let path = NSTemporaryDirectory() + "labbook-place-\(UUID().uuidString).md"
    defer { unlink(path) }
    try "```swift id=f solution\nfunc f(_ x: [Float]) -> [Float] {\n  x\n}\n```\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let output = """
      $s10LabProgram1fySaySfGACF
      \(path):0:3

      main
      /tmp/build/LAB.lab.md:14:7

      """
    let places = CrashSite.locations(
      inSymbolizerOutput: output, files: [path, "LAB.lab.md"], readable: [path])
    #expect(
      places == [
        SourceLocation(file: path, line: 2, column: 1),
        SourceLocation(file: "LAB.lab.md", line: 14, column: 7),
      ])
    // Without the file's text, the frame is left out, as before.
    #expect(CrashSite.locations(inSymbolizerOutput: output, files: [path]).count == 1)
  }
}
