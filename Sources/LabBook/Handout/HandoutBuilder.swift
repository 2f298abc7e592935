extension Handout {
  /// Writes the student Markdown block by block from the instructor's
  /// source lines, collecting what must stay secret on the way.
  struct Builder {
    let document: LabDocument
    let regions: [SolutionRegion]
    let lines: [Line]
    /// Lines inside `<!-- instructor -->` sections.
    let mask: [Bool]
    private(set) var output = ""
    private(set) var secrets: [Secret] = []

    init(document: LabDocument, regions: [SolutionRegion], lines: [Line], mask: [Bool]) {
      self.document = document
      self.regions = regions
      self.lines = lines
      self.mask = mask
    }

    mutating func build() {
      let starts = Handout.blockStarts(document)
      let first = starts.first ?? lines.count + 1
      for line in 1..<max(first, 1) { emit(line) }
      for (position, block) in document.blocks.enumerated() {
        let end = position + 1 < starts.count ? starts[position + 1] - 1 : lines.count
        let range = starts[position]...max(end, starts[position])
        switch block {
        case .prose:
          for line in range { emit(line) }
        case .cell(let cell):
          if Handout.isDropped(cell) || isMasked(cell.fenceLocation.line) {
            drop(range, kind: cell.isInstructorOnly ? .instructorOnly : .hiddenTest)
          } else if cell.isSolution {
            solutionCell(cell, range: range)
          } else {
            for line in range { emit(line) }
          }
        case .answer(let answer):
          if answer.attributes.contains(where: { $0.name == "instructor" })
            || isMasked(answer.location.line)
          {
            drop(range, kind: .instructorOnly)
          } else {
            answerBlock(
              range,
              hint: answer.kind == .choice
                ? Handout.choiceHint : answer.kind == .number ? Handout.numberHint : nil)
          }
        }
      }
    }

    private func isMasked(_ line: Int) -> Bool {
      line - 1 < mask.count && mask[line - 1]
    }

    /// Copies `line` unless an instructor section holds it.
    private mutating func emit(_ line: Int) {
      guard line >= 1, line <= lines.count else { return }
      if isMasked(line) {
        addSecret(.instructorOnly, line: line)
      } else {
        output += lines[line - 1].text
      }
    }

    private mutating func addSecret(_ kind: Secret.Kind, line: Int) {
      let text = lines[line - 1].content.trimmingBlanks
      guard !text.isEmpty else { return }
      secrets.append(
        Secret(kind: kind, text: text, location: SourceLocation(file: document.path, line: line)))
    }

    /// Leaves a block out, keeping one blank line so the prose around it
    /// does not run together.
    private mutating func drop(_ range: ClosedRange<Int>, kind: Secret.Kind) {
      for line in range where line <= lines.count {
        addSecret(isMasked(line) ? .instructorOnly : kind, line: line)
      }
      if !output.isEmpty && !output.hasSuffix("\n\n") && !output.hasSuffix("\r\n\r\n") {
        output += ending
      }
    }

    /// The lab's line ending, from its first line.
    private var ending: String {
      lines.first.map { $0.ending.isEmpty ? "\n" : String($0.ending) } ?? "\n"
    }

    /// The fence line, the stubbed code re-indented as the fence was, then
    /// the closing fence and what follows, as written.
    private mutating func solutionCell(_ cell: Cell, range: ClosedRange<Int>) {
      guard range.lowerBound <= lines.count else { return }
      emit(range.lowerBound)
      let newline =
        lines[range.lowerBound - 1].ending.isEmpty
        ? ending : String(lines[range.lowerBound - 1].ending)
      let indent = String(repeating: " ", count: cell.codeColumn - 1)
      let code = Solutions.code(of: cell, regions: regions, replacingWith: nil)
      for line in Solutions.codeLines(code) {
        output += (line.isEmpty ? "" : indent) + line + newline
      }
      let codeEnd = cell.codeLine + Solutions.codeLines(cell.code).count
      for line in codeEnd...max(codeEnd, range.upperBound) where line <= range.upperBound {
        emit(line)
      }
      for region in regions where region.cellID == cell.id {
        // Offsets count every body line (blank and `// STUB:` ones too), so
        // each secret lands on its own file line.
        let body = region.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, text) in body.enumerated() where SolutionMarker.stubText(of: text) == nil {
          let trimmed = text.trimmingBlanks
          guard !trimmed.isEmpty else { continue }
          secrets.append(
            Secret(
              kind: .solution, text: trimmed,
              location: SourceLocation(file: document.path, line: region.beginLine + 1 + offset)))
        }
      }
    }

    /// The answer block without its `key:` and `tolerance:` lines.
    /// `hint` goes on a line of its own above the fence (an answer block's
    /// lines are all response), with the fence's indentation and line ending.
    private mutating func answerBlock(_ range: ClosedRange<Int>, hint: String? = nil) {
      guard range.lowerBound <= lines.count else { return }
      if let hint {
        let fenceText = lines[range.lowerBound - 1].text
        let indent = fenceText.prefix { $0 == " " || $0 == "\t" }
        output += indent + hint + (fenceText.hasSuffix("\r\n") ? "\r\n" : "\n")
      }
      emit(range.lowerBound)
      let fence = lines[range.lowerBound - 1].content.trimmingBlanks
      let fenceCharacter = fence.first ?? "`"
      let fenceLength = fence.prefix { $0 == fenceCharacter }.count
      var inside = true
      for line in (range.lowerBound + 1)...max(range.lowerBound + 1, range.upperBound)
      where line <= range.upperBound && line <= lines.count {
        let text = lines[line - 1].content.trimmingBlanks
        if inside && text.count >= fenceLength && text.allSatisfy({ $0 == fenceCharacter }) {
          inside = false
        } else if inside && (text.hasPrefix("key:") || text.hasPrefix("tolerance:")) {
          addSecret(.answerKey, line: line)
          continue
        }
        emit(line)
      }
    }
  }
}
