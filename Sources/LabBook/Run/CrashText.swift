/// What a crashed lab program left on stderr, read for the person who wrote
/// the cell: the trap's own message when Swift printed one, a plain-language
/// cause for the signal when it did not, and the cell's stderr without the
/// paths of LabKit's and Swift's own source files.
enum CrashText {
  /// What Swift prints before a trap's message: `file:line: Fatal error: …`.
  static let trapKinds = ["Fatal error", "Precondition failed", "Assertion failed"]

  /// One trap line: the source file and line Swift named (often inside
  /// LabKit or the standard library), and the message from the kind on
  /// (`Fatal error: Index out of range`).
  struct Trap: Equatable {
    var file: String
    var line: Int
    var message: String
  }

  /// The last trap line in `text`.
  static func trap(in text: String) -> Trap? {
    for line in text.split(separator: "\n").reversed() {
      if let trap = parse(line) { return trap.trap }
    }
    return nil
  }

  /// `text` with the `file:line: ` taken off each trap line, so that
  /// `Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range`
  /// reads `Fatal error: Index out of range`. The place that matters, the
  /// lab's own line, is the cell error's location.
  static func withoutTrapPlaces(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard let parsed = parse(line) else { return String(line) }
      return parsed.before + parsed.trap.message
    }.joined(separator: "\n")
  }

  /// The failure the backtracer names in its header when the trap has no
  /// printed message, e.g. `arithmetic overflow` from
  /// `*** Swift runtime failure: arithmetic overflow ***`.
  static func runtimeFailure(in text: String) -> String? {
    let opener = "*** Swift runtime failure: "
    for line in text.split(separator: "\n") where line.hasPrefix(opener) {
      var failure = line.dropFirst(opener.count)
      while failure.hasSuffix("*") || failure.hasSuffix(" ") { failure = failure.dropLast() }
      if !failure.isEmpty { return String(failure) }
    }
    return nil
  }

  /// How deep the call stack was, from the backtrace's largest frame
  /// number (`174554 [ra] 0x… f(_:) …`); 0 without a backtrace.
  static func stackDepth(in text: String) -> Int {
    var deepest = 0
    var inBacktrace = false
    for line in text.split(separator: "\n") {
      if line.hasPrefix("*** Signal ") { inBacktrace = true }
      guard inBacktrace else { continue }
      let words = line.drop { $0 == " " }.split(separator: " ", maxSplits: 2)
      guard words.count >= 2, let number = Int(words[0]),
        words[1].hasPrefix("[") || words[1].hasPrefix("0x")
      else { continue }
      deepest = max(deepest, number + 1)
    }
    return deepest
  }

  /// A backtrace this deep is a stack overflow, not a deep computation.
  static let overflowingDepth = 10_000

  /// Why a program ended by `signal` while no trap message was printed, in
  /// words a student can act on; nil for signals that are no crash.
  static func cause(of signal: String, stackDepth: Int = 0) -> String? {
    switch signal {
    case "SIGILL", "SIGTRAP":
      "crashed (\(signal)): a Swift runtime trap — arithmetic overflow, index out of range, "
        + "a failed precondition or a nil unwrap"
    case "SIGSEGV", "SIGBUS":
      stackDepth >= overflowingDepth
        ? "crashed (\(signal)): stack overflow — \(stackDepth) nested calls; look for a "
          + "recursion that never reaches its base case"
        : "crashed (\(signal)): memory fault — often a stack overflow from unbounded recursion, "
          + "or a function using a variable of a later cell before that cell ran"
    case "SIGFPE":
      "crashed (SIGFPE): arithmetic fault — often an integer division by zero in C code"
    default:
      nil
    }
  }

  /// A trap line's parts: what came before the place on the line (output
  /// without a newline), and the trap.
  private static func parse(_ line: Substring) -> (before: String, trap: Trap)? {
    for kind in trapKinds {
      guard let kindStart = line.range(of: kind)?.lowerBound else { continue }
      // `file:line: ` right before the kind.
      var head = line[..<kindStart]
      guard head.hasSuffix(": ") else { continue }
      head = head.dropLast(2)
      let digits = head.reversed().prefix { $0.isNumber }
      guard !digits.isEmpty, let number = Int(String(digits.reversed())) else { continue }
      head = head.dropLast(digits.count)
      guard head.hasSuffix(":") else { continue }
      head = head.dropLast()
      let file = head.reversed().prefix { $0 != " " }
      guard !file.isEmpty else { continue }
      let before = head.dropLast(file.count)
      return (
        String(before),
        Trap(file: String(file.reversed()), line: number, message: String(line[kindStart...]))
      )
    }
    return nil
  }
}
