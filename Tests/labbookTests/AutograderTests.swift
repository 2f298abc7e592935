import Foundation
import Testing

/// End to end: `labbook autograder` makes the zip, it is unpacked into a
/// folder laid out as Gradescope lays out `/autograder`, and the zip's own
/// `run_autograder` grades submissions there with this build's `labbook`
/// on PATH (docs/autograder.md).
@Suite(.serialized) struct AutograderTests {
  static let lab = """
    ---
    title: Tiny
    seed: 1
    grading:
      test-timeout: 2
      timeout: 30
      hidden-visibility: after_published
      late-penalty-per-day: 0.25
    ---

    ```swift id=square solution
    func square(_ x: Int) -> Int {
      // BEGIN SOLUTION
      return x * x
      // END SOLUTION
    }
    ```

    ```swift id=t-small test points=2
    checkEqual("square 3", square(3), 9)
    ```

    ```swift id=t-big test hidden points=3
    checkEqual("square 1234", square(1234), 1522756)
    ```

    """

  /// What must never reach a student: the hidden test's call and expected value.
  static let secrets = ["square(1234)", "1522756"]

  /// A Gradescope-like root with the zip unpacked in `source/`.
  struct Root {
    let folder: URL
    var path: String { folder.path }

    init() throws {
      let lab = try temporaryLab("tiny", AutograderTests.lab)
      folder = lab
      let zip = lab.appendingPathComponent("autograder.zip").path
      let export = try labbook(["autograder", "labs/tiny.md", "-o", zip], in: lab)
      #expect(export.status == 0, "\(export.stderr)")
      #expect(
        export.stderr.contains("stops on Gradescope until the Swift tarball's SHA-256"),
        "an export without --swift-sha256 warns: \(export.stderr)")
      try unzip(zip, into: lab.appendingPathComponent("source").path)
      try FileManager.default.copyItem(
        atPath: path + "/source/run_autograder", toPath: path + "/run_autograder")
    }

    /// Replaces `submission/` with `files` (name → text) and the metadata.
    func submit(_ files: [String: String], metadata: String? = nil) throws {
      let submission = folder.appendingPathComponent("submission")
      try? FileManager.default.removeItem(at: submission)
      try? FileManager.default.removeItem(atPath: path + "/results")
      try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
      for (name, text) in files {
        let file = submission.appendingPathComponent(name)
        try FileManager.default.createDirectory(
          at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
      }
      let meta = path + "/submission_metadata.json"
      try? FileManager.default.removeItem(atPath: meta)
      if let metadata { try metadata.write(toFile: meta, atomically: true, encoding: .utf8) }
    }

    /// Runs `run_autograder` and returns results.json, parsed, and its text.
    /// `bin` is put first on PATH (default: this build's folder).
    func grade(bin: String = labbookExecutable().deletingLastPathComponent().path) throws -> (
      object: [String: Any], text: String
    ) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path + "/run_autograder")
      var environment = ProcessInfo.processInfo.environment
      environment["AUTOGRADER_ROOT"] = path
      environment["PATH"] = bin + ":" + (environment["PATH"] ?? "")
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let text = try String(contentsOfFile: path + "/results/results.json", encoding: .utf8)
      let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return (object ?? [:], text)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
  }

  /// The lab with the body of `square` replaced.
  static func copy(body: String) -> String {
    lab.replacingOccurrences(of: "  return x * x\n", with: "  " + body + "\n")
  }

  /// Checks the fields Gradescope reads and that no secret leaked;
  /// returns each test's score by name.
  static func validate(_ results: (object: [String: Any], text: String)) -> [String: Double] {
    let object = results.object
    #expect(object["score"] is NSNumber)
    #expect(object["execution_time"] is NSNumber)
    #expect(object["stdout_visibility"] as? String == "hidden")
    for secret in secrets { #expect(!results.text.contains(secret), "leaked \(secret)") }
    var scores: [String: Double] = [:]
    let tests = object["tests"] as? [[String: Any]] ?? []
    for test in tests {
      let name = test["name"] as? String ?? "?"
      #expect(test["score"] is NSNumber && test["max_score"] is NSNumber, "\(name)")
      #expect(["passed", "failed"].contains(test["status"] as? String ?? ""), "\(name)")
      #expect(test["output"] is String, "\(name)")
      let expected = name == "t-big" ? "after_published" : "visible"
      #expect(test["visibility"] as? String == expected, "\(name)")
      scores[name] = (test["score"] as? NSNumber)?.doubleValue
    }
    #expect(Set(scores.keys) == ["t-small", "t-big"])
    return scores
  }

  @Test func gradesCorrectWrongBrokenAndLoopingSubmissions() throws {
    let root = try Root()
    defer { root.remove() }
    #expect(
      FileManager.default.isExecutableFile(atPath: root.path + "/source/setup.sh"),
      "setup.sh lost its executable bit in the zip")

    try root.submit(["tiny.md": Self.lab])
    var results = try root.grade()
    #expect(Self.validate(results) == ["t-small": 2, "t-big": 3])
    #expect((results.object["score"] as? NSNumber)?.doubleValue == 5)

    // A README beside the lab's file does not stop grading.
    try root.submit(["tiny.md": Self.lab, "README.md": "# My notes\n"])
    results = try root.grade()
    #expect(Self.validate(results) == ["t-small": 2, "t-big": 3])

    try root.submit(["nested/copy.md": Self.copy(body: "return x < 100 ? x * x : 0")])
    results = try root.grade()
    #expect(Self.validate(results) == ["t-small": 2, "t-big": 0])

    try root.submit(["tiny.md": Self.copy(body: "return x * y")])
    results = try root.grade()
    #expect(Self.validate(results) == ["t-small": 0, "t-big": 0])
    // Located in the student's own file, named without the autograder's folders.
    let outputs = (results.object["tests"] as? [[String: Any]] ?? []).map {
      $0["output"] as? String ?? ""
    }
    #expect(outputs.allSatisfy { $0.contains("cannot find 'y' in scope") })
    #expect(outputs.allSatisfy { $0.hasSuffix("(at tiny.md:14:14)") }, "\(outputs)")

    try root.submit(["tiny.md": Self.copy(body: "while true {}")])
    results = try root.grade()
    #expect(Self.validate(results) == ["t-small": 0, "t-big": 0])
  }

  @Test func explainsUploadsThatCannotBeGraded() throws {
    let root = try Root()
    defer { root.remove() }
    let cases: [([String: String], String)] = [
      ([:], "No .md file"),
      (["a.md": Self.lab, "b.md": Self.lab], "2 .md files (a.md, b.md)"),
      (["notes.md": "# My notes\n\n```swift id=other\nprint(1)\n```\n"], "not look like a copy"),
    ]
    for (files, message) in cases {
      try root.submit(files)
      let results = try root.grade()
      #expect((results.object["output"] as? String ?? "").contains(message), "\(files.keys)")
      #expect((results.object["score"] as? NSNumber)?.doubleValue == 0)
      #expect(Self.validate(results) == ["t-small": 0, "t-big": 0])
    }
  }

  @Test func saysTheSetupFailedWhenLabbookWritesNothing() throws {
    let root = try Root()
    defer { root.remove() }
    let bin = root.path + "/fake-bin"
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    try "#!/bin/sh\nexit 3\n".write(toFile: bin + "/labbook", atomically: true, encoding: .utf8)
    chmod(bin + "/labbook", 0o755)
    try root.submit(["tiny.md": Self.lab])
    let results = try root.grade(bin: bin)
    #expect((results.object["output"] as? String ?? "").contains("problem in its setup"))
    #expect((results.object["score"] as? NSNumber)?.doubleValue == 0)
    #expect(results.object["stdout_visibility"] as? String == "hidden")
  }

  @Test func appliesTheLatePolicyToTheScore() throws {
    let root = try Root()
    defer { root.remove() }
    // 1 day and 1 hour late: 2 started days at 25% each leave half of 5 points.
    let metadata = """
      {"created_at": "2026-03-03T01:00:00.123456+00:00",
       "assignment": {"due_date": "2026-03-02T00:00:00.000000+00:00"},
       "users": [{"email": "ada@example.edu", "name": "Ada"}]}
      """
    try root.submit(["tiny.md": Self.lab], metadata: metadata)
    let results = try root.grade()
    #expect(Self.validate(results) == ["t-small": 2, "t-big": 3])
    #expect((results.object["score"] as? NSNumber)?.doubleValue == 2.5)
    #expect((results.object["output"] as? String ?? "").contains("2 day(s) late"))
  }
}

/// Unpacks `zip` into `folder` with Python's zipfile (an implementation
/// independent of ours), restoring the Unix modes from the entries.
func unzip(_ zip: String, into folder: String) throws {
  let script = """
    import os, sys, zipfile
    with zipfile.ZipFile(sys.argv[1]) as z:
        assert z.testzip() is None, "bad CRC"
        for info in z.infolist():
            path = z.extract(info, sys.argv[2])
            mode = info.external_attr >> 16
            if mode:
                os.chmod(path, mode & 0o777)
    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script, zip, folder]
  try process.run()
  process.waitUntilExit()
  #expect(process.terminationStatus == 0, "python3 could not unpack \(zip)")
}
