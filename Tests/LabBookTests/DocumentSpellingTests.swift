import Testing

@testable import LabBook

@Suite struct DocumentSpellingTests {
  @Test func levenshteinMatchesTextbookValues() {
    // kitten → sitting: two substitutions and one insertion.
    #expect(Spelling.levenshtein(Array("kitten"), Array("sitting")) == 3)
    #expect(Spelling.levenshtein(Array(""), Array("abc")) == 3)
    #expect(Spelling.levenshtein(Array("flaw"), Array("lawn")) == 2)
  }

  @Test func closestNameIsSuggestedOnlyWhenNear() {
    let known = AttributeRules.cell.known
    #expect(Spelling.closest(to: "soluton", in: known) == "solution")
    #expect(Spelling.closest(to: "HIDE", in: known) == "hide")
    #expect(Spelling.closest(to: "colour", in: known) == nil)
    #expect(Spelling.closest(to: String(repeating: "x", count: 1000), in: known) == nil)
  }
}
