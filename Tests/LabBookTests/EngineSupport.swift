import Foundation
import Synchronization

@testable import LabBook

/// Builds tiny labs on disk for the engine tests: a Markdown file whose
/// cells' line numbers are known, and the matching `LabDocument`.
struct EngineFixture {
  let folder: String
  let document: LabDocument

  /// A lab at `<temp>/labs/NAME.md` with a title line, a blank line, then each
  /// cell as a ```swift fence followed by a blank line.
  init(
    _ name: String, frontMatter: FrontMatter = FrontMatter(),
    cells: [(code: String, attributes: [(name: String, value: String)])]
  ) throws {
    folder = NSTemporaryDirectory() + "labbook-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/labs", withIntermediateDirectories: true)
    var source = "# \(name)\n\n"
    var line = 3
    var documentCells: [Cell] = []
    for (index, cell) in cells.enumerated() {
      let code = cell.code.hasSuffix("\n") ? cell.code : cell.code + "\n"
      let words = cell.attributes.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }
      source += "```" + (["swift"] + words).joined(separator: " ") + "\n" + code + "```\n\n"
      documentCells.append(
        Cell(
          id: "cell\(index + 1)", code: code,
          fenceLocation: SourceLocation(file: folder + "/labs/\(name).md", line: line),
          codeLine: line + 1, attributes: cell.attributes))
      line += code.split(separator: "\n", omittingEmptySubsequences: false).count + 2
    }
    let path = folder + "/labs/\(name).md"
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    document = LabDocument(
      path: path, source: source, frontMatter: frontMatter,
      blocks: documentCells.map { .cell($0) })
  }

  /// A lab whose cells carry no attributes.
  init(_ name: String, frontMatter: FrontMatter = FrontMatter(), code: [String]) throws {
    try self.init(name, frontMatter: frontMatter, cells: code.map { ($0, []) })
  }

  /// The line in the lab file of line `offset` (0-based) of cell `index`.
  func line(cell index: Int, offset: Int = 0) -> Int {
    document.cells[index].codeLine + offset
  }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// The engine for the test binary's build folder, where `swift build
/// --build-tests` also builds libLabKit.so.
func testEngine() throws -> Engine {
  Engine(toolchain: try Toolchain.locate())
}

/// Progress reports collected across the engine's callback.
final class ProgressLog: Sendable {
  private let entries = Mutex<[String]>([])

  var progress: @Sendable (RunProgress) -> Void {
    { event in self.entries.withLock { $0.append(Self.name(event)) } }
  }

  var names: [String] { entries.withLock { $0 } }

  private static func name(_ event: RunProgress) -> String {
    switch event {
    case .compiling: "compiling"
    case .compiled: "compiled"
    case .cached: "cached"
    case .cellStarted(let index, _, _): "started \(index)"
    case .cellFinished(let index, _, _, let status): "finished \(index) \(status.rawValue)"
    }
  }
}

extension CellResult {
  /// All text the cell wrote to `stream`, in order.
  func text(_ stream: CellOutput.Stream) -> String {
    outputs.compactMap {
      if case .text(let s, let text) = $0, s == stream { text } else { nil }
    }.joined()
  }

  var figures: [FigureSpec] {
    outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
  }

  var checks: [CheckResult] {
    outputs.compactMap { if case .check(let check) = $0 { check } else { nil } }
  }
}
