import Testing

@testable import LabBook

/// `{{name}}` naming a front-matter parameter: one rule (`ProseValues`) for
/// the report, its warnings and the handout.
@Suite struct ReportParamValueTests {
  static let source = """
    ---
    params:
      width: 512
      lr: 0.001
      schedule: "cosine"
    ---

    Each layer is {{width}} wide, trained at {{ lr }} with {{schedule}}.

    ```swift id=a
    print(1)
    ```
    """

  /// A run of `source` that used `params` and recorded `values`.
  private func run(
    params: [String: ParamValue], values: [String: RecordedValue] = [:]
  ) -> RunResult {
    RunResult(
      lab: "lab", title: "Lab", seed: 0, params: params, startedAt: "t", labbookVersion: "0",
      cells: [
        CellResult(
          id: "a", status: .ok,
          outputs: values.sorted { $0.key < $1.key }.map { .value(name: $0, value: $1) })
      ])
  }

  private func html(_ result: RunResult) throws -> String {
    let document = try parseLab(Self.source)
    return Report(document: document, result: result, options: .init(inlineKaTeX: false)).html()
  }

  private func shown(_ name: String, _ text: String) -> String {
    "<span class=\"value-ref\" data-name=\"\(name)\">\(text)</span>"
  }

  @Test func reportShowsEachParameterAsTheRunUsedIt() throws {
    // width as `--set width=64` gives it; the others at their defaults.
    let page = try html(
      run(params: ["width": .int(64), "lr": .double(0.001), "schedule": .string("cosine")]))
    #expect(page.contains(shown("width", "64")), "the override, not the default 512")
    #expect(page.contains(shown("lr", "0.001")))
    #expect(page.contains(shown("schedule", "cosine")))
    #expect(!page.contains("no value"))
  }

  @Test func recordedValueOfTheSameNameWinsOverTheParameter() throws {
    let page = try html(run(params: ["width": .int(64)], values: ["width": .number(100)]))
    #expect(page.contains(shown("width", "100")))
  }

  @Test func parameterInProseIsNoWarning() throws {
    let document = try parseLab(Self.source)
    let result = run(params: ["width": .int(8), "lr": .double(0.5), "schedule": .string("x")])
    #expect(Report(document: document, result: result).warnings.isEmpty)
  }

  @Test func misspeltParameterIsSuggested() throws {
    let document = try parseLab(
      Self.source.replacingOccurrences(of: "{{width}}", with: "{{widht}}"))
    let result = run(params: ["width": .int(8), "lr": .double(0.5), "schedule": .string("x")])
    let warnings = Report(document: document, result: result).warnings
    #expect(warnings.count == 1)
    #expect(warnings.first?.hint.contains("did you mean \"width\"") == true)
  }

  @Test func handoutWithoutARunShowsTheDefaults() throws {
    let page = HandoutPage(student: try parseLab(Self.source), options: .init(inlineKaTeX: false))
      .html()
    #expect(page.contains(shown("width", "512")))
    #expect(page.contains(shown("lr", "0.001")))
    #expect(page.contains(shown("schedule", "cosine")))
  }

  @Test func handoutWithReferenceFiguresShowsTheRunsParameters() throws {
    var allowing = try parseLab(Self.source)
    allowing.frontMatter.handout = ["figures": "true"]
    let page = HandoutPage(
      student: allowing, reference: run(params: ["width": .int(64)]),
      options: .init(inlineKaTeX: false)
    ).html()
    #expect(page.contains(shown("width", "64")))
    // Parameters the run does not list keep their defaults.
    #expect(page.contains(shown("lr", "0.001")))
  }

  @Test func numbersFollowTheRecordedValueRule() {
    // Four significant digits: 2/3 → 0.6667; a whole double prints as an integer.
    let values = ProseValues.resolve(
      params: ["third": .double(2.0 / 3.0), "two": .double(2), "flag": .bool(true)],
      recorded: [:])
    #expect(values["third"]?.display == "0.6667")
    #expect(values["two"]?.display == "2")
    #expect(values["flag"]?.display == "true")
  }
}
