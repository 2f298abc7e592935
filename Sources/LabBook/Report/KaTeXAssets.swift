import Foundation

/// KaTeX's script and stylesheet read from disk, with the stylesheet's
/// fonts inlined as `data:` URIs: only the woff2 faces the report's maths
/// is likely to use, so reports stay small.
struct KaTeXAssets {
  var script: String
  var stylesheet: String

  /// Faces every formula may need: text, italic letters, big operators.
  static let baseFaces: Set<String> = [
    "Main-Regular", "Math-Italic", "Size1-Regular", "Size2-Regular",
  ]

  /// Extra faces, each wanted when one of its commands appears in the TeX.
  static let facesByCommand: [(face: String, commands: [String])] = [
    ("Main-Bold", ["\\mathbf", "\\textbf", "\\bf", "\\boldsymbol", "\\bm"]),
    ("Main-Italic", ["\\textit", "\\mathit", "\\emph", "\\it"]),
    ("Main-BoldItalic", ["\\boldsymbol", "\\bm"]),
    ("Math-BoldItalic", ["\\boldsymbol", "\\bm"]),
    (
      "AMS-Regular",
      [
        "\\mathbb", "\\lesssim", "\\gtrsim", "\\leqslant", "\\geqslant", "\\varnothing",
        "\\square", "\\blacksquare", "\\therefore", "\\because", "\\checkmark", "\\nleq",
        "\\ngeq", "\\nmid", "\\circledast", "\\eqqcolon", "\\vartriangle",
      ]
    ),
    ("Caligraphic-Regular", ["\\mathcal"]),
    ("Fraktur-Regular", ["\\mathfrak"]),
    ("SansSerif-Regular", ["\\mathsf", "\\textsf"]),
    ("Script-Regular", ["\\mathscr"]),
    ("Typewriter-Regular", ["\\mathtt", "\\texttt"]),
    ("Size3-Regular", ["\\left", "\\right", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\begin"]),
    ("Size4-Regular", ["\\left", "\\right", "\\bigg", "\\Bigg", "\\begin"]),
  ]

  // Limitation: faces are chosen from commands in the TeX, not from KaTeX's
  // output; a symbol from an unlisted face falls back to a system font.
  /// The faces (e.g. "Main-Regular") wanted for all of `tex`.
  static func faces(for tex: [String]) -> Set<String> {
    let all = tex.joined(separator: " ")
    var faces = baseFaces
    for (face, commands) in facesByCommand where commands.contains(where: all.contains) {
      faces.insert(face)
    }
    return faces
  }

  /// The assets from `directory`, or `nil` when KaTeX is not there.
  init?(directory: String, tex: [String]) {
    let fm = FileManager.default
    guard let script = fm.contents(atPath: directory + "/katex.min.js"),
      let css = fm.contents(atPath: directory + "/katex.min.css"),
      let scriptText = String(data: script, encoding: .utf8),
      let cssText = String(data: css, encoding: .utf8)
    else { return nil }
    // A `</script>` inside the script would end the element early.
    self.script = scriptText.replacingOccurrences(of: "</script", with: "<\\/script")
    self.stylesheet = Self.inlineFonts(
      in: cssText, directory: directory + "/fonts", faces: Self.faces(for: tex))
  }

  /// `css` with each `@font-face` rule for a wanted face reduced to its
  /// woff2 file as a data URI, and every other `@font-face` rule removed.
  static func inlineFonts(in css: String, directory: String, faces: Set<String>) -> String {
    var out = ""
    var rest = Substring(css)
    while let start = rest.range(of: "@font-face{") {
      out += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
        rest = rest[start.lowerBound...]
        break
      }
      let rule = rest[start.lowerBound...end]
      rest = rest[rest.index(after: end)...]
      guard let nameStart = rule.range(of: "fonts/KaTeX_"),
        let nameEnd = rule[nameStart.upperBound...].range(of: ".woff2")
      else { continue }
      let face = String(rule[nameStart.upperBound..<nameEnd.lowerBound])
      guard faces.contains(face),
        let data = FileManager.default.contents(atPath: "\(directory)/KaTeX_\(face).woff2"),
        let srcStart = rule.range(of: "src:"),
        let srcEnd = rule[srcStart.upperBound...].firstIndex(of: ";")
      else { continue }
      out += rule[..<srcStart.upperBound]
      out += "url(data:font/woff2;base64,\(data.base64EncodedString())) format('woff2')"
      out += rule[srcEnd...]
    }
    return out + rest
  }

  /// Renders every `code.math` element with KaTeX, in place; bad TeX shows
  /// in red instead of throwing, so the page never stops half-rendered.
  static let renderScript = """
    (function () {
      if (typeof katex === "undefined") return;
      var nodes = document.querySelectorAll("code.math");
      for (var i = 0; i < nodes.length; i++) {
        var node = nodes[i];
        var display = node.classList.contains("display");
        var span = document.createElement("span");
        span.className = display ? "math-rendered display" : "math-rendered";
        span.setAttribute("title", node.textContent);
        katex.render(node.textContent, span, { displayMode: display, throwOnError: false });
        node.parentNode.replaceChild(span, node);
      }
    })();
    """
}
