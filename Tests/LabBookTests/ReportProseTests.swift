import Testing

@testable import LabBook

/// The instructor's prose: maths protected from cmark, `{{name}}` values,
/// code left alone, raw HTML kept, headings anchored.
@Suite struct ReportProseTests {
  func render(
    _ markdown: String, values: [String: RecordedValue] = [:]
  ) -> String {
    var renderer = ProseRenderer(values: values)
    return renderer.render(markdown)
  }

  @Test func inlineMathKeepsBackslashesAndUnderscores() {
    let html = render("Xavier: $\\sigma = 1/\\sqrt{D_{in}}$ and $a_1 * b_2 * c$.")
    #expect(html.contains("<code class=\"math\">\\sigma = 1/\\sqrt{D_{in}}</code>"))
    #expect(html.contains("<code class=\"math\">a_1 * b_2 * c</code>"))
    #expect(!html.contains("<em>"))
  }

  @Test func displayMathBecomesADisplayBlock() {
    let html = render("$$\n\\sum_{i=1}^{n} x_i^2\n$$\n")
    #expect(html.contains("<code class=\"math display\">\\sum_{i=1}^{n} x_i^2</code>"))
  }

  @Test func pricesAreNotMaths() {
    let html = render("A coffee costs $5 and a sandwich $6.")
    #expect(html.contains("A coffee costs $5 and a sandwich $6."))
    #expect(!html.contains("math"))
  }

  @Test func dollarFollowedBySpaceDoesNotOpenMaths() {
    let html = render("from $ 3 to 4$ here")
    #expect(!html.contains("math"))
  }

  @Test func escapedDollarIsLiteral() {
    let html = render("costs \\$x$ today")
    #expect(!html.contains("math"))
    #expect(html.contains("$x$"))
  }

  @Test func mathInHTMLIsEscaped() {
    let html = render("$a<b$")
    #expect(html.contains("<code class=\"math\">a&lt;b</code>"))
  }

  @Test func codeSpansAndFencesKeepDollarsAndBraces() {
    let html = render(
      """
      Inline `$x_1$ {{steps}}` stays.

      ```python
      price = "$5" + "{{steps}}"  # $y_2$
      ```
      """, values: ["steps": .number(200)])
    #expect(html.contains("<code>$x_1$ {{steps}}</code>"))
    #expect(html.contains("{{steps}}&quot;  # $y_2$"))
    #expect(!html.contains("math"))
    #expect(!html.contains("200"))
  }

  @Test func valueReferenceShowsTheRecordedDisplay() {
    let html = render(
      "Loss {{ final_loss }} after {{steps}} steps: {{curve}}.",
      values: [
        "final_loss": .number(0.1234567), "steps": .number(200), "curve": .series([1, 2.5]),
      ])
    // 0.1234567 to four significant digits.
    #expect(html.contains(">0.1235</span>"))
    #expect(html.contains(">200</span>"))
    #expect(html.contains(">[1, 2.5]</span>"))
  }

  @Test func unknownValueShowsAVisibleMarker() {
    let html = render("Loss: {{ nope }}.")
    #expect(html.contains("<span class=\"missing-value\""))
    #expect(html.contains("⟨no value: nope⟩"))
  }

  @Test func valueTextIsEscapedNotMarkdown() {
    let html = render("Got {{msg}}.", values: ["msg": .text("<b>*x*</b> & y")])
    #expect(html.contains(">&lt;b&gt;*x*&lt;/b&gt; &amp; y</span>"))
  }

  @Test func instructorRawHTMLIsKept() {
    let html = render("Some <b>bold</b> and <span class=\"x\">span</span>.")
    #expect(html.contains("<b>bold</b>"))
    #expect(html.contains("<span class=\"x\">span</span>"))
  }

  @Test func headingsGetUniqueAnchors() {
    var renderer = ProseRenderer(values: [:], usedIDs: ["cell-intro"])
    let html = renderer.render("## Results & Notes\n\n## Results & Notes\n\n### $x_1$ plot\n")
    #expect(html.contains("<h2 id=\"results-notes\">Results &amp; Notes</h2>"))
    #expect(html.contains("<h2 id=\"results-notes-2\">"))
    #expect(renderer.headings.map(\.id) == ["results-notes", "results-notes-2", "x-1-plot"])
    #expect(renderer.headings[0].text == "Results & Notes")
  }

  @Test func mathDoesNotRunIntoCodeSpans() {
    let html = render("costs $5 and `$x$` here")
    #expect(!html.contains("class=\"math\""))
    #expect(html.contains("<code>$x$</code>"))
  }

  @Test func thousandsOfUnclosedOpenersRenderAsText() {
    // Each failed search is not repeated, so this stays linear, not quadratic.
    // No `}}` ever closes, and every `$` has a space before it, so none closes.
    let markdown =
      String(repeating: "{{x ", count: 20_000) + String(repeating: "$x ", count: 20_000)
    let html = render(markdown)
    #expect(!html.contains("math") && !html.contains("value"))
    #expect(html.contains("{{x {{x") && html.contains("$x $x"))
  }

  @Test func displayMathDoesNotCrossABlankLine() {
    let html = render("$$ a\n\nb $$")
    #expect(!html.contains("math"))
    #expect(html.contains("<p>$$ a</p>"))
  }

  @Test func unclosedFenceKeepsTheRestAsCode() {
    let html = render("```\n$x$ {{a}}\n")
    #expect(!html.contains("math") && !html.contains("missing-value"))
  }
}

/// The light Swift colouring of cell code.
@Suite struct ReportHighlighterTests {
  @Test func keywordsStringsCommentsAndNumbersGetClasses() {
    let html = SwiftHighlighter.html("let x = \"a<b\" // 2 & more\nvar n = 0.05")
    #expect(
      html.contains("<span class=\"k\">let</span> x = <span class=\"s\">&quot;a&lt;b&quot;</span>"))
    #expect(html.contains("<span class=\"c\">// 2 &amp; more</span>"))
    #expect(html.contains("<span class=\"n\">0.05</span>"))
  }

  @Test func argumentLabelDefaultIsNotTheKeyword() {
    let label = SwiftHighlighter.html("param(\"w\", default: 4)")
    #expect(!label.contains("<span class=\"k\">default</span>"))
    let keyword = SwiftHighlighter.html("switch x {\ndefault: break\n}")
    #expect(keyword.contains("<span class=\"k\">default</span>"))
  }

  @Test func rangeAfterANumberIsNotPartOfIt() {
    #expect(SwiftHighlighter.html("0..<3").hasPrefix("<span class=\"n\">0</span>..&lt;"))
  }
}
