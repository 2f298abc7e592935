/// Reads a lab's bytes into a `LabDocument`: front matter, then cmark's code
/// blocks sorted into cells, answer blocks and prose, with every problem
/// logged at its `file.md:line:col`.
///
/// Everything here is a loop over lines or blocks: no recursion, and time
/// linear in the size of the file (cmark's parse included).
struct DocumentReader {
  private let path: String
  private var log: DiagnosticLog
  private var text = SourceText(bytes: [])
  private var frontMatterEnd = 0
  /// Cells and answer blocks met so far, for the ids `cell-N` and `answer-N`.
  private var cellCount = 0
  private var answerCount = 0

  /// A top-level cell or answer block and the lines it spans, fences included.
  private struct Segment {
    var lines: ClosedRange<Int>
    var block: Block
  }

  private init(path: String) {
    self.path = path
    self.log = DiagnosticLog(file: path)
  }

  static func read(bytes: [UInt8], path: String) throws(LabError) -> LabDocument {
    var reader = DocumentReader(path: path)
    return try reader.read(bytes)
  }

  private mutating func read(_ raw: [UInt8]) throws(LabError) -> LabDocument {
    let bytes = SourceDecoding.decode(raw, log: &log)
    text = SourceText(bytes: bytes)

    var frontMatterReader = FrontMatterReader(text: text, log: log)
    let frontMatter: FrontMatter
    do {
      frontMatter = try frontMatterReader.read()
    } catch {
      throw LabError(diagnostics: log.sorted + error.diagnostics)
    }
    log = frontMatterReader.log
    frontMatterEnd = frontMatterReader.endLine

    let blocks = Cmark.codeBlocks(utf8: markdownWithoutFrontMatter())
    var segments: [Segment] = []
    for block in blocks {
      if let segment = segment(for: block) { segments.append(segment) }
    }
    checkLookalikeFences(outside: blocks)
    checkUniqueIDs(segments)
    checkParamCalls(segments, frontMatter, unknownKeys: frontMatterReader.unknownKeys)

    guard !log.hasErrors else { throw LabError(diagnostics: log.sorted) }
    return LabDocument(
      path: path, source: String(decoding: bytes, as: UTF8.self), frontMatter: frontMatter,
      blocks: interleaveProse(segments), warnings: log.sorted)
  }

  /// Warns at each `param("name", …)` call (a literal name, in a cell that
  /// runs) whose name the front matter's `params:` does not declare: the
  /// cell always gets its `default:`, and `--set` cannot change it. Once
  /// per name. A front-matter key spelled like `params` is named in the hint.
  private mutating func checkParamCalls(
    _ segments: [Segment], _ frontMatter: FrontMatter, unknownKeys: [(key: String, line: Int)]
  ) {
    let declared = frontMatter.params.map(\.name)
    var warned: Set<String> = []
    for case .cell(let cell) in segments.map(\.block) where !cell.isSkipped {
      let tokens = CodeLexer.tokens(cell.code)
      for k in tokens.indices.dropLast(2) where tokens[k].isWord("param") {
        let isMember = k > 0 && tokens[k - 1].kind == .punctuation && tokens[k - 1].text == "."
        let name = tokens[k + 2].text
        guard !isMember, tokens[k + 1].is("("), tokens[k + 2].kind == .string, !name.isEmpty,
          !declared.contains(name), warned.insert(name).inserted
        else { continue }
        var hint = "declare it in the front matter under `params:` with its default"
        if let misspelled = unknownKeys.first(where: {
          Spelling.closest(to: $0.key, in: ["params"]) != nil
        }) {
          hint =
            "the front matter's \"\(misspelled.key):\" on line \(misspelled.line) is not "
            + "\"params:\"; rename it"
        } else if let close = Spelling.closest(to: name, in: declared) {
          hint = "did you mean \"\(close)\"? Declared params: \(declared.joined(separator: ", "))."
        }
        log.warning(
          cell.codeLine + tokens[k].line - 1, tokens[k].column + cell.codeColumn - 1,
          "param \"\(name)\" is not declared under the front matter's `params:`, so the cell "
            + "always gets its `default:` and `--set \(name)=…` cannot change it",
          hint: hint)
      }
    }
  }

  /// The text given to cmark: the front matter's lines emptied, their line
  /// breaks kept, so that cmark's line numbers are the file's.
  private func markdownWithoutFrontMatter() -> [UInt8] {
    guard frontMatterEnd > 0 else { return text.bytes }
    var bytes: [UInt8] = []
    for line in 1...frontMatterEnd {
      let range = text.contentRange(ofLine: line)
      bytes += text.bytes[range.upperBound..<text.lineStarts[line]]
    }
    return bytes + text.bytes[text.lineStarts[frontMatterEnd]...]
  }

  // MARK: - Code blocks

  /// The cell or answer block that `block` is, or `nil` when it stays prose.
  private mutating func segment(for cmarkBlock: Cmark.CodeBlock) -> Segment? {
    // cmark's positions are trusted only within the file's lines.
    guard (1...text.lineCount).contains(cmarkBlock.startLine) else { return nil }
    var block = cmarkBlock
    block.endLine = min(max(block.endLine, block.startLine), text.lineCount)
    let language = block.info.prefix { $0 != " " && $0 != "\t" }
    guard block.isTopLevel else {
      if language == "swift" || language == "answer" {
        log.warning(
          block.startLine, block.startColumn,
          "this \(language) block is inside a list or block quote, so it is shown as "
            + "prose and not run or graded",
          hint: "move the block to the top level: no indentation, no \">\" or list marker")
      }
      return nil
    }
    guard let fence = openingFence(of: block) else {
      checkIndentedFence(block)
      return nil
    }
    let closed =
      block.endLine > block.startLine && fence.isClosed(by: text.content(ofLine: block.endLine))
    let lastCodeLine = closed ? block.endLine - 1 : block.endLine
    if language.lowercased() == "swift" && language != "swift" {
      log.warning(
        block.startLine, fence.infoColumn,
        "a block marked \"\(language)\" is not a cell; only lowercase \"swift\" is",
        hint: "write \"swift\" to make it a cell")
    }

    guard language == "swift" || language == "answer" else {
      if !closed {
        log.warning(
          block.startLine, block.startColumn,
          "this code block is never closed, so the rest of the file is read as its code",
          hint: closingHint(fence))
      }
      checkCellFences(after: block.startLine, through: lastCodeLine, nestedAllowed: closed)
      return nil
    }
    let what = language == "swift" ? "cell" : "answer block"
    if !closed {
      log.error(
        block.startLine, block.startColumn,
        "this \(what) is never closed, so the rest of the file is read as its code",
        hint: closingHint(fence))
    }
    checkCellFences(after: block.startLine, through: lastCodeLine)

    let lines = block.startLine...block.endLine
    let item = language == "swift" ? Block.cell(cell(block, fence)) : .answer(answer(block, fence))
    return Segment(lines: lines, block: item)
  }

  private mutating func cell(_ block: Cmark.CodeBlock, _ fence: FenceLine) -> Cell {
    cellCount += 1
    let words = Array(info(fence, line: block.startLine).dropFirst())
    let attributes = AttributeRules.cell.check(words, line: block.startLine, log: &log)
    return Cell(
      id: attributes.first { $0.name == "id" }?.value ?? "cell-\(cellCount)",
      code: block.literal, fenceLocation: log.at(block.startLine, block.startColumn),
      codeLine: block.startLine + 1, codeColumn: fence.indent + 1, attributes: attributes)
  }

  private mutating func answer(_ block: Cmark.CodeBlock, _ fence: FenceLine) -> AnswerBlock {
    answerCount += 1
    let words = Array(info(fence, line: block.startLine).dropFirst())
    let attributes = AttributeRules.answer.check(words, line: block.startLine, log: &log)
    let kinds = attributes.filter { ["text", "choice", "number"].contains($0.name) }
    if kinds.count > 1 {
      log.error(
        block.startLine, block.startColumn,
        "the answer block has several kinds: "
          + kinds.map { "\"\($0.name)\"" }.joined(separator: ", "),
        hint: "mark it with one of text, choice or number")
    }
    let kind = kinds.first.flatMap { AnswerBlock.Kind(rawValue: $0.name) } ?? .text
    let reader = AnswerReader(kind: kind, firstLine: block.startLine + 1, column: fence.indent + 1)
    let body = reader.read(block.literal, log: &log)
    return AnswerBlock(
      id: attributes.first { $0.name == "id" }?.value ?? "answer-\(answerCount)", kind: kind,
      response: body.response, key: body.key, tolerance: body.tolerance,
      points: attributes.first { $0.name == "points" }.flatMap { Double($0.value) },
      location: log.at(block.startLine, block.startColumn), attributes: attributes)
  }

  /// The opening fence of a top-level block, or `nil` for indented code.
  private func openingFence(of block: Cmark.CodeBlock) -> FenceLine? {
    let line = text.content(ofLine: block.startLine)
    guard let fence = FenceLine(line), fence.indent == block.startColumn - 1 else { return nil }
    return fence
  }

  /// The words of a fence's info string; a syntax error is logged.
  private mutating func info(_ fence: FenceLine, line: Int) -> [InfoString.Word] {
    do {
      return try InfoString(fence.info, column: fence.infoColumn).words
    } catch {
      log.error(
        line, error.column, "cannot read the attributes: \(error.message)",
        hint: "write attributes as name, name=value or name=\"a value\", separated by spaces")
      return []
    }
  }

  private func closingHint(_ fence: FenceLine) -> String {
    let closing = String(repeating: fence.character == 0x60 ? "`" : "~", count: fence.length)
    return "add a line \(closing) after its last line of code"
  }

  // MARK: - Lines that look like fences

  /// Warns about a top-level indented code block that starts with a cell fence.
  private mutating func checkIndentedFence(_ block: Cmark.CodeBlock) {
    let firstLine = block.literal.prefix { $0 != "\n" }
    guard let fence = FenceLine(ArraySlice(firstLine.utf8), strict: false),
      fence.language == "swift" || fence.language == "answer"
    else { return }
    log.warning(
      block.startLine, 1,
      "this \(fence.language) fence is indented by 4 or more columns, so Markdown reads "
        + "it as indented code, not as a \(fence.language == "swift" ? "cell" : "answer block")",
      hint: "indent the fence by at most 3 spaces (and no tabs)")
  }

  /// Warns about lines inside a block that look like the start of a cell: the
  /// fence before them was probably left open. With `nestedAllowed`, a cell
  /// fence whose own closing fence also lies inside the block is taken as a
  /// deliberate example (a ````` ````markdown ````` block showing a cell) and
  /// not warned about; one whose closing line closed the outer block is.
  // Limitation: an unclosed ``` block swallowing a whole ~~~swift cell (closed
  // inside it) is taken as an example when a later ``` closes the block.
  private mutating func checkCellFences(
    after fenceLine: Int, through lastLine: Int, nestedAllowed: Bool = false
  ) {
    for line in stride(from: fenceLine + 1, through: lastLine, by: 1) {
      guard let fence = FenceLine(text.content(ofLine: line)),
        fence.language == "swift" || fence.language == "answer"
      else { continue }
      if nestedAllowed,
        (line + 1...max(line + 1, lastLine)).contains(where: {
          $0 <= lastLine && fence.isClosed(by: text.content(ofLine: $0))
        })
      {
        continue
      }
      log.warning(
        line, fence.indent + 1,
        "this line looks like the start of a new \(fence.language) block, but it is "
          + "inside the code block above",
        hint: "close the block above with a fence line before this one")
    }
  }

  /// Warns about lines outside every code block that look like a cell fence:
  /// Markdown did not read them as fences, so their code is prose.
  private mutating func checkLookalikeFences(outside blocks: [Cmark.CodeBlock]) {
    guard text.lineCount > frontMatterEnd else { return }
    var next = 0
    var line = frontMatterEnd + 1
    while line <= text.lineCount {
      if next < blocks.count, blocks[next].startLine <= line {
        line = max(line, blocks[next].endLine + 1, blocks[next].startLine + 1)
        next += 1
        continue
      }
      defer { line += 1 }
      let content = text.content(ofLine: line)
      let start = Self.afterContainerMarkers(content)
      guard let fence = FenceLine(content[start...], strict: false),
        fence.language.hasPrefix("swift") || fence.language.hasPrefix("answer")
      else { continue }
      let column = start - content.startIndex + fence.indent + 1
      if fence.character == 0x60, fence.info.contains(0x60) {
        log.warning(
          line, column,
          "this line is not a code fence: the info string of a ``` fence may not contain "
            + "a backtick, so the block below is prose, not a cell",
          hint: "remove the backtick; quote attribute values with \"...\"")
      } else {
        log.warning(
          line, column,
          "this line looks like a code fence, but Markdown reads it as part of the text "
            + "around it, so the block below is prose, not a cell",
          hint: "put a blank line before it and indent it by at most 3 spaces")
      }
    }
  }

  /// The offset in `line` after leading blanks, `>` markers and list markers.
  private static func afterContainerMarkers(_ line: ArraySlice<UInt8>) -> Int {
    var i = line.startIndex
    while i < line.endIndex {
      let byte = line[i]
      if byte == 0x20 || byte == 0x09 || byte == 0x3E {
        i += 1
      } else if byte == 0x2D || byte == 0x2A || byte == 0x2B, i + 1 < line.endIndex,
        line[i + 1] == 0x20 || line[i + 1] == 0x09
      {
        i += 2
      } else if (0x30...0x39).contains(byte) {
        var j = i
        while j < line.endIndex, (0x30...0x39).contains(line[j]) { j += 1 }
        guard j + 1 < line.endIndex, line[j] == 0x2E || line[j] == 0x29,
          line[j + 1] == 0x20 || line[j + 1] == 0x09
        else { return i }
        i = j + 2
      } else {
        return i
      }
    }
    return i
  }

  // MARK: - Ids and prose

  /// Errors for ids used twice among cells and answer blocks (one namespace).
  private mutating func checkUniqueIDs(_ segments: [Segment]) {
    var firstUse: [String: SourceLocation] = [:]
    for segment in segments {
      let id: String
      let location: SourceLocation
      switch segment.block {
      case .cell(let cell): (id, location) = (cell.id, cell.fenceLocation)
      case .answer(let answer): (id, location) = (answer.id, answer.location)
      case .prose: continue
      }
      if let first = firstUse[id] {
        log.error(
          location.line, location.column,
          "the id \"\(id)\" is used twice: at \(first) and here",
          hint: "give each cell and answer block its own id=…; cells without one are "
            + "numbered cell-1, cell-2, … and answer blocks answer-1, answer-2, …")
      } else {
        firstUse[id] = location
      }
    }
  }

  /// The segments in order with the prose between them; blank prose is left out.
  private func interleaveProse(_ segments: [Segment]) -> [Block] {
    var blocks: [Block] = []
    var line = frontMatterEnd + 1
    for segment in segments {
      if segment.lines.lowerBound > line, let prose = prose(line...segment.lines.lowerBound - 1) {
        blocks.append(.prose(prose))
      }
      blocks.append(segment.block)
      line = segment.lines.upperBound + 1
    }
    if line <= text.lineCount, let prose = prose(line...text.lineCount) {
      blocks.append(.prose(prose))
    }
    return blocks
  }

  private func prose(_ lines: ClosedRange<Int>) -> Prose? {
    let range = text.lineStarts[lines.lowerBound - 1]..<text.lineStarts[lines.upperBound]
    let isBlank = text.bytes[range].allSatisfy {
      $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
    }
    guard !isBlank else { return nil }
    return Prose(markdown: text.text(ofLines: lines), location: log.at(lines.lowerBound))
  }
}
