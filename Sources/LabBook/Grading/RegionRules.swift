/// What a student's solution region may not contain, checked before it is
/// built into the lab: code that would change what the lab's own code and
/// tests compute instead of computing an answer (docs/grading.md). A region
/// that breaks a rule is graded as the handout's stub, with the reason.
///
/// - It closes no bracket it did not open (unless the instructor's region
///   does), so it cannot close the function it sits in and declare things
///   outside it.
/// - At a cell's top level, it declares no name the lab's code takes from
///   LabKit or Swift (say `check`, `abs` or `Tensor`), no `extension` and no
///   operator function (both would change what `==` or a method means in
///   the tests).
/// - Nowhere does it use `#fileID`, `#line` and the other source-location
///   literals, `#sourceLocation`, or an underscored attribute (`@_cdecl`,
///   `@_silgen_name`, …): with them a check could pass for a test's own.
// Limitation: a lexical check, not Swift's name lookup: a name declared
// behind `#if`, or the lab's name used only inside string interpolation, is
// not seen; unsafe code in the same process can still forge a check.
struct RegionRules {
  /// Names the lab's code uses outside the regions and never declares:
  /// LabKit's and Swift's (`check`, `abs`, `Tensor`, `==`'s operands' types).
  let protectedNames: Set<String>
  /// For each region (by index), whether it sits at its cell's top level.
  let atTopLevel: [Bool]
  /// For each region, whether the instructor's own code balances its brackets.
  let balanced: [Bool]

  static let locationLiterals: Set<String> = [
    "#file", "#fileID", "#filePath", "#line", "#column", "#function", "#dsohandle",
    "#sourceLocation",
  ]
  private static let typeKeywords: Set<String> = [
    "func", "struct", "class", "enum", "actor", "typealias", "protocol", "macro",
  ]

  init(document: LabDocument, regions: [SolutionRegion]) {
    var used: Set<String> = []
    var declared: Set<String> = []
    var topLevel: [Bool] = []
    var balanced: [Bool] = []
    for region in regions {
      balanced.append(Self.scan(CodeLexer.tokens(region.body)).balanced)
      guard let cell = document.cells.first(where: { $0.id == region.cellID }) else {
        topLevel.append(true)
        continue
      }
      // The cell's code before the region's BEGIN marker.
      let before = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        .prefix(max(0, region.beginLine - cell.codeLine)).joined(separator: "\n")
      topLevel.append(Self.scan(CodeLexer.tokens(before)).depth == 0)
    }
    for cell in document.cells where !cell.isSkipped {
      let tokens = CodeLexer.tokens(cell.code)
      declared.formUnion(Self.declaredAnywhere(tokens))
      let spans = regions.filter { $0.cellID == cell.id }.map { $0.beginLine...$0.endLine }
      for (position, token) in tokens.enumerated() where token.kind == .identifier {
        let line = cell.codeLine + token.line - 1
        if spans.contains(where: { $0.contains(line) }) { continue }
        // A member (`x.count`) is not what a top-level name shadows.
        if position > 0, tokens[position - 1].kind == .punctuation,
          tokens[position - 1].text.hasSuffix(".")
        {
          continue
        }
        used.insert(token.text)
      }
    }
    protectedNames = used.subtracting(declared)
    atTopLevel = topLevel
    self.balanced = balanced
  }

  /// Every name `tokens` may declare, at any depth, generously: after
  /// `let`, `var`, `for`, `case` and the type keywords (with tuple
  /// patterns), before a `:` (parameters, labels), and a closure's
  /// parameters before `in`. What is left of the names used comes from
  /// LabKit or Swift: what a submission could shadow.
  static func declaredAnywhere(_ tokens: [CodeToken]) -> Set<String> {
    var names: Set<String> = []
    let introducers = typeKeywords.union(["let", "var", "for", "case", "associatedtype"])
    for (position, token) in tokens.enumerated() {
      let next = position + 1 < tokens.count ? tokens[position + 1] : nil
      if token.kind == .identifier, next?.text == ":" { names.insert(token.text) }
      guard token.kind == .identifier, introducers.contains(token.text), let next else {
        if token.text == "{" {
          // `{ a, b in`: the names up to `in`, if that is what follows.
          var inner = position + 1
          var params: [String] = []
          while inner < tokens.count,
            tokens[inner].kind == .identifier
              || ["(", ")", ","].contains(tokens[inner].text)
          {
            if tokens[inner].text == "in" {
              names.formUnion(params)
              break
            }
            if tokens[inner].kind == .identifier { params.append(tokens[inner].text) }
            inner += 1
          }
        }
        continue
      }
      if next.kind == .identifier {
        names.insert(next.text)
      } else if next.text == "(" {
        var inner = position + 2
        while inner < tokens.count, tokens[inner].text != ")" {
          if tokens[inner].kind == .identifier { names.insert(tokens[inner].text) }
          inner += 1
        }
      }
    }
    return names
  }

  /// Why the student's `code` for region `index` cannot be built into the
  /// lab, and its 1-based line within `code`; `nil` when it may.
  func violation(_ code: String, region index: Int) -> (message: String, line: Int)? {
    let tokens = CodeLexer.tokens(code)
    for token in tokens where token.kind == .other {
      if Self.locationLiterals.contains(token.text) {
        return (
          "uses \(token.text), which is not allowed in a solution (it could make the "
            + "grader take your code for the lab's tests)", token.line
        )
      }
      if token.text.hasPrefix("@_") {
        return ("uses the attribute \(token.text), which is not allowed in a solution", token.line)
      }
    }
    let scan = Self.scan(tokens)
    if balanced.indices.contains(index), balanced[index], let line = scan.unbalancedLine {
      return (
        "closes a bracket it did not open: a solution must stay inside the code around "
          + "it", line
      )
    }
    guard atTopLevel.indices.contains(index), atTopLevel[index] else { return nil }
    if let line = scan.extensionLine {
      return (
        "declares an extension, which is not allowed in a solution (it could change what "
          + "the lab's tests compute); write a function instead", line
      )
    }
    if let (name, line) = scan.operatorFunction {
      return (
        "declares the operator \(name), which is not allowed in a solution (it could change "
          + "what the lab's tests compute)", line
      )
    }
    if let (name, line) = scan.names.first(where: { protectedNames.contains($0.name) }) {
      return (
        "declares \"\(name)\", a name the lab's own code uses; a solution may not replace "
          + "it: rename yours", line
      )
    }
    return nil
  }

  /// What a region's tokens declare at their own top level, and how their
  /// brackets nest.
  struct Scan {
    /// Names declared at depth 0, with their lines, in order.
    var names: [(name: String, line: Int)] = []
    /// Bracket depth at the end.
    var depth = 0
    /// The line of the first closing bracket with nothing open before it in
    /// the region. (One left open is the compiler's to report.)
    var unbalancedLine: Int?
    var balanced: Bool { unbalancedLine == nil }
    var extensionLine: Int?
    var operatorFunction: (name: String, line: Int)?
  }

  static func scan(_ tokens: [CodeToken]) -> Scan {
    var scan = Scan()
    for (position, token) in tokens.enumerated() {
      let next = position + 1 < tokens.count ? tokens[position + 1] : nil
      if token.kind == .punctuation {
        switch token.text {
        case "(", "[", "{":
          scan.depth += 1
        case ")", "]", "}":
          scan.depth -= 1
          if scan.depth < 0 && scan.unbalancedLine == nil { scan.unbalancedLine = token.line }
        case ",":
          // `let a = 1, b = 2`: a further binding at the top level.
          if scan.depth == 0, let next, next.kind == .identifier,
            position + 2 < tokens.count, [":", "="].contains(tokens[position + 2].text)
          {
            scan.names.append((next.text, next.line))
          }
        default:
          break
        }
        continue
      }
      guard scan.depth == 0, token.kind == .identifier, let next else { continue }
      switch token.text {
      case "extension":
        if scan.extensionLine == nil { scan.extensionLine = token.line }
      case "let", "var":
        if next.text == "(" {
          // A tuple pattern: every name up to its closing bracket.
          var inner = position + 2
          var open = 1
          while inner < tokens.count, open > 0 {
            let part = tokens[inner]
            if part.text == "(" { open += 1 }
            if part.text == ")" { open -= 1 }
            if part.kind == .identifier, part.text != "_", open == 1 {
              scan.names.append((part.text, part.line))
            }
            inner += 1
          }
        } else if next.kind == .identifier {
          scan.names.append((next.text, next.line))
        }
      case _ where typeKeywords.contains(token.text):
        if next.kind == .identifier {
          scan.names.append((next.text, next.line))
        } else if token.text == "func", next.kind == .punctuation {
          scan.operatorFunction = scan.operatorFunction ?? (next.text, next.line)
        }
      default:
        break
      }
    }
    return scan
  }
}

extension Attempt {
  /// Grades as its stub each region of the submission that breaks `rules`,
  /// saying why at the offending line.
  mutating func stubRuleBreaks(_ rules: RegionRules) {
    for (index, filling) in fillings.sorted(by: { $0.key < $1.key }) {
      guard case .student(let region) = filling,
        let (message, line) = rules.violation(region.code, region: index)
      else { continue }
      stubbed[index] = Stub(
        subject: regionName(index), message: message,
        location: SourceLocation(file: submission.path, line: region.line + line - 1))
      fillings[index] = nil
    }
  }
}
