/// Writes the student's stub for a solution region.
///
/// - With `// STUB: code` lines in the region, the stub is those lines'
///   code, in order, at their own indentation.
/// - Otherwise every declaration at the region's top level with a written
///   type, `let name: Type = …` or `var name: Type = …`, becomes
///   `let name: Type = { fatalError(message) }()`, so the code after the
///   region still compiles; with none, the stub is `fatalError(message)`.
///
/// The message starts with "Not implemented" and names the cell and the lab.
// Limitation: an untyped declaration (`let x = …`) needed after the region
// cannot be stubbed without its type; the author adds a `// STUB:` line.
enum SolutionStub {
  static func make(
    body: [Substring], marker: Substring, cell: Cell, index: Int, lab: String
  ) -> String {
    let authored = body.compactMap { SolutionMarker.stubText(of: $0) }
    if !authored.isEmpty { return authored.map { $0 + "\n" }.joined() }

    let indent = String(marker.prefix { $0 == " " || $0 == "\t" })
    let message = LabProgram.literal(
      "Not implemented: write solution \(index + 1) of cell \"\(cell.id)\" "
        + "(\(labFile(lab)))")
    let declarations = topLevelDeclarations(body)
    guard !declarations.isEmpty else { return indent + "fatalError(\(message))\n" }
    return declarations.map { declaration in
      "\(indent)\(declaration.keyword) \(declaration.name): \(declaration.type) = "
        + "{ fatalError(\(message)) }()\n"
    }.joined()
  }

  /// The file name of the lab, without folders.
  static func labFile(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// `let`/`var` declarations with a written type on the body's least
  /// indented lines, as (keyword, name, type).
  static func topLevelDeclarations(
    _ body: [Substring]
  ) -> [(keyword: String, name: String, type: String)] {
    let code = body.filter {
      let text = $0.trimmingBlanks
      return !text.isEmpty && !text.hasPrefix("//")
    }
    let depth = code.map { line in line.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
    var found: [(keyword: String, name: String, type: String)] = []
    for line in code where line.prefix(while: { $0 == " " || $0 == "\t" }).count == depth {
      if let declaration = typedDeclaration(line.trimmingBlanks) { found.append(declaration) }
    }
    return found
  }

  /// Parses `let name: Type = value` (or `var`); `nil` for anything else.
  static func typedDeclaration(_ line: String) -> (keyword: String, name: String, type: String)? {
    let keyword: String
    if line.hasPrefix("let ") {
      keyword = "let"
    } else if line.hasPrefix("var ") {
      keyword = "var"
    } else {
      return nil
    }
    let rest = line.dropFirst(4).drop { $0 == " " }
    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    guard let first = name.first, !first.isNumber else { return nil }
    var after = rest.dropFirst(name.count).drop { $0 == " " }
    guard after.hasPrefix(":") else { return nil }
    after = after.dropFirst()
    // The type ends at the first `=` that is not part of `==`, `->` or `<=`.
    var type = ""
    var previous: Character = " "
    for (offset, character) in after.enumerated() {
      let nextIndex = after.index(after.startIndex, offsetBy: offset + 1)
      let next: Character? = nextIndex < after.endIndex ? after[nextIndex] : nil
      if character == "=" && next != "=" && !"=<>!".contains(previous) {
        let trimmed = type.trimmingBlanks
        return trimmed.isEmpty ? nil : (keyword, String(name), trimmed)
      }
      type.append(character)
      previous = character
    }
    return nil
  }
}
