import Testing

@testable import LabBook

/// A small instructor lab with one of everything the handout treats.
private let instructorLab = """
  ---
  title: Tiny
  params:
    n: 8
  ---

  Write `double`.

  ```swift id=double solution
  func double(_ x: Int) -> Int {
    // BEGIN SOLUTION
    return x * 2 + 0 * 12345
    // END SOLUTION
  }
  ```

  ```swift id=visible test points=1
  check("double(2) is 4", double(2) == 4)
  ```

  ```swift id=secret-test test hidden points=1
  check("double of a big number", double(1_000_003) == 2_000_006)
  ```

  <!-- instructor -->
  Grading note: many students forget the carry digits here.

  ```swift id=helper-only
  print("instructor helper sentinel")
  ```
  <!-- /instructor -->

  ```swift id=notes instructor
  print("only the instructor runs this cell")
  ```

  Which is right? (A) one (B) two

  ```answer id=q choice points=1
  key: B
  ```

  ```answer id=why text points=1
  Explain.
  key: because doubling adds a number to itself
  ```

  The end.

  """

@Test func studentVersionDropsEverySecretAndKeepsTheRest() throws {
  let handout = try Handout(instructorLab: parseLab(instructorLab))
  let student = handout.markdown
  #expect(!student.contains("x * 2 + 0 * 12345"))
  #expect(!student.contains("1_000_003"))
  #expect(!student.contains("key:"))
  #expect(!student.contains("Grading note"))
  #expect(!student.contains("sentinel"))
  #expect(!student.contains("only the instructor"))
  #expect(!student.contains("<!-- instructor -->"))
  #expect(student.contains("check(\"double(2) is 4\", double(2) == 4)"))
  #expect(student.contains("Write `double`."))
  #expect(student.contains("The end."))
  #expect(student.contains("  // BEGIN SOLUTION\n  fatalError(\"Not implemented"))
  #expect(student.hasPrefix("---\ntitle: Tiny\nparams:\n  n: 8\n---\n"))

  let reread = try parseLab(student)
  #expect(reread.cells.map(\.id) == ["double", "visible"])
  #expect(reread.answers.map(\.id) == ["q", "why"])
  #expect(reread.answers.allSatisfy { $0.key == nil })
  #expect(reread.answers[1].response == "Explain.")
  #expect(try Solutions.regions(in: reread).count == 1)
}

@Test func studentVersionKeepsWindowsLineEndings() throws {
  let source = instructorLab.replacingOccurrences(of: "\n", with: "\r\n")
  let handout = try Handout(instructorLab: parseLab(source))
  #expect(!handout.markdown.contains("x * 2 + 0 * 12345"))
  let bare = handout.markdown.replacingOccurrences(of: "\r\n", with: "")
  #expect(!bare.contains("\n"))
  #expect(try parseLab(handout.markdown).cells.count == 2)
}

@Test func secretsNameTheirKindAndLine() throws {
  let handout = try Handout(instructorLab: parseLab(instructorLab))
  let solution = handout.secrets.filter { $0.kind == .solution }
  #expect(solution.map(\.text) == ["return x * 2 + 0 * 12345"])
  #expect(solution.map(\.location.line) == [12])
  #expect(handout.secrets.contains { $0.kind == .hiddenTest && $0.text.contains("1_000_003") })
  #expect(handout.secrets.filter { $0.kind == .answerKey }.map(\.location.line) == [40, 45])
  #expect(handout.secrets.contains { $0.kind == .instructorOnly && $0.text.contains("sentinel") })
}

@Test func instructorMarkersMustBalance() throws {
  func errors(_ source: String) throws -> [Diagnostic] {
    let document = try parseLab(source)
    do {
      _ = try Handout(instructorLab: document)
      return []
    } catch {
      return error.diagnostics
    }
  }
  let open = try errors("A\n<!-- instructor -->\nB\n")
  #expect(open.count == 1)
  #expect(open[0].message.contains("never closed"))
  #expect(position(open.first) == "2:1")
  let stray = try errors("A\n<!--/INSTRUCTOR-->\n")
  #expect(stray.first?.message.contains("closes no instructor section") == true)
  let nested = try errors("<!-- instructor -->\nA\n<!-- instructor -->\n<!-- /instructor -->\n")
  #expect(nested.first?.message.contains("line 3") == true)
  #expect(nested.first?.message.contains("line 1") == true)
}

@Test func instructorMarkersInsideCodeAreCode() throws {
  let source = "```swift id=a\nlet s = 1\n<!-- instructor -->\n```\n\nAfter.\n"
  let handout = try Handout(instructorLab: parseLab(source))
  #expect(handout.markdown == source)
}

@Test func emptySubmissionStubsRegionsAndKeepsHiddenTests() throws {
  let handout = try Handout(instructorLab: parseLab(instructorLab))
  let lab = handout.instructorLab()
  #expect(lab.cells.map(\.id) == ["double", "visible", "secret-test", "helper-only", "notes"])
  #expect(!lab.cells[0].code.contains("12345"))
  #expect(lab.cells[0].code.contains("fatalError(\"Not implemented"))
  #expect(handout.instructorLab(stubbing: []).cells[0].code == handout.document.cells[0].code)
}

@Test func leakScannerFindsSecretsAndIgnoresTheCleanHandout() throws {
  let handout = try Handout(instructorLab: parseLab(instructorLab))
  let scanner = LeakScanner(handout: handout)
  #expect(scanner.scan(handout.markdown, artefact: "s.md", isHTML: false).isEmpty)

  let leaky =
    "Hint:\n   return   x * 2 + 0 * 12345\n}\nkey: B\nbecause doubling adds a number"
    + " to itself, remember\n"
  let leaks = scanner.scan(leaky, artefact: "s.md", isHTML: false)
  #expect(leaks.map(\.line) == [2, 4, 5])
  #expect(leaks.map(\.secret.kind) == [.solution, .answerKey, .answerKey])
  #expect(leaks[0].description.hasPrefix("s.md:2: solution from lab.md:12:1 leaked"))

  let html =
    "<pre><span class=\"k\">check</span>(&quot;double of a big number&quot;, "
    + "double(1_000_003) == 2_000_006)</pre>"
  let found = scanner.scan(html, artefact: "s.html", isHTML: true)
  #expect(found.map(\.secret.kind) == [.hiddenTest])
}

@Test func leakScannerSkipsShortAndSharedLines() throws {
  let source = """
    ```swift id=a solution
    var total = accumulate()
    // BEGIN SOLUTION
    var total = accumulate()
    return y
    // END SOLUTION
    ```

    """
  let handout = try Handout(instructorLab: parseLab(source))
  let scanner = LeakScanner(handout: handout)
  #expect(
    scanner.scan("var total = accumulate()\nreturn y\n", artefact: "a", isHTML: false).isEmpty)
}

@Test func handoutPageShowsStarterCodeAndFiguresOnlyWhenAllowed() throws {
  let handout = try Handout(instructorLab: parseLab(instructorLab))
  let student = try parseLab(handout.markdown)
  var figure = FigureSpec(kind: .bar, title: "Reference bars")
  figure.labels = ["a"]
  figure.values = [1]
  let run = RunResult(
    lab: "lab", title: "Tiny", seed: 0, startedAt: "", labbookVersion: "",
    cells: [CellResult(id: "visible", status: .ok, outputs: [.figure(figure)])])
  let options = ReportOptions(inlineKaTeX: false)

  let plain = HandoutPage(student: student, reference: run, options: options).html()
  #expect(plain.contains("fatalError"))
  #expect(!plain.contains("12345"))
  #expect(plain.contains("your code"))
  #expect(!plain.contains("Reference bars"))

  var allowing = student
  allowing.frontMatter.handout = ["figures": "true"]
  let withFigures = HandoutPage(student: allowing, reference: run, options: options).html()
  #expect(withFigures.contains("Reference bars"))
}

@Test func solutionMarkersInProseAreErrors() throws {
  // The fence lost its backticks, so the "cell" is prose.
  let source = "Intro.\n\nswift id=s solution\n// BEGIN SOLUTION\nlet x = 1\n// END SOLUTION\n"
  let document = try parseLab(source)
  do {
    _ = try Handout(instructorLab: document)
    Issue.record("markers in prose were accepted")
  } catch {
    #expect(error.diagnostics.map { position($0) } == ["4:1", "6:1"])
    #expect(error.diagnostics.allSatisfy { $0.message.contains("outside any cell") })
  }
}

@Test func hiddenNonTestCellsAreLeftOutToo() throws {
  let source = "```swift id=setup hidden\nlet secretSetup = 1\n```\n\nText.\n"
  let handout = try Handout(instructorLab: parseLab(source))
  #expect(!handout.markdown.contains("secretSetup"))
  #expect(handout.markdown.contains("Text."))
}

@Test func aNumberBlockSaysWhichFormsAreRead() throws {
  let source = "Loss?\n\n```answer id=loss number points=1\nkey: 2.3\ntolerance: 0.1\n```\n"
  let student = try Handout(instructorLab: parseLab(source)).markdown
  #expect(
    student.contains(
      "<!-- one number, e.g. 0.25, -3 or 2.5e-3: not a fraction (1/4), a comma or units -->\n"
        + "```answer id=loss number points=1\n```"), "\(student)")
  #expect(try parseLab(student).answers.first?.response == "")
}

@Test func aChoiceBlockCarriesAHintAboveItThatIsNoResponse() throws {
  let handout = try Handout(instructorLab: parseLab(instructorLab))
  let student = handout.markdown
  #expect(
    student.contains(
      "<!-- answer with the letter of your choice, e.g. X (several: X, Y) -->\n"
        + "```answer id=q choice points=1\n```"))
  // Only choice blocks get it.
  #expect(student.components(separatedBy: "<!-- answer with").count == 2)
  // Handed in untouched, the block holds no response.
  let reread = try parseLab(student)
  #expect(reread.answers.first?.response == "")
  let submission = Submission(text: student, path: "s.md", defaultID: "s")
  #expect(submission.answers["q"] == "")
}

@Test func solutionSecretsKeepTheirFileLinesPastStubAndBlankLines() throws {
  let lab = """
    # Lines

    ```swift id=f solution
    func f(_ x: [Float]) -> [Float] {
      // BEGIN SOLUTION
      // STUB: return x
      var out = x

      out[0] = out[0] * 2
      return out
      // END SOLUTION
    }
    ```

    """
  let handout = try Handout(instructorLab: parseLab(lab))
  let solution = handout.secrets.filter { $0.kind == .solution }
  // Line 1 is "# Lines": the fence is line 3, BEGIN line 5, STUB line 6.
  #expect(solution.map(\.text) == ["var out = x", "out[0] = out[0] * 2", "return out"])
  #expect(solution.map(\.location.line) == [7, 9, 10])
}
