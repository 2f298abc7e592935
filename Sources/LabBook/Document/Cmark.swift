internal import CCmark

#if canImport(Glibc)
  import Glibc
#endif

/// The parts of libcmark, the CommonMark reference parser, that LabBook uses.
/// No cmark type leaves this file.
enum Cmark {
  /// A code block as cmark found it.
  struct CodeBlock {
    /// The info string after the opening fence; empty for indented blocks.
    var info: String
    /// The code, with the fence's indentation removed.
    var literal: String
    /// 1-based lines and column of the block, fences included.
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    /// Whether the block sits directly in the document (not in a list or quote).
    var isTopLevel: Bool
  }

  /// Every code block of `markdown`, in document order, through
  /// `cmark_parse_document` and the `cmark_iter_*` walk (iterative: deep
  /// nesting does not recurse on our stack).
  static func codeBlocks(in markdown: String) -> [CodeBlock] {
    codeBlocks(utf8: Array(markdown.utf8))
  }

  /// Every code block of the UTF-8 text `bytes`, as `codeBlocks(in:)`.
  static func codeBlocks(utf8 bytes: [UInt8]) -> [CodeBlock] {
    var utf8 = bytes + [0]
    guard
      let root = utf8.withUnsafeMutableBufferPointer({ buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          cmark_parse_document($0, buffer.count - 1, CMARK_OPT_DEFAULT)
        }
      })
    else { return [] }
    defer { cmark_node_free(root) }

    var blocks: [CodeBlock] = []
    let iterator = cmark_iter_new(root)
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
        cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK
      else { continue }
      blocks.append(
        CodeBlock(
          info: string(cmark_node_get_fence_info(node)),
          literal: string(cmark_node_get_literal(node)),
          startLine: Int(cmark_node_get_start_line(node)),
          startColumn: Int(cmark_node_get_start_column(node)),
          endLine: Int(cmark_node_get_end_line(node)),
          isTopLevel: cmark_node_parent(node) == root))
    }
    return blocks
  }

  /// `markdown` as HTML through `cmark_markdown_to_html`. With `allowRawHTML`
  /// off, raw HTML and dangerous links are replaced (cmark's safe mode).
  static func html(_ markdown: String, allowRawHTML: Bool) -> String {
    let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    let utf8 = Array(markdown.utf8)
    let rendered = utf8.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map {
        $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          cmark_markdown_to_html($0, buffer.count, options)
        }
      } ?? cmark_markdown_to_html("", 0, options)
    }
    guard let rendered else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }
}
