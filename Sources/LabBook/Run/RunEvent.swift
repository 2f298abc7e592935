import Foundation

/// One line of the events file a lab program writes through LabKit's
/// `_LabRuntime` (see docs/architecture.md). Every event carries the byte
/// offsets of the program's stdout and stderr when it was sent.
struct RunEvent: Decodable {
  /// `start`, `begin`, `end`, `value`, `figure`, `check` or `finish`.
  var e: String
  /// The cell's position in the program (`begin`, `end`).
  var i: Int?
  var id: String?
  /// The cell's wall-clock seconds (`end`).
  var seconds: Double?
  var out: Int
  var err: Int
  /// A recorded value's name and one of its three forms (`value`).
  var name: String?
  var number: Double?
  var text: String?
  var series: [Double]?
  var figure: FigureSpec?
  var check: CheckResult?

  /// The recorded value of a `value` event.
  var value: RecordedValue? {
    if let number { return .number(number) }
    if let text { return .text(text) }
    if let series { return .series(series) }
    return nil
  }

  /// Every event in `data`, one JSON object a line; a line that does not
  /// decode (the program wrote it as it died) is left out.
  static func decodeAll(_ data: Data) -> [RunEvent] {
    let decoder = RunResult.makeDecoder()
    return data.split(separator: UInt8(ascii: "\n")).compactMap {
      try? decoder.decode(RunEvent.self, from: Data($0))
    }
  }
}
