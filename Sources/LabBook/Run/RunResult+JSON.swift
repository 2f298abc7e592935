import Foundation

extension RunResult {
  /// The strings JSON uses for the numbers it cannot hold. A cell's values
  /// and figures may contain NaN (a diverged loss) or infinity.
  static let nonFinite = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

  /// The encoder for `out/NAME.json`: sorted keys, pretty-printed, NaN and
  /// infinities written as the strings `"nan"`, `"inf"`, `"-inf"`.
  public static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity,
      nan: nonFinite.nan)
    return encoder
  }

  /// The decoder matching `makeEncoder()`.
  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity,
      nan: nonFinite.nan)
    return decoder
  }

  /// This result as `out/NAME.json` holds it (docs/run-json.md).
  public func jsonData() throws -> Data { try Self.makeEncoder().encode(self) }

  /// Reads a result written by `jsonData()`; throws on another schema version.
  public init(jsonData data: Data) throws {
    let result = try Self.makeDecoder().decode(RunResult.self, from: data)
    guard result.schemaVersion == Self.schemaVersion else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: [],
          debugDescription:
            "schema version \(result.schemaVersion), expected \(Self.schemaVersion); "
            + "run the lab again to rewrite it"))
    }
    self = result
  }
}
