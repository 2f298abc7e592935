#if canImport(Glibc)
  import Glibc
#endif

/// The one diagnostics sink: everything for people goes to stderr, coloured
/// only on a terminal and never with `NO_COLOR`; stdout carries results only.
enum Console {
  static let stderrIsTerminal = isatty(2) == 1
  static let useColour = stderrIsTerminal && getenv("NO_COLOR") == nil

  /// Writes a result line to stdout.
  static func output(_ line: String) {
    print(line)
  }

  static func error(_ message: String) {
    say(label: "error", colour: "31", message)
  }

  static func warning(_ message: String) {
    say(label: "warning", colour: "33", message)
  }

  static func note(_ message: String) {
    say(label: "note", colour: "36", message)
  }

  /// A line to stderr, as is.
  static func info(_ message: String) {
    writeStderr(message + "\n")
  }

  /// Rewrites the current terminal line (progress); a no-op off a terminal.
  static func status(_ message: String) {
    guard stderrIsTerminal else { return }
    writeStderr("\r\u{1B}[2K" + message)
  }

  static func clearStatus() {
    guard stderrIsTerminal else { return }
    writeStderr("\r\u{1B}[2K")
  }

  private static func say(label: String, colour: String, _ message: String) {
    let prefix = useColour ? "\u{1B}[1;\(colour)m\(label):\u{1B}[0m" : "\(label):"
    writeStderr("\(prefix) \(message)\n")
  }

  private static func writeStderr(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
