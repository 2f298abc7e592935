/// A `// BEGIN SOLUTION` … `// END SOLUTION` region of a solution cell.
///
/// Lines are lines of the lab's file: a cell's code line `i` (0-based) is
/// file line `cell.codeLine + i`.
public struct SolutionRegion: Sendable {
  /// The id of the `solution` cell holding the region.
  public var cellID: String
  /// 0-based within the cell, in order of appearance.
  public var index: Int
  /// The file line of the `// BEGIN SOLUTION` marker.
  public var beginLine: Int
  /// The file line of the `// END SOLUTION` marker.
  public var endLine: Int
  /// The lines strictly between the markers, each ending in `\n` (empty for
  /// an empty region). `// STUB:` lines are part of it.
  public var body: String
  /// What the student version puts between the markers: the `// STUB:`
  /// lines uncommented when the author wrote any, otherwise a generated
  /// stub that compiles and stops the program with a "not implemented"
  /// message (docs/handouts.md).
  public var stub: String

  public init(
    cellID: String, index: Int, beginLine: Int, endLine: Int, body: String, stub: String
  ) {
    self.cellID = cellID
    self.index = index
    self.beginLine = beginLine
    self.endLine = endLine
    self.body = body
    self.stub = stub
  }

  /// The body without its `// STUB:` lines: the instructor's solution text.
  public var solutionText: String {
    body.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { SolutionMarker.stubText(of: $0) == nil }
      .joined(separator: "\n")
  }
}
