import Foundation
import Testing

@testable import LabBook

/// The run cache: an unchanged lab is served without running; the seed,
/// a cell edit and a data file edit each invalidate it, and only a change
/// to the program text recompiles.
@Suite struct EngineCacheTests {
  @Test func unchangedLabIsServedFromTheCacheAndEditsInvalidateIt() throws {
    let fixture = try EngineFixture(
      "cached", frontMatter: FrontMatter(data: ["data/numbers.txt"]),
      code: ["record(\"seed\", Int(_LabRuntime.seed))"])
    defer { fixture.remove() }
    let dataFile = fixture.folder + "/labs/data/numbers.txt"
    try FileManager.default.createDirectory(
      atPath: fixture.folder + "/labs/data", withIntermediateDirectories: true)
    try "1 2 3\n".write(toFile: dataFile, atomically: true, encoding: .utf8)
    let engine = try testEngine()
    let cacheDirectory = fixture.folder + "/.labbook"

    func run(_ document: LabDocument, seed: UInt64? = nil) throws -> (RunResult, [String]) {
      let log = ProgressLog()
      let result = try engine.run(
        document,
        options: RunOptions(seed: seed, cacheDirectory: cacheDirectory, progress: log.progress))
      return (result, log.names)
    }

    let (first, firstLog) = try run(fixture.document)
    #expect(firstLog.first == "compiling")
    #expect(first.values["seed"] == .number(0))

    let (again, againLog) = try run(fixture.document)
    #expect(againLog == ["cached"])
    #expect(again.startedAt == first.startedAt)

    // A new seed runs again, but reuses the compiled program.
    let (seeded, seededLog) = try run(fixture.document, seed: 3)
    #expect(!seededLog.contains("cached") && !seededLog.contains("compiling"))
    #expect(seeded.values["seed"] == .number(3))

    // Editing the data file runs again.
    try "1 2 3 4\n".write(toFile: dataFile, atomically: true, encoding: .utf8)
    let (_, dataLog) = try run(fixture.document)
    #expect(!dataLog.contains("cached"))
    #expect(try run(fixture.document).1 == ["cached"])

    // Editing a cell recompiles.
    var edited = fixture.document
    guard case .cell(var cell) = edited.blocks[0] else { return }
    cell.code = "record(\"seed\", Int(_LabRuntime.seed) + 1)\n"
    edited.blocks[0] = .cell(cell)
    edited.source += "\n"
    let (changed, changedLog) = try run(edited)
    #expect(changedLog.first == "compiling")
    #expect(changed.values["seed"] == .number(1))
  }

  @Test func corruptCacheEntriesAreIgnored() throws {
    let fixture = try EngineFixture("corrupt", code: ["print(1)"])
    defer { fixture.remove() }
    let engine = try testEngine()
    let cacheDirectory = fixture.folder + "/.labbook"
    let options = RunOptions(cacheDirectory: cacheDirectory)
    _ = try engine.run(fixture.document, options: options)

    let results = cacheDirectory + "/results"
    for file in try FileManager.default.contentsOfDirectory(atPath: results) {
      try "{ not json".write(toFile: results + "/" + file, atomically: true, encoding: .utf8)
    }
    let log = ProgressLog()
    let result = try engine.run(
      fixture.document, options: RunOptions(cacheDirectory: cacheDirectory, progress: log.progress))

    #expect(!log.names.contains("cached"))
    #expect(result.cells.map(\.status) == [.ok])
  }

  @Test func freshRunIgnoresTheCache() throws {
    let fixture = try EngineFixture("fresh", code: ["print(1)"])
    defer { fixture.remove() }
    let engine = try testEngine()
    let cacheDirectory = fixture.folder + "/.labbook"
    _ = try engine.run(fixture.document, options: RunOptions(cacheDirectory: cacheDirectory))
    let log = ProgressLog()

    _ = try engine.run(
      fixture.document,
      options: RunOptions(cacheDirectory: cacheDirectory, fresh: true, progress: log.progress))

    #expect(log.names.first == "compiling")
  }
}
