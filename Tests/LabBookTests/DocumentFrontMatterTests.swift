import Testing

@testable import LabBook

@Suite struct DocumentFrontMatterTests {
  @Test func knownKeysAreReadWithInferredParamTypes() throws {
    let source = """
      ---
      title: Weight initialisation
      seed: 42
      params:
        depth: 6
        std: 0.01
        tanh: true
        name: "7"
        act: relu
        lr: 1e-3
        shift: -2
      timeout: 90
      data: [data/a.csv, b.csv]
      grading:
        late: 0.1
        rubric: strict
      ---
      # Body
      """
    let document = try parseLab(source)
    let front = document.frontMatter
    #expect(front.title == "Weight initialisation")
    #expect(front.seed == 42)
    #expect(front.params.map(\.name) == ["depth", "std", "tanh", "name", "act", "lr", "shift"])
    #expect(front.param("depth") == .int(6))
    #expect(front.param("std") == .double(0.01))
    #expect(front.param("tanh") == .bool(true))
    #expect(front.param("name") == .string("7"))
    #expect(front.param("act") == .string("relu"))
    #expect(front.param("lr") == .double(0.001))
    #expect(front.param("shift") == .int(-2))
    #expect(front.timeout == 90)
    #expect(front.data == ["data/a.csv", "b.csv"])
    #expect(front.grading == ["late": "0.1", "rubric": "strict"])
    #expect(front.location?.line == 1)
    #expect(document.warnings.isEmpty)
    guard case .prose(let prose) = document.blocks.first else {
      Issue.record("expected the body as prose")
      return
    }
    #expect(prose.markdown == "# Body")
    #expect(prose.location.line == 18)
  }

  @Test func cellsAfterFrontMatterKeepFileLines() throws {
    let document = try parseLab("---\ntitle: x\n...\n```swift\ny\n```\n")
    #expect(document.cells.first?.fenceLocation.line == 4)
    #expect(document.frontMatter.title == "x")
  }

  @Test func withoutFrontMatterTheDefaultsApply() throws {
    let front = try parseLab("# Lab\n").frontMatter
    #expect(front.title == nil && front.seed == nil && front.timeout == nil)
    #expect(front.params.isEmpty && front.data.isEmpty && front.grading.isEmpty)
    #expect(front.location == nil)
  }

  @Test func emptyFrontMatterIsAccepted() throws {
    let document = try parseLab("---\n---\ntext\n")
    #expect(document.frontMatter.location?.line == 1)
    #expect(document.blocks.count == 1)
  }

  @Test func unknownKeyWarnsWithTheKnownKeys() throws {
    let document = try parseLab("---\ntitle: a\nseeed: 3\n---\n")
    let warning = try #require(document.warnings.first(containing: "\"seeed\""))
    #expect(position(warning) == "3:1")
    #expect(warning.hint.contains("did you mean \"seed\""))
    #expect(warning.hint.contains("title, seed, params, timeout, memory, data, grading"))
  }

  @Test func frontMatterThatNeverClosesIsAnError() {
    let errors = labErrors("---\ntitle: a\n\n# Lab\n")
    #expect(errors.count == 1)
    #expect(position(errors.first(containing: "never closed")) == "1:1")
  }

  @Test func malformedYAMLIsLocatedOnTheLabsLine() {
    // "title: a: b": the second ":" is at column 9 of file line 2.
    let error = labErrors("---\ntitle: a: b\n---\n").first(containing: "not valid YAML")
    #expect(position(error) == "2:9")
  }

  @Test func yamlColumnsAreCountedInBytes() {
    // "é" is two bytes, so the second ":" of "title: é: b" is at byte column 10.
    let error = labErrors("---\ntitle: é: b\n---\n").first(containing: "not valid YAML")
    #expect(position(error) == "2:10")
  }

  @Test func tabIndentationIsAnError() {
    let error = labErrors("---\nparams:\n\tdepth: 6\n---\n").first(containing: "not valid YAML")
    #expect(error?.location?.line == 3)
  }

  @Test func aliasesAreRefused() {
    let errors = labErrors("---\ngrading: &g {a: 1}\nparams: *g\n---\n")
    #expect(position(errors.first(containing: "aliases")) == "3:9")
  }

  @Test func billionLaughsIsRefusedQuickly() {
    var yaml = "---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
      let previous = (0..<9).map { _ in "*l\(level - 1)" }.joined(separator: ", ")
      yaml += "l\(level): &l\(level) [\(previous)]\n"
    }
    let errors = labErrors(yaml + "---\n")
    #expect(errors.first(containing: "aliases")?.location?.line == 3)
  }

  @Test func deepNestingIsRefused() {
    let depth = 10_000
    let yaml =
      "---\ntitle: " + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "\n---\n"
    #expect(labErrors(yaml).first(containing: "nests deeper") != nil)
  }

  @Test func badSeedsAreErrors() {
    #expect(position(labErrors("---\nseed: -1\n---\n").first(containing: "seed")) == "2:7")
    #expect(labErrors("---\nseed: 1.5\n---\n").first(containing: "\"1.5\"") != nil)
    #expect(labErrors("---\nseed: [1]\n---\n").first(containing: "seed") != nil)
  }

  @Test func nonPositiveTimeoutIsAnError() {
    #expect(position(labErrors("---\ntimeout: 0\n---\n").first(containing: "timeout")) == "2:10")
    #expect(labErrors("---\ntimeout: soon\n---\n").first(containing: "\"soon\"") != nil)
  }

  @Test(arguments: [
    ("4G", UInt64(4) << 30), ("512M", 512 << 20), ("1.5GiB", 3 << 29), ("64 MB", 64 << 20),
    ("2t", UInt64(2) << 40), ("100K", 102_400),
  ])
  func memoryTakesAnAmountInBinaryUnits(text: String, bytes: UInt64) throws {
    #expect(try parseLab("---\nmemory: \(text)\n---\n").frontMatter.memory == bytes)
  }

  @Test func memoryWithoutAUnitOrPositiveAmountIsAnError() {
    for text in ["4096", "0G", "lots", "-1G", "4X", "[4G]"] {
      let error = labErrors("---\nmemory: \(text)\n---\n").first(containing: "memory")
      #expect(position(error) == "2:9", "memory: \(text)")
      #expect(error?.hint.contains("memory: 4G") == true)
    }
  }

  @Test func absoluteDataPathIsAnError() {
    let errors = labErrors("---\ndata:\n  - ok.csv\n  - /etc/passwd\n---\n")
    #expect(position(errors.first(containing: "absolute")) == "4:5")
  }

  @Test func paramProblemsAreErrors() {
    #expect(labErrors("---\nparams:\n  2x: 1\n---\n").first(containing: "\"2x\"") != nil)
    #expect(labErrors("---\nparams:\n  a: [1]\n---\n").first(containing: "single value") != nil)
    #expect(
      position(labErrors("---\nparams:\n  a:\n---\n").first(containing: "no default")) == "3:5")
    #expect(labErrors("---\nparams: 3\n---\n").first(containing: "mapping") != nil)
  }

  @Test func repeatedKeysAreErrorsNamingTheFirst() {
    let error = labErrors("---\nseed: 1\nseed: 2\n---\n").first(containing: "given twice")
    #expect(position(error) == "3:1")
    #expect(error?.message.contains("lab.md:2:1") == true)
  }

  @Test func nonMappingFrontMatterIsAnError() {
    #expect(position(labErrors("---\n- a\n---\n").first(containing: "mapping")) == "2:1")
  }

  @Test func crlfFrontMatterIsReadAndLocated() throws {
    let document = try parseLab("---\r\ntitle: x\r\nseed: 5\r\ncolour: red\r\n---\r\ntext\r\n")
    #expect(document.frontMatter.title == "x" && document.frontMatter.seed == 5)
    #expect(position(document.warnings.first(containing: "colour")) == "4:1")
  }
}
