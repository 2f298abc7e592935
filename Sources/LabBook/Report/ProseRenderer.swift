/// Renders the instructor's Markdown prose to HTML: maths and `{{name}}`
/// references are protected from cmark, headings get unique anchors and
/// are collected for the table of contents.
struct ProseRenderer {
  struct Heading {
    var level: Int
    var id: String
    /// The heading's plain text.
    var text: String
  }

  /// Recorded values that `{{name}}` references show.
  var values: [String: RecordedValue]
  /// Anchors already taken (cell ids, earlier headings).
  var usedIDs: Set<String> = []
  private(set) var headings: [Heading] = []
  /// Every TeX formula met, to choose KaTeX's fonts.
  private(set) var tex: [String] = []
  /// A level-1 heading with this text is dropped once: the page's title
  /// block already shows it.
  var titleToDrop: String?

  init(values: [String: RecordedValue], usedIDs: Set<String> = []) {
    self.values = values
    self.usedIDs = usedIDs
  }

  /// The HTML of one prose block; raw HTML in the prose is kept (the
  /// instructor wrote it), values are escaped (a program produced them).
  mutating func render(_ markdown: String) -> String {
    let slots = ProseSlots(markdown)
    let html = Cmark.html(slots.markdown, allowRawHTML: true)
    let restored = slots.restore(html) { slot in
      switch slot {
      case .inlineMath(let formula):
        tex.append(formula)
        return "<code class=\"math\">" + HTML.escape(formula) + "</code>"
      case .displayMath(let formula):
        tex.append(formula)
        return "<code class=\"math display\">" + HTML.escape(formula) + "</code>"
      case .value(let name):
        guard let value = values[name] else {
          return "<span class=\"missing-value\" title=\"no value was recorded under this"
            + " name\">⟨no value: \(HTML.escape(name))⟩</span>"
        }
        return "<span class=\"value-ref\" data-name=\"\(HTML.escape(name))\">"
          + HTML.escape(value.display) + "</span>"
      }
    }
    return anchorHeadings(restored)
  }

  /// `html` with `id` attributes on cmark's `<h1>`…`<h6>` tags.
  private mutating func anchorHeadings(_ html: String) -> String {
    var out = ""
    var rest = Substring(html)
    while let open = rest.range(of: "<h") {
      out += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      guard let digit = after.first, let level = digit.wholeNumberValue, (1...6).contains(level),
        after.dropFirst().first == ">",
        let close = after.range(of: "</h\(level)>")
      else {
        out += "<h"
        rest = after
        continue
      }
      let inner = after[after.index(after.startIndex, offsetBy: 2)..<close.lowerBound]
      let text = HTML.text(of: String(inner))
      if level == 1, let title = titleToDrop, text == title {
        titleToDrop = nil
        rest = after[close.upperBound...]
        if rest.first == "\n" { rest = rest.dropFirst() }
        continue
      }
      let id = uniqueID(for: text)
      headings.append(Heading(level: level, id: id, text: text))
      out += "<h\(level) id=\"\(HTML.escape(id))\">" + inner + "</h\(level)>"
      rest = after[close.upperBound...]
    }
    return out + rest
  }

  /// A slug of `text` (lowercase letters, digits and hyphens), made unique
  /// with "-2", "-3", … when taken.
  mutating func uniqueID(for text: String) -> String {
    var slug = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        slug.append(character)
      } else if (character == " " || character == "-" || character == "_")
        && !slug.isEmpty && !slug.hasSuffix("-")
      {
        slug.append("-")
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    if slug.isEmpty { slug = "section" }
    var candidate = slug
    var n = 2
    while usedIDs.contains(candidate) {
      candidate = "\(slug)-\(n)"
      n += 1
    }
    usedIDs.insert(candidate)
    return candidate
  }
}
