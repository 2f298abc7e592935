import Testing

@testable import LabBook

/// Random labs built from every construct the handout treats, each secret
/// carrying a sentinel word, so the student version can be searched for it.
private struct LabGenerator {
  /// SplitMix64: a small, well-mixed generator, seeded for repeatable labs.
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

  /// A marker line with random indentation, spacing, case and trailing blanks.
  mutating func marker(_ word: String, indent: String) -> String {
    let text = pick(["\(word) SOLUTION", "\(word)  solution", "\(word.lowercased()) Solution"])
    return indent + pick(["// ", "//", "//\t"]) + text + pick(["", " ", "\t "])
  }

  mutating func lab(_ number: Int) -> (source: String, regions: Int) {
    var lines = ["---", "title: Fuzz \(number)", "---", ""]
    var regions = 0
    for block in 0..<(3 + below(6)) {
      switch below(6) {
      case 0:
        lines += ["Prose \(block) of lab \(number).", ""]
      case 1:
        lines += [
          "<!-- instructor -->", "INSTRUCTORSECRET \(block) teaching note.",
          "```swift id=inside\(block)", "print(\"inner\")", "```",
          "<!-- /instructor -->", "",
        ]
      case 2:
        let indent = pick(["", "  ", "\t"])
        lines += ["```swift id=sol\(block) solution", "func f\(block)() -> Int {"]
        for part in 0..<(1 + below(2)) {
          lines.append(marker("BEGIN", indent: indent))
          if below(2) == 0 { lines.append(indent + "// STUB: return 0") }
          lines.append(indent + "let s\(part): Int = 4242\(block)\(part) // SOLUTIONSECRET")
          lines.append(marker("END", indent: indent))
          regions += 1
        }
        lines += ["  return 0", "}", "```", ""]
      case 3:
        lines += [
          "```swift id=hid\(block) test hidden", "check(\"HIDDENSECRET \(block)\", true)", "```",
          "",
        ]
      case 4:
        lines += ["```swift id=vis\(block) test", "check(\"visible \(block)\", true)", "```", ""]
      default:
        lines += [
          "```answer id=a\(block) text", "Explain.",
          "key: ANSWERSECRET number \(block) is long enough", "```", "",
        ]
      }
    }
    let newline = below(3) == 0 ? "\r\n" : "\n"
    return (lines.joined(separator: newline) + newline, regions)
  }
}

@Test func randomLabsNeverLeakIntoTheStudentVersion() throws {
  var generator = LabGenerator(state: 20_261_203)
  for number in 0..<150 {
    let (source, regionCount) = generator.lab(number)
    let document = try parseLab(source)
    let handout = try Handout(instructorLab: document)
    let student = handout.markdown
    for sentinel in ["SECRET", "4242"] {
      #expect(!student.contains(sentinel), "lab \(number):\n\(source)\n---\n\(student)")
    }
    let reread = try parseLab(student)
    #expect(try Solutions.regions(in: reread).count == regionCount, "lab \(number)")
    #expect(reread.answers.allSatisfy { $0.key == nil })

    let scanner = LeakScanner(handout: handout, minimumLength: 8)
    #expect(scanner.scan(student, artefact: "student.md", isHTML: false).isEmpty)
    // Every secret is found again in the instructor's own file.
    let kinds = Set(handout.secrets.map(\.kind))
    let found = Set(scanner.scan(source, artefact: "lab.md", isHTML: false).map(\.secret.kind))
    #expect(found == kinds, "lab \(number)")
  }
}

@Test func randomlyBrokenMarkersAreErrorsNotCrashes() throws {
  var generator = LabGenerator(state: 7)
  var failures = 0
  for number in 0..<150 {
    let (source, _) = generator.lab(number)
    // Drop one marker line at random.
    // Split by scalars: "\r\n" is one Character to Swift's String.
    var lines = Handout.lines(of: source).map(\.text)
    let markers = lines.indices.filter {
      (lines[$0].uppercased().contains("SOLUTION") && lines[$0].contains("//")
        && !lines[$0].contains("SECRET")) || lines[$0].contains("instructor -->")
    }
    guard !markers.isEmpty else { continue }
    lines.remove(at: markers[generator.below(markers.count)])
    let broken = lines.joined()
    let document = try parseLab(broken)
    do {
      _ = try Handout(instructorLab: document)
      Issue.record("lab \(number) with a marker removed was accepted:\n\(broken.debugDescription)")
    } catch {
      #expect(!error.errors.isEmpty)
      failures += 1
    }
  }
  #expect(failures > 50)
}
