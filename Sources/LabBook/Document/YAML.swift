internal import CYAML

/// The parts of libyaml that LabBook uses: reading one small YAML document
/// (a lab's front matter) into a tree. No libyaml type leaves this file.
///
/// Aliases (`*name`) are refused outright, so a "billion laughs" document
/// cannot expand; nesting deeper than `maxDepth` and documents with more than
/// `maxNodes` nodes are refused too. Front matter needs none of these.
enum YAML {
  static let maxDepth = 32
  static let maxNodes = 100_000

  /// A position as libyaml reports it: 0-based line, and 0-based column
  /// counted in characters (Unicode scalars), not bytes.
  struct Mark: Equatable {
    var line: Int
    var column: Int
  }

  struct Scalar {
    var text: String
    /// Written without quotes, block style or tag: its type may be inferred.
    var isPlain: Bool
    var mark: Mark
  }

  indirect enum Node {
    case scalar(Scalar)
    case sequence([Node], Mark)
    case mapping([(key: Node, value: Node)], Mark)

    var mark: Mark {
      switch self {
      case .scalar(let scalar): scalar.mark
      case .sequence(_, let mark), .mapping(_, let mark): mark
      }
    }
  }

  struct ParseError: Error {
    var message: String
    var mark: Mark
  }

  /// The first document of `text` (UTF-8), or `nil` when it holds none.
  ///
  /// Calls `yaml_parser_initialize`, `yaml_parser_set_input_string`,
  /// `yaml_parser_set_encoding`, then `yaml_parser_parse` event by event
  /// (freeing each with `yaml_event_delete`), and `yaml_parser_delete`. The
  /// tree is built with an explicit stack: no recursion.
  static func parse(_ text: [UInt8]) throws(ParseError) -> Node? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw ParseError(message: "out of memory", mark: Mark(line: 0, column: 0))
    }
    defer { yaml_parser_delete(&parser) }

    // libyaml reads from the buffer during every `yaml_parser_parse` call, so
    // the buffer must outlive the whole loop.
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.count, 1))
    defer { buffer.deallocate() }
    _ = buffer.initialize(from: text)
    yaml_parser_set_input_string(&parser, buffer.baseAddress, text.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

    var builder = TreeBuilder()
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw ParseError(message: problem(of: parser), mark: mark(parser.problem_mark))
      }
      defer { yaml_event_delete(&event) }
      let at = mark(event.start_mark)

      switch event.type {
      case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT:
        return builder.root
      case YAML_ALIAS_EVENT:
        throw ParseError(
          message: "aliases (*name) are not allowed in front matter; write the value out",
          mark: at)
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let value =
          scalar.value.map {
            String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
          } ?? ""
        let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
        try builder.add(.scalar(Scalar(text: value, isPlain: isPlain, mark: at)))
      case YAML_SEQUENCE_START_EVENT:
        try builder.open(isMapping: false, at: at)
      case YAML_MAPPING_START_EVENT:
        try builder.open(isMapping: true, at: at)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        try builder.close()
      default:
        continue
      }
    }
  }

  /// Collects nodes into collections as their events arrive.
  private struct TreeBuilder {
    private struct Frame {
      var isMapping: Bool
      var mark: Mark
      var items: [Node] = []
    }

    private var stack: [Frame] = []
    private var count = 0
    private(set) var root: Node?

    mutating func open(isMapping: Bool, at mark: Mark) throws(ParseError) {
      guard stack.count < YAML.maxDepth else {
        throw ParseError(
          message: "front matter nests deeper than \(YAML.maxDepth) levels", mark: mark)
      }
      stack.append(Frame(isMapping: isMapping, mark: mark))
    }

    mutating func close() throws(ParseError) {
      let frame = stack.removeLast()
      if frame.isMapping {
        let pairs = stride(from: 0, to: frame.items.count - 1, by: 2).map {
          (key: frame.items[$0], value: frame.items[$0 + 1])
        }
        try add(.mapping(pairs, frame.mark))
      } else {
        try add(.sequence(frame.items, frame.mark))
      }
    }

    mutating func add(_ node: Node) throws(ParseError) {
      count += 1
      guard count <= YAML.maxNodes else {
        throw ParseError(
          message: "front matter has more than \(YAML.maxNodes) values", mark: node.mark)
      }
      if stack.isEmpty {
        root = node
      } else {
        stack[stack.count - 1].items.append(node)
      }
    }
  }

  private static func mark(_ mark: yaml_mark_t) -> Mark {
    Mark(line: Int(mark.line), column: Int(mark.column))
  }

  /// libyaml's `problem` and `context` strings as one message.
  private static func problem(of parser: yaml_parser_t) -> String {
    var text = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    if let context = parser.context.map({ String(cString: $0) }) {
      text += " (\(context))"
    }
    return text
  }
}
