import Testing

@testable import LabBook

@Suite struct DocumentSpellingTests {
  @Test func editDistanceMatchesTextbookValues() {
    // kitten → sitting: two substitutions and one insertion.
    #expect(Spelling.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(Spelling.editDistance(Array(""), Array("abc")) == 3)
    #expect(Spelling.editDistance(Array("flaw"), Array("lawn")) == 2)
    // A swap of neighbours is one edit; "ca" → "abc" stays 3 in optimal
    // string alignment (no edit on a swapped pair), the textbook contrast.
    #expect(Spelling.editDistance(Array("titel"), Array("title")) == 1)
    #expect(Spelling.editDistance(Array("ca"), Array("abc")) == 3)
  }

  @Test func shortFrontMatterKeysWithSwappedLettersGetASuggestion() throws {
    let document = try parseLab("---\ntitel: T\nsede: 1\n---\n")
    #expect(
      document.warnings.first(containing: "\"titel\"")?.hint.hasPrefix("did you mean \"title\"")
        == true)
    #expect(
      document.warnings.first(containing: "\"sede\"")?.hint.hasPrefix("did you mean \"seed\"")
        == true)
  }

  @Test func paramCallsTheFrontMatterDoesNotDeclareAreWarnedAtTheCall() throws {
    let document = try parseLab(
      "---\nparam:\n  lr: 0.1\n---\n\n```swift\nlet lr = param(\"lr\", default: 0.5)\n"
        + "print(param(\"lr\", default: 0.5), \"param(\\\"x\\\")\")\n```\n")
    let warnings = document.warnings.filter { $0.message.hasPrefix("param ") }
    // Once per name; `param(` is at column 10 of line 7, after `let lr = `.
    #expect(warnings.count == 1)
    #expect(position(warnings.first) == "7:10")
    #expect(warnings.first?.hint.contains("\"param:\" on line 2 is not \"params:\"") == true)
  }

  @Test func yesAndNoParamsAreWarnedAsText() throws {
    let document = try parseLab("---\nparams:\n  use_bias: yes\n  name: \"no\"\n---\n")
    #expect(document.frontMatter.param("use_bias") == .string("yes"))
    let warnings = document.warnings.filter { $0.message.contains("not a boolean") }
    // Only the plain `yes`, at its value (line 3, column 13); a quoted "no" is meant.
    #expect(warnings.map(position) == ["3:13"])
  }

  @Test func declaredParamCallsAreNotWarned() throws {
    let document = try parseLab(
      "---\nparams:\n  lr: 0.1\n---\n\n```swift\nlet lr = param(\"lr\", default: 0.5)\n```\n")
    #expect(document.warnings.isEmpty)
  }

  @Test func closestNameIsSuggestedOnlyWhenNear() {
    let known = AttributeRules.cell.known
    #expect(Spelling.closest(to: "soluton", in: known) == "solution")
    #expect(Spelling.closest(to: "HIDE", in: known) == "hide")
    #expect(Spelling.closest(to: "colour", in: known) == nil)
    #expect(Spelling.closest(to: String(repeating: "x", count: 1000), in: known) == nil)
  }
}
