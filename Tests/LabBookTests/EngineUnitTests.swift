import Foundation
import Testing

@testable import LabBook

/// The engine's parts that need no compiler: hashing, parameters,
/// diagnostics parsing, JSON encoding of non-finite numbers, and errors.
@Suite struct EngineUnitTests {
  /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf"), and the empty message.
  @Test(arguments: [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func sha256MatchesPublishedVectors(message: String, digest: String) {
    var hasher = SHA256()
    hasher.update(message)
    #expect(hasher.hexDigest() == digest)
  }

  @Test func sha256OfAMillionAsMatchesPublishedVector() {
    var hasher = SHA256()
    hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(
      hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func setOverridesAreTypedLikeTheirDefaults() throws {
    let declared: [(name: String, value: ParamValue)] = [
      ("lr", .double(0.1)), ("epochs", .int(5)), ("augment", .bool(false)),
      ("act", .string("relu")),
    ]
    let resolved = try ParamBinding.resolve(
      ["lr": "3e-4", "epochs": "12", "augment": "TRUE", "act": "tanh"], declared: declared,
      lab: "labs/x.md")
    #expect(resolved.map(\.name) == ["lr", "epochs", "augment", "act"])
    #expect(resolved.map(\.value) == [.double(3e-4), .int(12), .bool(true), .string("tanh")])
  }

  @Test func unknownParameterSuggestsTheClosestName() {
    #expect(
      throws: EngineError.unknownParam(
        name: "learning_rat", suggestion: "learning_rate", known: ["learning_rate", "epochs"],
        lab: "labs/x.md")
    ) {
      try ParamBinding.resolve(
        ["learning_rat": "1"], declared: [("learning_rate", .double(1)), ("epochs", .int(1))],
        lab: "labs/x.md")
    }
  }

  @Test func parameterValueOfTheWrongTypeIsRejected() {
    #expect(
      throws: EngineError.invalidParam(
        name: "epochs", value: "2.5", expected: "an integer", lab: "labs/x.md")
    ) {
      try ParamBinding.resolve(["epochs": "2.5"], declared: [("epochs", .int(1))], lab: "labs/x.md")
    }
  }

  /// Front matter has no yes/no booleans (docs/lab-format.md); nor has `--set`.
  @Test(arguments: ["yes", "no", "1", "0", "on", "off"])
  func booleanParameterTakesOnlyTrueOrFalse(raw: String) {
    #expect(
      throws: EngineError.invalidParam(
        name: "use_dropout", value: raw, expected: "true or false", lab: "labs/x.md")
    ) {
      try ParamBinding.resolve(
        ["use_dropout": raw], declared: [("use_dropout", .bool(true))], lab: "labs/x.md")
    }
  }

  @Test func paramsTravelEscapedInTheEnvironment() {
    let text = ParamBinding.environmentText([("a", .string("x\\y\nz")), ("b", .int(2))])
    #expect(text == "a=x\\\\y\\nz\nb=2")
  }

  @Test func compilerDiagnosticsMapToCellsAndShiftIndentedColumns() {
    let cells = [
      Cell(
        id: "a", code: "let x = 1\nlet y = 2\n",
        fenceLocation: SourceLocation(file: "labs/x.md", line: 4), codeLine: 5),
      Cell(
        id: "b", code: "print(z)\n", fenceLocation: SourceLocation(file: "labs/x.md", line: 9),
        codeLine: 10, codeColumn: 3),
    ]
    let document = LabDocument(
      path: "labs/x.md", source: "", frontMatter: FrontMatter(), blocks: cells.map { .cell($0) })
    let program = LabProgram(document)
    let output = CompilerOutput(
      """
      labs/x.md:6:5: warning: initialization of immutable value 'y' was never used
      labs/x.md:10:7: error: cannot find 'z' in scope
      /tmp/labbook-1/main.swift:3:1: error: something in the glue
      error: link command failed with exit code 1
      """, labPath: "labs/x.md", program: program)

    #expect(output.entries.map(\.cellIndex) == [0, 1, nil, nil])
    #expect(
      output.entries[1].diagnostic.location
        == SourceLocation(file: "labs/x.md", line: 10, column: 9))
    #expect(output.entries[1].diagnostic.message == "cannot find 'z' in scope")
    #expect(output.errors.count == 3)
    #expect(output.entries[3].diagnostic.message == "link command failed with exit code 1")
  }

  @Test func programMarksEachCellWithItsLabLine() {
    let cell = Cell(
      id: "init \"a\"", code: "print(1)\n",
      fenceLocation: SourceLocation(file: "labs/x.md", line: 7), codeLine: 8)
    let document = LabDocument(
      path: "labs/x.md", source: "", frontMatter: FrontMatter(), blocks: [.cell(cell)])
    let text = LabProgram(document).text
    #expect(
      text.contains(
        "_LabRuntime.beginCell(0, id: \"init \\\"a\\\"\")\n"
          + "#sourceLocation(file: \"labs/x.md\", line: 8)\nprint(1)\n#sourceLocation()\n"
          + "_LabRuntime.endCell(0)\n"))
  }

  @Test func cellScanFindsTopLevelDeclarationsAndImports() {
    let scan = CellScan(
      """
      import Glibc
      @preconcurrency import Foundation
      private let (a, b) = (1, 2)
      var c = 0  // var notMe
      func f(x: Int) {
        let inner = x
      }
      /* let commented = 1
         import Nope */
      let s = \"""
        let inString = 1
        \"""
      struct Model { var w = 0 }
      """)
    #expect(scan.names == ["a", "b", "c", "f", "s", "Model"])
    #expect(scan.importLines == [0, 1])
  }

  @Test func programNestsOnlyCellsThatRedeclareAndLiftsImports() {
    let cells = ["let x = 1\n", "import Glibc\nlet x = 2\n", "print(x)\n"].enumerated().map {
      Cell(
        id: "c\($0.offset)", code: $0.element,
        fenceLocation: SourceLocation(file: "x.md", line: 1 + 4 * $0.offset),
        codeLine: 2 + 4 * $0.offset)
    }
    let document = LabDocument(
      path: "x.md", source: "", frontMatter: FrontMatter(), blocks: cells.map { .cell($0) })
    let text = LabProgram(document).text
    #expect(
      text.hasPrefix(
        "import LabKit\n#sourceLocation(file: \"x.md\", line: 6)\nimport Glibc\n"
          + "#sourceLocation()\n"))
    #expect(text.components(separatedBy: "do {\n").count == 2)
    #expect(text.contains("do {\n_LabRuntime.beginCell(1, id: \"c1\")"))
    #expect(text.hasSuffix("_LabRuntime.endCell(2)\n}\n_LabRuntime.finish()\n"))
  }

  @Test func nonFiniteNumbersRoundTripThroughTheResultJSON() throws {
    var result = RunResult(
      lab: "x", title: "X", seed: 1, startedAt: "2026-01-01T00:00:00Z", labbookVersion: "0")
    result.cells = [
      CellResult(
        id: "a", status: .ok,
        outputs: [.value(name: "v", value: .series([.nan, .infinity, -.infinity, 1]))])
    ]
    let data = try result.jsonData()
    #expect(String(decoding: data, as: UTF8.self).contains("\"nan\""))
    let back = try RunResult(jsonData: data)
    guard case .series(let values) = back.values["v"] else {
      Issue.record("no series")
      return
    }
    #expect(values[0].isNaN && values[1] == .infinity && values[2] == -.infinity && values[3] == 1)
  }

  /// The shapes docs/run-json.md promises to readers in other languages.
  @Test func resultJSONHasTheDocumentedShape() throws {
    var result = RunResult(
      lab: "x", title: "X", seed: 1, params: ["lr": .double(0.5)],
      startedAt: "2026-01-01T00:00:00Z", labbookVersion: "0")
    result.cells = [
      CellResult(
        id: "a", status: .timedOut,
        outputs: [
          .text(stream: .stdout, text: "hi"), .value(name: "v", value: .number(0.5)),
          .check(CheckResult(name: "c", passed: true, message: "", points: 1, score: 1)),
        ])
    ]
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.jsonData()) as? [String: Any])
    let params = object["params"] as? [String: [String: Double]]
    #expect(params?["lr"]?["double"] == 0.5)
    let cell = try #require((object["cells"] as? [[String: Any]])?.first)
    #expect(cell["status"] as? String == "timedOut")
    let outputs = try #require(cell["outputs"] as? [[String: Any]])
    #expect(outputs.map { $0["type"] as? String } == ["text", "value", "check"])
    #expect(outputs[0]["stream"] as? String == "stdout" && outputs[0]["text"] as? String == "hi")
    #expect(outputs[1]["name"] as? String == "v" && outputs[1]["value"] as? Double == 0.5)
    #expect((outputs[2]["check"] as? [String: Any])?["score"] as? Double == 1)
  }

  @Test func missingCompilerSaysHowToFixIt() {
    #expect(throws: EngineError.compilerNotFound(searched: ["LABBOOK_SWIFTC=/no/swiftc"])) {
      try Toolchain.locate(
        executable: "/no/bin/labbook", environment: ["LABBOOK_SWIFTC": "/no/swiftc"])
    }
    let message = EngineError.compilerNotFound(searched: ["PATH"]).description
    #expect(message.contains("LABBOOK_SWIFTC"))
  }

  @Test func missingLabKitSaysHowToBuildIt() throws {
    let swiftc = try Toolchain.locate().swiftc
    do {
      _ = try Toolchain.locate(
        executable: "/no/bin/labbook", environment: ["LABBOOK_SWIFTC": swiftc])
      Issue.record("found a LabKit under /no")
    } catch {
      guard case .labKitNotFound(let searched) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(searched == ["/no/bin", "/no/lib/labbook"])
      #expect(error.description.contains("swift build -c release --product LabKit"))
    }
  }
}
