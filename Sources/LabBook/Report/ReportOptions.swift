/// How a report is rendered.
public struct ReportOptions: Sendable {
  /// Inline KaTeX (script, stylesheet and the fonts the maths needs) so TeX
  /// renders as typeset maths; when off, or when KaTeX is not installed, TeX
  /// is shown as readable source in `<code class="math">`.
  public var inlineKaTeX: Bool = true
  /// Where KaTeX's `katex.min.js`, `katex.min.css` and `fonts/` live
  /// (Debian's libjs-katex by default).
  public var katexDirectory: String = "/usr/share/javascript/katex"
  /// Characters of one cell's stdout/stderr shown before the rest is cut
  /// (the JSON result keeps everything).
  public var maxStreamCharacters: Int = 100_000

  public init(
    inlineKaTeX: Bool = true, katexDirectory: String = "/usr/share/javascript/katex",
    maxStreamCharacters: Int = 100_000
  ) {
    self.inlineKaTeX = inlineKaTeX
    self.katexDirectory = katexDirectory
    self.maxStreamCharacters = maxStreamCharacters
  }
}
