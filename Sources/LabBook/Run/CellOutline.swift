/// What a cell's code declares, uses and may throw, read from its tokens
/// (`CodeLexer`) with brace and parenthesis nesting followed, so that the
/// engine can tell a use of a top-level variable that only a later cell
/// declares, and which statement a top-level error came from.
///
/// Code that does not run where it is written is left out of `uses` and
/// `throwSites`: the bodies of functions, types, extensions, computed
/// properties and `defer`, a function's signature (default arguments), and
/// a closure stored with `= { … }`.
// Limitation: a heuristic, not a Swift parser: a function that uses a later
// cell's variable and is called before that cell runs is not seen, and a
// `guard let` at top level is not counted as a top-level declaration.
struct CellOutline {
  /// A name and where in the cell's code it is (1-based line, UTF-8 column).
  struct Place: Equatable {
    var name: String
    var line: Int
    var column: Int
  }

  /// `let`/`var` declarations at the cell's top level, in order.
  private(set) var values: [Place] = []
  /// Every name the cell declares, at any depth: variables and constants
  /// (patterns too), functions, types, `for` variables, closure parameters,
  /// a `catch`'s implicit `error`.
  private(set) var declared: Set<String> = []
  /// The first use of each name read where the code runs in order, leaving
  /// out member names after `.`, argument labels and names the cell
  /// declares itself anywhere; in order of first use.
  private(set) var uses: [Place] = []
  /// `try` (not `try?`/`try!`) and `throw` outside closures and outside a
  /// `do` whose `catch` catches everything: where an error can leave the cell.
  private(set) var throwSites: [Place] = []

  private enum Brace {
    /// A function's, type's, computed property's or `defer`'s body.
    case deferred
    /// A closure stored with `= {`: runs when called.
    case storedClosure
    /// A closure passed along, usually run at once.
    case closure
    /// `if`, `for`, `while`, `switch`, `else`, `repeat`, `catch` bodies.
    case control
    /// A `do` body.
    case doBlock
  }

  private static let typeKeywords: Set<String> = [
    "func", "struct", "class", "enum", "actor", "protocol", "extension",
  ]
  private static let controlKeywords: Set<String> = [
    "if", "guard", "while", "for", "switch", "else", "repeat", "catch",
  ]
  private static let modifiers: Set<String> = [
    "private", "fileprivate", "internal", "public", "open", "static", "lazy", "final", "weak",
    "unowned", "nonisolated", "override", "mutating", "nonmutating", "convenience", "required",
    "indirect", "dynamic", "class",
  ]

  init(_ code: String) {
    let tokens = CodeLexer.tokens(code)
    var braces: [Brace] = []
    var braceStarts: [Int] = []
    var sites: [[Place]] = [[]]
    var parens = 0
    var pendingBody: Int?
    var pendingControl: (parens: Int, isDo: Bool)?
    var pendingComputed: (parens: Int, line: Int)?
    var pendingFor: Int?
    var forNames: [String] = []
    var bindings: (parens: Int, braces: Int)?
    var used: Set<String> = []

    func token(_ k: Int) -> CodeToken? { tokens.indices.contains(k) ? tokens[k] : nil }

    for k in tokens.indices {
      let t = tokens[k]
      let previous = token(k - 1)
      let next = token(k + 1)
      let isMember =
        previous.map {
          $0.kind == .punctuation && $0.text.hasSuffix(".") && !$0.text.hasSuffix("..")
        } ?? false
      let startsStatement = Self.startsStatement(tokens, at: k)
      if bindings != nil, t.line != previous?.line, previous?.is(",") != true {
        bindings = nil
      }
      let deferred =
        pendingBody != nil || braces.contains { $0 == .deferred || $0 == .storedClosure }

      switch t.kind {
      case .punctuation:
        switch t.text {
        case "(", "[":
          parens += 1
        case ")", "]":
          parens = max(0, parens - 1)
        case "{":
          var kind = Brace.closure
          if pendingBody == parens {
            kind = .deferred
            pendingBody = nil
          } else if let computed = pendingComputed, computed == (parens, t.line) {
            kind = .deferred
          } else if let control = pendingControl, control.parens == parens {
            kind = control.isDo ? .doBlock : .control
            pendingControl = nil
          } else if previous?.is("=") == true {
            kind = .storedClosure
          } else if pendingBody != nil {
            kind = .deferred
          }
          pendingComputed = nil
          braces.append(kind)
          braceStarts.append(k + 1)
          sites.append([])
        case "}":
          guard let kind = braces.popLast() else { continue }
          braceStarts.removeLast()
          let inner = sites.removeLast()
          if kind != .doBlock || !Self.catchesEverything(tokens, after: k) {
            sites[sites.count - 1] += inner
          }
        case "=":
          pendingComputed = nil
        case ",":
          // `let a = 1, b = 2`: each name after a comma of the list.
          if let open = bindings, open == (parens, braces.count), let name = next,
            name.kind == .identifier,
            token(k + 2).map({ $0.is("=") || $0.is(":") }) ?? false
          {
            declared.insert(name.text)
            if braces.isEmpty && parens == 0 {
              values.append(Place(name: name.text, line: name.line, column: name.column))
            }
          }
        default:
          break
        }

      case .identifier:
        if isMember { continue }
        if pendingFor != nil, t.text != "in" { forNames.append(t.text) }
        switch t.text {
        case "let", "var":
          let names = Self.patternNames(tokens, after: k)
          declared.formUnion(names.map(\.name))
          if startsStatement && braces.isEmpty && parens == 0 { values += names }
          if startsStatement {
            bindings = (parens, braces.count)
            if t.text == "var" { pendingComputed = (parens, t.line) }
          }
        case _ where Self.typeKeywords.contains(t.text) && startsStatement:
          if let name = next, name.kind == .identifier { declared.insert(name.text) }
          pendingBody = parens
        case "typealias":
          if let name = next, name.kind == .identifier { declared.insert(name.text) }
        case "defer":
          pendingBody = parens
        case "do":
          pendingControl = (parens, true)
        case "catch":
          if next?.is("{") == true { declared.insert("error") }
          pendingControl = (parens, false)
        case "for":
          pendingFor = parens
          forNames = []
          pendingControl = (parens, false)
        case "in":
          if let depth = pendingFor, depth == parens {
            declared.formUnion(forNames)
            pendingFor = nil
          } else if let start = braceStarts.last {
            // `{ a, b in`: the closure's parameters.
            for name in tokens[start..<k] where name.kind == .identifier {
              declared.insert(name.text)
            }
          }
        case "try", "throw":
          let quiet =
            t.text == "try"
            && (next.map { !$0.spaced && ($0.text.hasPrefix("?") || $0.text.hasPrefix("!")) }
              ?? false)
          let inClosure = braces.contains { $0 != .control && $0 != .doBlock }
          if !quiet && !deferred && !inClosure {
            sites[sites.count - 1].append(Place(name: t.text, line: t.line, column: t.column))
          }
        case _ where Self.controlKeywords.contains(t.text):
          pendingControl = (parens, false)
        default:
          let isLabel = next.map { $0.is(":") && !$0.spaced } ?? false
          let afterImport = previous?.isWord("import") ?? false
          if !deferred && !isLabel && !afterImport && used.insert(t.text).inserted {
            uses.append(Place(name: t.text, line: t.line, column: t.column))
          }
        }
      case .number, .string, .other:
        continue
      }
    }
    throwSites = sites.flatMap { $0 }
    uses.removeAll { declared.contains($0.name) }
  }

  /// Whether token `k` begins a statement: first on its line, after `;`,
  /// `{` or `}`, or after modifiers and attributes that do.
  private static func startsStatement(_ tokens: [CodeToken], at k: Int) -> Bool {
    var j = k - 1
    while j >= 0, tokens[j].line == tokens[k].line,
      modifiers.contains(tokens[j].text) || tokens[j].text.hasPrefix("@")
    {
      j -= 1
    }
    guard j >= 0 else { return true }
    let previous = tokens[j]
    if previous.line != tokens[j + 1].line { return true }
    return previous.is(";") || previous.is("{") || previous.is("}")
  }

  /// The names bound by the pattern after `let`/`var` at `k`: a name, a
  /// tuple `(a, b)`, or an enum case's payload `.some(x)`.
  private static func patternNames(_ tokens: [CodeToken], after k: Int) -> [Place] {
    var j = k + 1
    guard j < tokens.count else { return [] }
    if tokens[j].kind == .identifier {
      return tokens[j].text == "_" ? [] : [Place(tokens[j])]
    }
    // `.some(x)`: skip to the parenthesis.
    while j < tokens.count, !tokens[j].is("("), tokens[j].kind != .identifier || j == k + 2,
      j < k + 4
    {
      j += 1
    }
    guard j < tokens.count, tokens[j].is("(") else { return [] }
    var depth = 0
    var names: [Place] = []
    while j < tokens.count {
      let t = tokens[j]
      if t.is("(") { depth += 1 }
      if t.is(")") {
        depth -= 1
        if depth == 0 { break }
      }
      if t.kind == .identifier && t.text != "_"
        && !(tokens.indices.contains(j - 1)
          && tokens[j - 1].text.hasSuffix(".") && tokens[j - 1].kind == .punctuation)
      {
        names.append(Place(t))
      }
      j += 1
    }
    return names
  }

  /// Whether the `catch` clauses after the `}` at `k` catch every error:
  /// one of them is a bare `catch {` or `catch let e {`.
  private static func catchesEverything(_ tokens: [CodeToken], after k: Int) -> Bool {
    var j = k + 1
    while j < tokens.count, tokens[j].isWord("catch") {
      let rest = tokens[(j + 1)...].prefix(4)
      if rest.first?.is("{") == true { return true }
      if rest.count >= 3, rest[j + 1].isWord("let") || rest[j + 1].isWord("var"),
        rest[j + 2].kind == .identifier, rest[j + 3].is("{")
      {
        return true
      }
      // Skip to the clause's body and past it.
      var depth = 0
      j += 1
      while j < tokens.count {
        if tokens[j].is("{") { depth += 1 }
        if tokens[j].is("}") {
          depth -= 1
          if depth == 0 { break }
        }
        j += 1
      }
      j += 1
    }
    return false
  }
}

extension CellOutline.Place {
  fileprivate init(_ token: CodeToken) {
    self.init(name: token.text, line: token.line, column: token.column)
  }
}
