import Foundation
import Testing

@testable import LabBook

@Suite struct ShardTests {
  @Test func fnv1aMatchesPublishedVectors() {
    // Vectors from the FNV reference (Fowler, Noll, Vo): FNV-1a, 64 bits.
    #expect(Shard.fnv1a("") == 0xcbf2_9ce4_8422_2325)
    #expect(Shard.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(Shard.fnv1a("foobar") == 0x8594_4171_f739_67e8)
  }

  @Test func everyStudentIsInExactlyOneShard() throws {
    let shards = try (1...3).map { try Shard(index: $0, count: 3) }
    for id in (0..<200).map({ "student-\($0)" }) {
      #expect(shards.filter { $0.contains(id) }.count == 1, "\(id)")
    }
    // 0xaf63dc4c8601ec8c mod 3 = 1, so "a" is in shard 2.
    #expect(Shard.number(of: "a", count: 3) == 2)
  }

  @Test func shardTextIsParsedOrRefusedWithTheText() throws {
    #expect(try Shard(parsing: "2/3") == Shard(index: 2, count: 3))
    for bad in ["0/3", "4/3", "3", "a/b", "1/0", "/", "1/3/4"] {
      #expect(throws: ShardError.badShard(bad)) { try Shard(parsing: bad) }
    }
  }

  /// Writes a shard folder by hand: a manifest and a grade per student.
  func fakeShard(
    _ folder: String, _ shard: Shard, roster: [String], lab: String = "lab",
    graded: [String]? = nil
  ) throws {
    let manifest = ShardManifest(shard: shard, assignment: "A", labSource: lab, roster: roster)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try manifest.write(to: folder)
    for id in graded ?? manifest.students {
      let grade = StudentGrade(
        student: id, submission: id + ".md", key: "k",
        items: [
          .init(
            id: "t", name: "t", kind: "test", hidden: false, score: 1, maxScore: 1, status: .passed)
        ])
      let student = folder + "/students/" + id
      try FileManager.default.createDirectory(atPath: student, withIntermediateDirectories: true)
      try RunResult.makeEncoder().encode(grade)
        .write(to: URL(fileURLWithPath: student + "/result.json"))
    }
  }

  @Test func mergeRefusesAStudentInTwoShardsAndOtherLabs() throws {
    let base = NSTemporaryDirectory() + "labbook-shards-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: base) }
    let roster = ["ada", "alan", "barbara", "claude"]
    try fakeShard(base + "/one", try Shard(index: 1, count: 2), roster: roster)
    try fakeShard(base + "/other", try Shard(index: 2, count: 2), roster: roster, lab: "v2")
    #expect(throws: ShardError.self) {
      _ = try GradebookMerge(folders: [base + "/one", base + "/one"]).read()
    }
    do {
      _ = try GradebookMerge(folders: [base + "/one", base + "/other"]).read()
      Issue.record("shards of two labs were merged")
    } catch {
      #expect(error == .mismatch(folder: base + "/other", what: "lab"))
    }
  }

  @Test func mergeNamesMissingShardsAndUnfinishedStudents() throws {
    let base = NSTemporaryDirectory() + "labbook-shards-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: base) }
    // ada, alan: shard 2; barbara, ken: 3; claude, edsger: 1 (FNV-1a mod 3, computed in Python).
    let roster = ["ada", "alan", "barbara", "claude", "edsger", "ken"]
    let shard1 = try Shard(index: 1, count: 3)
    let shard2 = try Shard(index: 2, count: 3)
    #expect(roster.filter(shard1.contains) == ["claude", "edsger"])
    try fakeShard(base + "/s1", shard1, roster: roster)
    try fakeShard(base + "/s2", shard2, roster: roster, graded: ["ada"])
    let merge = GradebookMerge(folders: [base + "/s1", base + "/s2"])
    #expect(throws: ShardError.missing(shards: [3], students: ["alan", "barbara", "ken"])) {
      _ = try merge.read()
    }
    let partial = try merge.read(allowMissing: true)
    #expect(partial.grades.map(\.student) == ["ada", "claude", "edsger"])
  }

  @Test func shardedThenMergedEqualsUnshardedRowForRow() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let answers = [
      ("ada", "  return 42"), ("alan", "  return 41"), ("barbara", "  return 42"),
      ("claude", "  return nope"), ("edsger", "  return 42"), ("ken", "  return 0"),
    ]
    let entries = try answers.map { try fixture.submission($0.0, attack: $0.1) }
    let grader = try fixture.grader()
    let whole = fixture.folder + "/whole"
    _ = try ClassGrading(grader: grader, outputFolder: whole, jobs: 2).run(entries)

    var folders: [String] = []
    for index in 1...3 {
      let shard = try Shard(index: index, count: 3)
      let folder = fixture.folder + "/shard-\(index)"
      let mine = entries.filter { shard.contains($0.studentID) }
      #expect(!mine.isEmpty, "shard \(index) is empty: pick other ids")
      _ = try ClassGrading(grader: grader, outputFolder: folder, jobs: 2).run(mine)
      try ShardManifest(
        shard: shard, assignment: "Hostile", labSource: fixture.document.source,
        roster: entries.map(\.studentID)
      ).write(to: folder)
      folders.append(folder)
    }
    let merged = fixture.folder + "/merged"
    let merge = GradebookMerge(folders: folders.reversed())
    try merge.write(try merge.read(), to: merged)

    for file in ["grades.csv", "canvas.csv"] {
      let expected = try String(contentsOfFile: whole + "/" + file, encoding: .utf8)
      let actual = try String(contentsOfFile: merged + "/" + file, encoding: .utf8)
      #expect(actual == expected, "\(file)")
    }
    let csv = try String(contentsOfFile: merged + "/grades.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 1 + answers.count)
    for (id, _) in answers {
      #expect(FileManager.default.fileExists(atPath: merged + "/students/\(id)/results.json"))
    }
  }
}
