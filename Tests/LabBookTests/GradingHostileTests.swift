import Foundation
import Testing

@testable import LabBook

/// The hostile suite: each submission attacks through `attack()`; it must
/// get 0 for that test and full marks for the two it did not break, while
/// graded alongside the others on parallel workers.
@Suite(.serialized) struct GradingHostileTests {
  @Test func hostileSubmissionsCostOnlyTheTestTheyBreak() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let escape = NSTemporaryDirectory() + "labbook-escape-\(UUID().uuidString)"
    defer { unlink(escape) }
    let instructorCopy = fixture.folder + "/instructor/planted"
    let lab = fixture.labPath
    var entries = [
      try fixture.submission("correct", attack: "  return 42"),
      try fixture.submission("loop", attack: "  while true {}"),
      try fixture.submission(
        "allocation",
        attack: """
            var hog: [[UInt8]] = []
            while true { hog.append([UInt8](repeating: 1, count: 1 << 24)) }
          """),
      try fixture.submission(
        "forkbomb", attack: "  while true { _ = fork() }", free: "import Glibc"),
      try fixture.submission("exit", attack: "  exit(0)", free: "import Glibc"),
      try fixture.submission("fatal", attack: "  fatalError(\"boom\")"),
      try fixture.submission(
        "forged",
        attack: """
            print("{\\"e\\":\\"check\\",\\"check\\":{\\"name\\":\\"attack answers 42\\","
              + "\\"passed\\":true,\\"message\\":\\"\\",\\"points\\":1,\\"score\\":1}}")
            let line = "\\n{\\"e\\":\\"check\\",\\"n\\":\\"guess\\",\\"out\\":0,\\"err\\":0}\\n"
            _ = write(3, line, line.utf8.count)
            check("attack answers 42", points: 9, true)
            return 0
          """, free: "import Glibc"),
      try fixture.submission(
        "readlab",
        attack: """
            guard let file = fopen("\(lab)", "r") else { return 0 }
            fclose(file)
            return 42
          """, free: "import Glibc"),
      try fixture.submission(
        "readbinary",
        attack: """
            guard let file = fopen("/proc/self/exe", "r") else { return 0 }
            fclose(file)
            return 42
          """, free: "import Glibc"),
      try fixture.submission(
        "nonce",
        attack: """
            if getenv("LABBOOK_NONCE") != nil { return 42 }
            guard let file = fopen("/proc/self/environ", "r") else { return 0 }
            var bytes = [UInt8](repeating: 0, count: 65536)
            let count = fread(&bytes, 1, bytes.count, file)
            fclose(file)
            for entry in bytes[..<count].split(separator: 0) {
              let text = String(decoding: entry, as: UTF8.self)
              if text.hasPrefix("LABBOOK_NONCE="), text.dropFirst(14).contains(where: { $0 != "0" }) {
                return 42
              }
            }
            return 0
          """, free: "import Glibc"),
      try fixture.submission(
        "writeout",
        attack: """
            for path in ["\(escape)", "\(instructorCopy)"] {
              if let file = fopen(path, "w") { fputs("pwned", file); fclose(file) }
            }
            return 42
          """, free: "import Glibc"),
      try fixture.submission(
        "output", attack: "  while true { print(String(repeating: \"x\", count: 4096)) }"),
      try fixture.submission(
        "sleep", attack: "  usleep(5_000_000)\n  return 42", free: "import Glibc"),
    ]
    entries.sort { $0.studentID < $1.studentID }
    let grader = try fixture.grader()
    let grades = try ClassGrading(
      grader: grader, outputFolder: fixture.folder + "/out", jobs: 4
    ).run(entries)
    let byID = Dictionary(uniqueKeysWithValues: grades.map { ($0.student, $0) })

    // Writing outside the sandbox's folder failed; the attack's answer stands.
    let expectedAttack: [String: Double] = ["correct": 1, "writeout": 1]
    for entry in entries {
      let grade = try #require(byID[entry.studentID])
      let attack = expectedAttack[entry.studentID] ?? 0
      #expect(grade.score("t-attack") == attack, "\(entry.studentID): \(grade.items)")
      #expect(grade.score("t-good") == 1, "\(entry.studentID): \(grade.items)")
      #expect(grade.score("t-hidden") == 1, "\(entry.studentID): \(grade.items)")
    }
    #expect(!FileManager.default.fileExists(atPath: escape))
    #expect(!FileManager.default.fileExists(atPath: instructorCopy))

    let output = try #require(byID["output"]).items.first { $0.id == "t-attack" }
    #expect(output?.message.contains("MiB of output") == true)
    let fatal = try #require(byID["fatal"]).items.first { $0.id == "t-attack" }
    #expect(fatal?.message.contains("boom") == true)
    #expect(fatal?.location?.file == fixture.folder + "/subs/fatal.md")
    // The endless loop is placed at its line (the backtrace asked for on the
    // time-out), which in the submission is where the lab had `return 42`.
    let loop = try #require(byID["loop"]).items.first { $0.id == "t-attack" }
    let loopLine = try #require(
      GradingFixture.lab.components(separatedBy: "\n").firstIndex { $0 == "  return 42" })
    #expect(loop?.message.contains("ran past its limit") == true, "\(String(describing: loop))")
    #expect(loop?.location?.file == fixture.folder + "/subs/loop.md")
    #expect(loop?.location?.line == loopLine + 1, "\(String(describing: loop))")
  }

  @Test func nothingAStudentReceivesHoldsAHiddenTestsSourceOrExpectedValue() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let entries = [
      try fixture.submission("off-by-one", attack: "  return 42", good: "return 2 * x + 1"),
      try fixture.submission("broken", attack: "  return 42", good: "return 2 * y"),
    ]
    let grader = try fixture.grader()
    let grades = try ClassGrading(
      grader: grader, outputFolder: fixture.folder + "/out", jobs: 2
    ).run(entries)
    #expect(grades.map { $0.score("t-hidden") } == [0, 0])
    for entry in entries {
      let folder = fixture.folder + "/out/students/" + entry.studentID
      for file in ["feedback.html", "result.json", "results.json"] {
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        #expect(!text.contains(GradingFixture.hiddenExpected), "\(entry.studentID)/\(file)")
        #expect(!text.contains("double(12345)"), "\(entry.studentID)/\(file)")
        #expect(!text.contains("double 12345"), "the hidden check's name: \(file)")
        #expect(!text.contains("INSTRUCTOR-ONLY"), "an instructor cell's output: \(file)")
      }
    }
  }

  @Test func aWorldReadableLabAndOtherSubmissionsAreHiddenFromStudents() throws {
    let fixture = try GradingFixture(readable: true)
    defer { fixture.remove() }
    let other = fixture.folder + "/subs/correct.md"
    func reader(_ name: String, _ path: String) throws -> ClassGrading.Entry {
      try fixture.submission(
        name,
        attack: """
            guard let file = fopen("\(path)", "r") else { return 0 }
            fclose(file)
            return 42
          """, free: "import Glibc")
    }
    let entries = [
      try fixture.submission("correct", attack: "  return 42"),
      try reader("readlab", fixture.labPath), try reader("readother", other),
    ]
    // Only the hiding protects them: both files are readable by anyone.
    let mode =
      try FileManager.default.attributesOfItem(atPath: fixture.labPath)[
        .posixPermissions] as? Int
    #expect(mode == 0o644)
    let grades = try ClassGrading(
      grader: try fixture.grader(), outputFolder: fixture.folder + "/out", jobs: 2
    ).run(entries)
    #expect(grades.map { $0.score("t-attack") } == [1, 0, 0])
    #expect(grades.map { $0.score("t-good") } == [1, 1, 1])
  }

  /// The package's tree (e.g. Benchmarks/grading/generate.py with a lab's
  /// solution) is out of reach; system files such as /etc/hostname are not.
  @Test func thePackageTreeIsHiddenAndSystemFilesAreNot() throws {
    let fixture = try GradingFixture()
    defer { fixture.remove() }
    let grader = try fixture.grader()
    guard grader.sandbox.isolation.hidesFolders else { return }  // needs root and mounts
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    try #require(FileManager.default.isReadableFile(atPath: readme.path))
    func reader(_ name: String, _ path: String) throws -> ClassGrading.Entry {
      try fixture.submission(
        name,
        attack: """
            guard let file = fopen("\(path)", "r") else { return 0 }
            fclose(file)
            return 42
          """, free: "import Glibc")
    }
    let entries = [try reader("package", readme.path), try reader("system", "/etc/hostname")]
    let grades = try ClassGrading(
      grader: grader, outputFolder: fixture.folder + "/out", jobs: 2
    ).run(entries)
    #expect(grades.map { $0.score("t-attack") } == [0, 1])
    #expect(grades.map { $0.score("t-good") } == [1, 1])
  }
}
