import Foundation
import Testing

/// `labbook grade … --shard K/N` then `labbook gradebook merge`, from the
/// command line, against one unsharded `labbook grade` of the same class.
@Suite(.serialized) struct AutograderShardCommandTests {
  @Test func shardedGradingMergesIntoTheUnshardedGradebook() throws {
    let folder = try temporaryLab("tiny", AutograderTests.lab)
    defer { try? FileManager.default.removeItem(at: folder) }
    let subs = folder.appendingPathComponent("subs")
    try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
    // ada, alan: shard 2; barbara, ken: 3; claude: 1 (FNV-1a mod 3, computed in Python).
    let bodies = [
      "ada": "return x * x", "alan": "return x < 100 ? x * x : 0", "barbara": "return x * x",
      "claude": "return x * y", "ken": "return 0",
    ]
    for (id, body) in bodies {
      try AutograderTests.copy(body: body).write(
        to: subs.appendingPathComponent(id + ".md"), atomically: true, encoding: .utf8)
    }

    let whole = try labbook(["grade", "tiny", "subs", "-o", "whole", "-j", "1"], in: folder)
    #expect(whole.status == 0, "\(whole.stderr)")
    for k in 1...3 {
      let shard = try labbook(
        ["grade", "tiny", "subs", "--shard", "\(k)/3", "-o", "s\(k)", "-j", "1"], in: folder)
      #expect(shard.status == 0, "\(shard.stderr)")
    }

    let missing = try labbook(["gradebook", "merge", "s1", "s3", "-o", "merged"], in: folder)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("shard(s) 2 absent"), "\(missing.stderr)")
    #expect(missing.stderr.contains("(ada, alan)"), "\(missing.stderr)")

    let merged = try labbook(["gradebook", "merge", "s1", "s2", "s3", "-o", "merged"], in: folder)
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == "merged/grades.csv\n")
    for file in ["grades.csv", "canvas.csv"] {
      let expected = try String(
        contentsOf: folder.appendingPathComponent("whole/" + file), encoding: .utf8)
      let actual = try String(
        contentsOf: folder.appendingPathComponent("merged/" + file), encoding: .utf8)
      #expect(actual == expected, "\(file)")
    }
    // The scores themselves, from the lab's points: 2 for t-small, 3 for t-big.
    let csv = try String(
      contentsOf: folder.appendingPathComponent("merged/grades.csv"), encoding: .utf8)
    #expect(
      csv == """
        student,t-small,t-big,total,max
        ada,2,3,5,5
        alan,2,0,2,5
        barbara,2,3,5,5
        claude,0,0,0,5
        ken,0,0,0,5

        """)

    let bad = try labbook(["grade", "tiny", "subs", "--shard", "4/3"], in: folder)
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("\"4/3\""))
  }
}
